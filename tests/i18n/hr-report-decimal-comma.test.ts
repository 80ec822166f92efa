import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { reportSummary } from '../../src/web/hr-report/report-files';
import { cardText } from '../support/group-driver';

/**
 * Found in review, stop 40. HR makes the half-yearly report. The weekly energy averages and the
 * learning hours on the HR report's card, and in its readable summary for the board, are written
 * as the reader writes numbers, as every other figure of the app is: Dutch says "3,7 / 4,2" and
 * "22,5", English "3.7 / 4.2" and "22.5". Before, both printed raw numbers in either language.
 */
const translator = createTranslator();

function report(): HrReport {
  return {
    period: { from: '2026-07-01', to: '2026-12-31' },
    groupsActive: 2,
    sessionsHeld: 10,
    // A session of 45 minutes (SESSION_MINUTES=45) gives hours in quarters, rounded to a tenth.
    learningHours: 22.5,
    proposalsMade: 2,
    proposalsValidated: 1,
    proposalsRejected: 0,
    energy: [{ week: '2026-W48', answers: 8, averageIn: 3.7, averageOut: 4.2 }],
    b3: [],
    adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  };
}

const links = { csv: 'https://x.example/csv', summary: 'https://x.example/txt', minutes: 15 };

describe('the HR report writes decimals as its reader does', () => {
  it('Dutch card: energy averages with a decimal comma', () => {
    const text = cardText(hrReportCard(report(), links, translator.t('nl'), 'nl'));
    expect(text).toContain('3,7 / 4,2');
  });

  it('Dutch card: learning hours with a decimal comma', () => {
    const text = cardText(hrReportCard(report(), links, translator.t('nl'), 'nl'));
    expect(text).toContain('22,5');
  });

  it('English card keeps the decimal point', () => {
    const text = cardText(hrReportCard(report(), links, translator.t('en'), 'en'));
    expect(text).toContain('3.7 / 4.2');
    expect(text).toContain('22.5');
  });

  it('a week with too few answers and a whole average', () => {
    const r = { ...report(), energy: [{ week: '2026-W48', answers: 8, averageIn: 4 }] };
    expect(cardText(hrReportCard(r, links, translator.t('nl'), 'nl'))).toContain('4 / te weinig reacties');
  });
});

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
