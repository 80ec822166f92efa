/**
 * Stop 48: HR's report shows per adopted proposal whether the group shared it with L&O and L&O's
 * latest answer. L&O may write 2,000 characters and a group 4,000 of its own words: with fifteen
 * proposals shown, each with the longest answer, the card stays a valid card within Teams' limits
 * (the answer shortened as the proposal is; the downloads hold it whole). A proposal the card leaves
 * out ("En nog N voorstellen") takes its answer along: no answer shows without its proposal.
 */
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';
import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { reportCsv } from '../../src/web/hr-report/report-files';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const links = { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 };
const words = (n: number, tag: string) => `${tag} ${'Lorem ipsum dolor sit amet, consectetur. '.repeat(Math.ceil(n / 41))}`.slice(0, n);

/** Twenty adopted proposals of one group, each shared and answered with the longest words the forms allow. */
function report(): HrReport {
  const proposals = Array.from({ length: 20 }, (_, i) => ({
    verdict: 'adapt' as const,
    text: words(4000, `VOORSTEL-${i + 1}`),
    decidedOn: `2026-11-${String(i + 2).padStart(2, '0')}`,
    lo: { sharedOn: `2026-11-${String(i + 3).padStart(2, '0')}`, answer: { text: words(MAX_LO_ANSWER_LENGTH, `ANTWOORD-${i + 1}`), on: '2026-11-28' } },
  }));
  return {
    period: { from: '2026-05-31', to: '2026-11-30' },
    groupsActive: 1, sessionsHeld: 20, learningHours: 60, proposalsMade: 20, proposalsValidated: 20, proposalsRejected: 0,
    energy: [], b3: [],
    adoption: { adopted: 20, lookedBack: 0, taken: 0, groups: [{ groupName: `Team ${'Zorg '.repeat(20)}`, proposals }] },
  };
}

describe('L&O\'s answers on HR\'s report card', () => {
  it.each(['nl', 'en'] as const)('keeps the card valid and within limits with fifteen of the longest answers (%s)', (language) => {
    const card = hrReportCard(report(), links, createTranslator().t(language), language);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text.match(/ANTWOORD-\d+ /g)).toHaveLength(15);
    expect(text).toContain(language === 'nl' ? 'Antwoord van L&O op 28 nov 2026:' : "L&O's answer of 28 Nov 2026:");
    // Shortened on the card, as the proposal is; the 16th proposal and its answer are left to the downloads.
    expect(text).not.toContain(words(MAX_LO_ANSWER_LENGTH, 'ANTWOORD-1'));
    expect(text).toContain('VOORSTEL-15 ');
    expect(text).not.toContain('VOORSTEL-16 ');
    expect(text).not.toContain('ANTWOORD-16 ');
    expect(text).toContain(language === 'nl' ? 'En nog 5 voorstellen: zie de downloads.' : 'And 5 more proposals: see the downloads.');
  });

  it('puts every answer whole in the CSV', () => {
    const csv = reportCsv(report());
    for (let i = 1; i <= 20; i++) expect(csv).toContain(words(MAX_LO_ANSWER_LENGTH, `ANTWOORD-${i}`));
  });
});
