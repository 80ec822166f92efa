import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { reportSummary } from '../../src/web/hr-report/report-files';

/**
 * Found in review, stop 40. The readable summary of HR's report for the board printed the weekly
 * energy averages and the learning hours as raw numbers ("3.7 / 4.2", "22.5 leeruren") in a Dutch
 * report, while the rest of the app writes "3,7". Now the energy line goes through
 * `reportAverage`, and the learning hours through i18next's number format, in the reader's language.
 */
const translator = createTranslator();

function report(): HrReport {
  return {
    period: { from: '2026-07-01', to: '2026-12-31' },
    groupsActive: 2,
    sessionsHeld: 10,
    learningHours: 22.5,
    proposalsMade: 2,
    proposalsValidated: 1,
    proposalsRejected: 0,
    energy: [{ week: '2026-W48', answers: 8, averageIn: 3.7, averageOut: 4.2 }],
    b3: [],
    adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  };
}

describe('the HR report summary writes decimals as its reader does', () => {
  it('Dutch summary for the board: energy averages and learning hours with a decimal comma', () => {
    const summary = reportSummary(report(), translator.t('nl'), 'nl');
    expect(summary).toContain('3,7 / 4,2');
    expect(summary).toContain('22,5 leeruren');
  });

  it('English summary keeps the decimal point', () => {
    const summary = reportSummary(report(), translator.t('en'), 'en');
    expect(summary).toContain('3.7 / 4.2');
    expect(summary).toContain('22.5 learning hours');
  });
});
