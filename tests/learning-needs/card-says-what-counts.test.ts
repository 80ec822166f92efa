/**
 * Found in review, stop 41. The member's learning-need card promised "a theme counts only when at
 * least {min} people chose it ...; otherwise your learning need counts in the total only". Dewi
 * is the only one who picks her theme in a weekly handover where three others pick another: the
 * report counts her need nowhere (that handover's rest of one person is left out, rightly, as it
 * would name her theme). The rule stays; the card now says it: a need in a theme too few chose
 * counts in the total only when at least {min} people in that handover chose only such smaller
 * themes, and otherwise nowhere. Both halves are checked against the report's own rules.
 */
import { buildBatch, LearningNeedPassOn, LearningTheme } from '../../src/domain/learning-needs/learning-need';
import { learningNeedsSection } from '../../src/domain/learning-needs/report';
import { createTranslator } from '../../src/i18n/i18n';
import { learningNeedCard } from '../../src/teams/cards/learning-needs/learning-need.card';
import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const RULE_NL = /Kozen minder mensen jouw thema, dan telt je leerbehoefte alleen in het totaal mee, en alleen als in die overdracht minstens 3 mensen \(jij meegerekend\) alleen zulke kleinere thema's kozen\. Anders telt hij nergens mee/;
const RULE_EN = /If fewer people chose your theme, your learning need counts in the total only, and only when at least 3 people in that handover \(you included\) chose only such smaller themes\. Otherwise it counts nowhere/;

describe('what the learning-need card says counts, and what L&O gets', () => {
  let t: TestApp;
  let g: GroupDriver;
  const hanna = user('Hanna');
  const members: TestUser[] = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user);
  const dewi = members[3]!;
  let dewiCard = '';

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:ln-promise@thread.v2'), members);
    await g.setUp();
    await g.startCycle();
    await g.press(members[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9', day2: '1,2,3', day3: '4,5,6,7', day4: '8,10' }, 'cycle-card');
    await g.startSession();
    const q9 = { ...g.ids(), questionId: 9 };
    for (const who of members) {
      await g.press(who, 'session.personal', { ...q9, text: `Antwoord van ${who.name}` });
      if (who === dewi) dewiCard = cardText((await g.press(who, 'learningNeed.open', q9)).value);
      const theme = who === dewi ? 'coachen' : 'digitaal';
      expect(cardText((await g.press(who, 'learningNeed.pass', { ...q9, theme, learningNeedText: '' })).value)).toContain('Doorgegeven');
    }
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.scheduler.runDue();
  }, 180_000);
  afterAll(() => t.stop());

  it('tells Dewi that a need alone in its theme counts nowhere, and the report indeed counts it nowhere', async () => {
    expect(dewiCard).toMatch(RULE_NL);
    expect(dewiCard).not.toMatch(/Anders telt je leerbehoefte alleen in het totaal\./);
    const report = cardText(await reportCard(t, t.conversation('channel', '19:hr-promise@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-12-31'));
    // The card's privacy line (about every section) names learning needs too; this looks at the section's own lines.
    const lines = report.split('\n').filter((l) => /leerbehoefte|Niet geteld/i.test(l) && !l.startsWith('Cijfers zijn totalen'));
    expect(lines).toEqual([
      'Leerbehoeften, anoniem doorgegeven aan L&O',
      '3 leerbehoeften geteld.',
      "Niet geteld: in 1 overdracht de behoeften buiten de getoonde thema's, omdat minder dan 3 mensen ze doorgaven (zo zijn ze ook niet af te leiden door perioden te vergelijken).",
    ]);
  });

  it('says the same in English', () => {
    const card = learningNeedCard({ groupId: 'g', sessionId: 's', questionId: 9, answer: 'x', minimum: 3 }, createTranslator().t('en'));
    expect(cardText(card)).toMatch(RULE_EN);
  });

  it('keeps the other half: needs of at least the minimum of people in themes too few chose count in the total', () => {
    const passOn = (userId: string, theme: LearningTheme): LearningNeedPassOn => ({ id: `lnp_${userId}`, type: 'learningNeedPassOn', userId, answerId: `a_${userId}`, status: 'sealing', theme, tenantId: 't1' });
    const week = { week: '2026-W49', weekStart: '2026-11-30' };
    const period = { from: '2026-11-01', to: '2026-12-31' };
    const smallThemes = buildBatch([passOn('anna', 'coachen'), passOn('bram', 'vakkennis'), passOn('cem', 'organiseren'), passOn('dewi', 'digitaal')], week, 't1', 3)!;
    expect(learningNeedsSection([smallThemes], period, 3)).toMatchObject({ total: 4, counted: 4, restsLeftOut: 0, themes: [] });
    const aloneInTheme = buildBatch([passOn('anna', 'digitaal'), passOn('bram', 'digitaal'), passOn('cem', 'digitaal'), passOn('dewi', 'coachen')], week, 't1', 3)!;
    expect(learningNeedsSection([aloneInTheme], period, 3)).toMatchObject({ counted: 3, restsLeftOut: 1 });
  });
});
