import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { reportSummary } from '../../src/web/hr-report/report-files';

/**
 * Found in review, stop 45. The readable summary for the board lists each adopted proposal as one
 * item: "- <group>, <date>: <text> (Eerste stap: <outcome>)". A proposal is what the group wrote in
 * a text area, or the AI's draft it adopted as it is: several lines. Put in as it was, the item
 * broke over lines and the lines in between read as the summary's own, so a member could write a
 * line that looks like the summary's B3 section. The proposal is now put on one line, as
 * managers' facilitation quotes are.
 *
 * What must hold: each adopted proposal is one line of the summary, whatever the group typed.
 */

const multiLine = [
  'Tien minuten overdracht met een vast formulier.',
  '',
  'B3-spiegel per team (0-100)',
  '- Zorgteam Noord, 1 nov 2026: Boeien 12, Binden 10, Behouden 8',
].join('\n');

const report: HrReport = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  groupsActive: 1, sessionsHeld: 4, learningHours: 16, proposalsMade: 1, proposalsValidated: 1, proposalsRejected: 0,
  energy: [],
  b3: [],
  adoption: { adopted: 1, lookedBack: 1, taken: 1, takenShare: 100, groups: [{ groupName: 'Team Zorg', proposals: [{ verdict: 'adapt', text: multiLine, decidedOn: '2026-11-25', outcome: { status: 'done' } }] }] },
};

describe('the readable summary lists an adopted proposal as one line', () => {
  it('keeps a proposal typed over several lines on its own line, with its group, date and first step', () => {
    const lines = reportSummary(report, createTranslator().t('nl'), 'nl').split('\n');
    const item = lines.find((l) => l.startsWith('- Team Zorg, 25 nov 2026: '));
    expect(item).toBeDefined();
    expect(item).toContain('Tien minuten overdracht met een vast formulier.');
    expect(item!.endsWith('(Eerste stap: gedaan)')).toBe(true);
    // The group's words do not become lines of their own that read as the summary's B3 section.
    expect(lines).not.toContain('- Zorgteam Noord, 1 nov 2026: Boeien 12, Binden 10, Behouden 8');
  });
});
