import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { cardText } from '../support/group-driver';

/**
 * Found in review. HR makes the half-yearly report. The weekly energy averages and the learning
 * hours on the HR report's card are written as the reader writes numbers, as every other figure
 * of the app is: a Dutch card says "3,7 / 4,2" and "22,5", an English one "3.7 / 4.2" and "22.5".
 * (The readable summary for the board: tests/i18n/probe-hr-report-summary-decimals.test.ts.)
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
