import { createTranslator } from '../../src/i18n/i18n';
import { AdaptiveCardJson } from '../../src/teams/cards/card-kit';
import { halfYearHrCard } from '../../src/teams/cards/hr-report/half-year-hr.card';
import { halfYearManagerCard } from '../../src/teams/cards/hr-report/half-year-manager.card';
import { jaarplanFormCard } from '../../src/teams/cards/hr-report/jaarplan-form.card';
import { jaarplanSavedCard } from '../../src/teams/cards/hr-report/jaarplan-saved.card';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';

const halfYear = { from: '2026-01-01', to: '2026-06-30' };
const plan = { tenantId: 't', year: 2026, targets: { weekCycles: 40 }, moments: [3, 9] as [number, number], revision: 2, updatedAt: '2026-05-04T10:00:00.000Z', keys: ['k'] };

/** The half-yearly rhythm's cards, in both languages, against the Adaptive Cards schema and Teams' size limit. */
describe.each(['nl', 'en'] as const)('the half-yearly cards (%s)', (language) => {
  const t = createTranslator().t(language);

  it.each([
    ['HR\'s reminder with targets', halfYearHrCard({ year: 2026, halfYear, hasTargets: true }, t, language)],
    ['HR\'s reminder without targets', halfYearHrCard({ year: 2026, halfYear, hasTargets: false }, t, language)],
    ['a manager\'s nudge for one report', halfYearManagerCard({ halfYear, withoutConversation: 1 }, t, language)],
    ['a manager\'s nudge for several', halfYearManagerCard({ halfYear, withoutConversation: 7 }, t, language)],
    ['HR\'s reminder sent late', halfYearHrCard({ year: 2026, halfYear, hasTargets: false, late: true }, t, language)],
    ['a manager\'s nudge sent late', halfYearManagerCard({ halfYear, withoutConversation: 3, late: true }, t, language)],
    ['the form with chosen months', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan }, t)],
    ['a form refused for its months', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan, refused: { values: { firstMoment: '4', secondMoment: '4' }, errors: { secondMoment: 'x' }, changedMeanwhile: false } }, t)],
    ['a form someone else saved meanwhile', jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan, refused: { values: { firstMoment: '6', secondMoment: '12' }, errors: {}, changedMeanwhile: true } }, t)],
    ['the saved card', jaarplanSavedCard(plan, t)],
  ])('%s is a valid card', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });

  it('offers the report over the half-year, and the targets form only for a year without them', () => {
    const without = halfYearHrCard({ year: 2026, halfYear, hasTargets: false }, t, language);
    const verbs = (card: AdaptiveCardJson) => (card.actions ?? []).map((a) => ('verb' in a ? [a.verb, a.data] : [a.type]));
    expect(verbs(without)).toEqual([
      ['hrReport.view', { from: '2026-01-01', to: '2026-06-30', language }],
      ['jaarplan.open', { year: 2026, language }],
    ]);
    expect(verbs(halfYearHrCard({ year: 2026, halfYear, hasTargets: true }, t, language))).toEqual([['hrReport.view', { from: '2026-01-01', to: '2026-06-30', language }]]);
  });

  it('counts the manager\'s own plans and opens the plan form without naming anyone', () => {
    const card = halfYearManagerCard({ halfYear, withoutConversation: 2 }, t, language);
    expect(cardText(card)).toContain(language === 'nl' ? 'voor 2 van je directe medewerkers' : 'for 2 of your direct reports');
    expect(card.actions?.map((a) => ('verb' in a ? [a.verb, a.data] : [a.type]))).toEqual([['review.plan.open', {}]]);
  });

  it('says a card sent after its moment month comes late, naming the month it was due in; on time, nothing of the kind', () => {
    const line = language === 'nl' ? 'Deze herinnering komt te laat: ze hoorde in juni 2026 te komen' : 'This reminder comes late: it was due in June 2026';
    expect(cardText(halfYearHrCard({ year: 2026, halfYear, hasTargets: true, late: true }, t, language))).toContain(line);
    expect(cardText(halfYearManagerCard({ halfYear, withoutConversation: 1, late: true }, t, language))).toContain(line);
    expect(cardText(halfYearHrCard({ year: 2026, halfYear, hasTargets: true }, t, language))).not.toContain(line.slice(0, 30));
    expect(cardText(halfYearManagerCard({ halfYear, withoutConversation: 1 }, t, language))).not.toContain(line.slice(0, 30));
  });

  it('shows the chosen months on the form and after a save', () => {
    const form = JSON.stringify(jaarplanFormCard({ year: 2026, years: [2026, 2027], key: 'k', plan }, t));
    expect(form).toContain('"id":"firstMoment"');
    expect(cardText(jaarplanSavedCard(plan, t))).toContain(language === 'nl' ? 'maart en september' : 'March and September');
  });
});
