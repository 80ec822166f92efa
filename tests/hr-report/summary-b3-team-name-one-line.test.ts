import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { reportSummary } from '../../src/web/hr-report/report-files';

const report: HrReport = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  groupsActive: 0, sessionsHeld: 0, learningHours: 0, proposalsMade: 0, proposalsValidated: 0, proposalsRejected: 0,
  energy: [],
  b3: [{ team: 'Zorgteam Zuid\n- Zorgteam Noord, 1 nov 2026: Boeien 12, Binden 10, Behouden 8', polls: [{ closedOn: '2026-11-20', respondents: 2 }] }],
  adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
};

/**
 * The readable summary keeps every typed text on one line of its own, so none can pass for a line
 * of the summary's own (summary-proposal-one-line). A B3 team's name (its Teams name, as the poll
 * stored it) went in as it was: a name with a line break wrote a line that read as another team's
 * B3 scores. Found in review, stop 68 (probe hr-summary-b3-team-name-one-line).
 */
describe('the readable summary and a B3 team name with a line break', () => {
  it('keeps the team on one line: no line of the summary comes from the name', () => {
    const lines = reportSummary(report, createTranslator().t('nl'), 'nl').split('\n');
    expect(lines.filter((l) => l.startsWith('- Zorgteam Noord'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('- Zorgteam Zuid - Zorgteam Noord, 1 nov 2026: Boeien 12, Binden 10, Behouden 8, 20 nov 2026: '))).toHaveLength(1);
  });
});
