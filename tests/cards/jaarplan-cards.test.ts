import { HrReport } from '../../src/domain/hr-report/report';
import { createTranslator } from '../../src/i18n/i18n';
import { hrReportCard } from '../../src/teams/cards/hr-report/hr-report.card';
import { jaarplanFormCard } from '../../src/teams/cards/hr-report/jaarplan-form.card';
import { jaarplanRestrictedCard } from '../../src/teams/cards/hr-report/jaarplan-restricted.card';
import { jaarplanSavedCard } from '../../src/teams/cards/hr-report/jaarplan-saved.card';
import { helpCard } from '../../src/teams/cards/help.card';
import { reportSummary } from '../../src/web/hr-report/report-files';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const plan = { tenantId: 't', year: 2026, targets: { weekCycles: 40, learningHours: 1 }, revision: 3, updatedAt: '2026-11-30T10:00:00.000Z', keys: ['k'] };
const report: HrReport = {
  period: { from: '2026-06-01', to: '2026-11-30' },
  groupsActive: 1, sessionsHeld: 4, learningHours: 16, proposalsMade: 1, proposalsValidated: 1, proposalsRejected: 0,
  energy: [], b3: [], adoption: { adopted: 0, lookedBack: 0, taken: 0, groups: [] },
  jaarplan: { year: 2026, through: '2026-11-30', indicators: [{ indicator: 'weekCycles', realised: 12, target: 40 }, { indicator: 'learningHours', realised: 22.5, target: 1 }] },
};

/** The Jaarplan cards, in both languages, against the Adaptive Cards schema and Teams' size limit. */
describe.each(['nl', 'en'] as const)('the Jaarplan cards (%s)', (language) => {
  const t = createTranslator().t(language);

  it.each([
    ['the empty form', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k' }, t)],
    ['the form with stored targets', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan }, t)],
    ['a refused form', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan, refused: { values: { weekCycles: '0', learningHours: 'x' }, errors: { weekCycles: 'a', learningHours: 'b' }, changedMeanwhile: false } }, t)],
    ['a form someone else saved meanwhile', jaarplanFormCard({ year: 2027, years: [2026, 2027], key: 'k', plan: { ...plan, year: 2027 }, refused: { values: { weekCycles: '50' }, errors: {}, changedMeanwhile: true } }, t)],
    ['the saved card', jaarplanSavedCard(plan, t)],
    ['the card in a shared chat', jaarplanRestrictedCard({ year: 2026, refreshUserIds: ['29:hanna'] }, t)],
    ['the report with targets', hrReportCard(report, { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 }, t, language)],
    ['the report without targets', hrReportCard({ ...report, jaarplan: { year: 2026, through: '2026-11-30', indicators: [] } }, { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 }, t, language)],
    ['the help', helpCard(t, 'personal')],
  ])('%s is a valid card', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('says realised against target per indicator with one, in the reader\'s notation', () => {
    const text = cardText(hrReportCard(report, { csv: 'https://x/csv', summary: 'https://x/txt', minutes: 15 }, t, language));
    const summary = reportSummary(report, t, language);
    const expected = language === 'nl' ? ['12 van 40 Vitale Weekcycli (30%)', '22,5 van 1 leeruur (2.250%)'] : ['12 of 40 Vital Week Cycles (30%)', '22.5 of 1 learning hour (2,250%)'];
    for (const line of expected) {
      expect(text).toContain(line);
      expect(summary).toContain(`- ${line}`);
    }
  });

  it('lists the command for HR in the help', () => {
    expect(cardText(helpCard(t, 'personal'))).toContain(language === 'nl' ? 'jaarplan [jaar]' : 'annual plan [year]');
  });
});
