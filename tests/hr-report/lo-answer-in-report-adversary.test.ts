/**
 * Stop 48 review (8178403): L&O's answer on HR's report. L&O types it; HR opens the CSV in
 * Excel and pastes the summary into a board memo. Confirms the answer is neutralised in the CSV,
 * stays on the proposal's own line in the summary, and is plain text (never Markdown) on the card.
 */
import { parse } from 'csv-parse/sync';
import { HrReport } from '../../src/domain/hr-report/report';
import { loAnswerText } from '../../src/domain/proposal/proposal-to-lo';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { reportCsv, reportSummary } from '../../src/web/hr-report/report-files';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const answers = ['=HYPERLINK("https://evil.example","x")', '+1+cmd|"/C calc"!A0', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1', '\uFF1D1+1', '\n=1+1'];

function report(answer: string): HrReport {
  return {
    period: { from: '2026-05-31', to: '2026-11-30' },
    groupsActive: 1, sessionsHeld: 2, learningHours: 6, proposalsMade: 1, proposalsValidated: 1, proposalsRejected: 0,
    energy: [], b3: [],
    adoption: { adopted: 1, lookedBack: 0, taken: 0, groups: [{ groupName: 'Team Zorg', proposals: [{ verdict: 'accept', text: 'Overdracht', decidedOn: '2026-11-02', lo: { sharedOn: '2026-11-03', answer: { text: answer, on: '2026-11-04' } } }] }] },
  };
}

describe('probe: L&O\'s answer on HR\'s report', () => {
  it.each(answers)('no CSV cell starts with a formula character for answer %j (as L&O\'s form stores it)', (raw) => {
    const cells: string[] = parse(reportCsv(report(loAnswerText(raw))), { relax_column_count: true }).flat();
    expect(cells.filter((c) => /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([]);
  });

  it('an answer as L&O\'s form stores it (no leading line break) stays on the proposal\'s one line in the summary', () => {
    const stored = loAnswerText('Goed idee.\n\nB3\n- Zorgteam Noord: Boeien 12\u2028Klaar');
    const lines = reportSummary(report(stored), createTranslator().t('nl'), 'nl').split('\n');
    expect(lines.filter((l) => l.includes('Zorgteam Noord'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('Zorgteam Noord'))).toMatch(/^- Team Zorg, /);
  });

  it('shows the answer on the card as plain text, never as Markdown', () => {
    const card = hrReportCard(report('**vet** [klik](https://evil.example)'), links, createTranslator().t('nl'), 'nl');
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"TextRun","text":"**vet** [klik](https://evil.example)"');
  });
});
