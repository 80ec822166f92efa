import { LearningNeedBatch } from '../../src/domain/learning-needs/learning-need';
import { weeklyLoView } from '../../src/domain/learning-needs/weekly-to-lo';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { createTranslator } from '../../src/i18n/i18n';
import { loWeeklyCard } from '../../src/teams/cards/learning-needs/lo-weekly.card';
import { TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, eraseInChat, PersonalChat } from '../verantwoording/support';
import { groupWithQuestion9, passOn } from './support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test


const TEXTS = {
  one: ['Een: afspraken tussen diensten', 'Een: feedback geven', 'Een: overleggen'],
  oneAlone: 'Een-alleen: omgaan met mijn burn-out',
  two: ['Twee: dashboards lezen', 'Twee: Excel-macro\'s', 'Twee: Teams beter gebruiken'],
  three: ['Drie: buddy zijn', 'Drie: stagiairs begeleiden'],
};
const TITLE = /^(Leerbehoeften van week|Learning needs of week) 49$/;

describe('the weekly handover told to L&O in their own chats', () => {
  let t: TestApp;
  const [hanna, piet, ria] = ['Hanna', 'Piet', 'Ria'].map(user) as [TestUser, TestUser, TestUser];
  const people = {
    one: ['Anna', 'Bram', 'Cem', 'Dirk'].map(user),
    two: ['Dewi', 'Eva', 'Finn'].map(user),
    three: ['Gijs', 'Hugo', 'Ilse'].map(user),
  };
  const everyMember = [...people.one, ...people.two, ...people.three];
  let queued: Doc[] = [];

  /** The weekly cards each HR person's 1:1 chat received, with the tenant the 1:1 chat was reached in. */
  const weeklyCards = (who: TestUser) =>
    t.connector
      .cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`)
      .filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')))
      .map(({ call, card }) => ({ tenant: call.activity.conversation?.tenantId as string | undefined, card, text: cardText(card) }));
  const weeklyJobs = async (): Promise<Doc[]> =>
    (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.filter((j: Doc) => TITLE.test(String(j.payload?.attachments?.[0]?.content?.body?.[0]?.text ?? '')));
  const runHandover = async () => {
    await t.app.scheduler.schedule({ id: `learningNeeds.handover:again-${Date.now()}`, kind: 'learningNeeds.handover', dueAt: t.clock.now().toISOString(), payload: {} });
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,AAD-PIET,aad-ria', ALLOWED_TENANT_IDS: 'tenant-1,tenant-2,tenant-3', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    await new PersonalChat(t, piet).say('taal en');
    // tenant-1: three chose one theme (shown, with their words), one another theme alone (never shown).
    const one = await groupWithQuestion9(t, 'tenant-1', people.one);
    for (const [i, who] of people.one.slice(0, 3).entries()) await passOn(one, who, 'samenwerken', TEXTS.one[i]!);
    await passOn(one, people.one[3]!, 'vitaliteit', TEXTS.oneAlone);
    // tenant-2: enough on its own; tenant-3: too few, they wait.
    const two = await groupWithQuestion9(t, 'tenant-2', people.two);
    for (const [i, who] of people.two.entries()) await passOn(two, who, 'digitaal', TEXTS.two[i]!);
    const three = await groupWithQuestion9(t, 'tenant-3', people.three);
    for (const [i, who] of people.three.slice(0, 2).entries()) await passOn(three, who, 'coachen', TEXTS.three[i]!);
    // Ria's erasure is under way when the handover runs (its ticket stands in her own partition).
    await t.store.container('personal').items.create({ id: erasureTicketId(ria.aadObjectId), type: 'erasureTicket', userId: ria.aadObjectId, marker: 'm', createdAt: '2026-11-29T08:00:00.000Z' });
    t.connector.clear();
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    // The 1:1 chats are held open until the queued jobs were read: a sent job keeps no payload.
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    t.connector.holds.push((req) => (req.method === 'POST' && req.path === '/v3/conversations' ? opened : undefined));
    await t.app.scheduler.runDue();
    queued = await weeklyJobs();
    open();
    await t.app.outbox.drain(30_000);
  }, 180_000);
  afterAll(() => t.stop());

  it('gives each HR person one card per tenant whose handover wrote a batch, in their language, with the shown theme and its words only', () => {
    for (const [who, title] of [[hanna, 'Leerbehoeften van week 49'], [piet, 'Learning needs of week 49']] as const) {
      const cards = weeklyCards(who);
      expect(cards.map((c) => c.tenant).sort()).toEqual(['tenant-1', 'tenant-2']);
      const one = cards.find((c) => c.tenant === 'tenant-1')!;
      const two = cards.find((c) => c.tenant === 'tenant-2')!;
      for (const c of cards) expect(c.card.body[0].text).toBe(title);
      for (const x of TEXTS.one) expect(one.text).toContain(x);
      for (const x of TEXTS.two) expect(two.text).toContain(x);
      // Another tenant's words never; what one person alone chose never, nor its theme.
      for (const x of [...TEXTS.two, ...TEXTS.three, TEXTS.oneAlone]) expect(one.text).not.toContain(x);
      for (const x of [...TEXTS.one, ...TEXTS.three, TEXTS.oneAlone]) expect(two.text).not.toContain(x);
      expect(one.text).not.toMatch(/Vitaliteit|Vitality/);
      // A theme's count is the minimum or more; the rest of one person is not counted.
      expect(one.text).toMatch(who === hanna ? /3 leerbehoeften geteld/ : /3 learning needs counted/);
      for (const c of cards) {
        expect(actionData(c.card, 'loOffer.list')).toBeDefined();
        expect(actionData(c.card, 'hrReport.view')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
        expect(cardProblems(c.card)).toEqual([]);
      }
    }
  });

  it('sends nothing for a tenant whose people were too few, and nothing to an HR person whose erasure is under way', () => {
    const everything = t.connector.cards().map(({ card }) => cardText(card)).join('\n');
    for (const x of TEXTS.three) expect(everything).not.toContain(x);
    expect(weeklyCards(ria)).toEqual([]);
    expect(t.connector.calls.filter((c) => c.conversationId === `a:1on1-${ria.aadObjectId}`)).toEqual([]);
  });

  it('names nobody in the card or the queued job: no member\'s id or name, only the words the batch keeps', async () => {
    expect(queued).toHaveLength(4);
    for (const job of queued) {
      const { target, ...rest } = job;
      expect(target).toEqual({ kind: 'person', userId: expect.stringMatching(/^aad-(hanna|piet)$/), appUserId: target.userId });
      expect(JSON.stringify(rest.payload)).toContain(rest.tenantId === 'tenant-1' ? TEXTS.one[0] : TEXTS.two[0]);
      const stored = JSON.stringify(rest);
      for (const m of everyMember) for (const mark of [m.aadObjectId, m.id, m.name]) expect(stored).not.toContain(mark);
      expect(stored).not.toContain('Antwoord van');
    }
    for (const who of [hanna, piet]) for (const c of weeklyCards(who)) for (const m of everyMember) expect(JSON.stringify(c.card)).not.toMatch(new RegExp(`${m.aadObjectId}|${m.id}|\\b${m.name}\\b`));
  });

  it('sends no second card when the handover runs again that week, nor after an HR person erased their data', async () => {
    await runHandover();
    expect(weeklyCards(hanna)).toHaveLength(2);
    expect(weeklyCards(piet)).toHaveLength(2);
    await eraseInChat(t, hanna);
    await runHandover();
    expect(weeklyCards(hanna)).toHaveLength(2);
    expect(weeklyCards(piet)).toHaveLength(2);
  });
});

describe('the weekly card itself', () => {
  const batch = (over: Partial<LearningNeedBatch>): LearningNeedBatch => ({ id: 'b', type: 'learningNeedBatch', tenantId: 't', week: '2026-W49', weekStart: '2026-11-30', people: 4, needs: 4, themes: {}, ...over });

  it('has nothing to show for a handover whose every part is below the minimum the report applies now', () => {
    // Handed over when the minimum was 3: one theme of 3 people, a rest of one person left out. With 5 now, nothing may show.
    expect(weeklyLoView(batch({ themes: { samenwerken: { people: 3, needs: 3, texts: ['a', 'b', 'c'] } }, restLeftOut: true }), 5)).toBeUndefined();
    expect(weeklyLoView(batch({ themes: { samenwerken: { people: 3, needs: 3, texts: ['a', 'b', 'c'] } }, restLeftOut: true }), 3)).toMatchObject({ weekNumber: 49, from: '2026-11-30', to: '2026-12-06', section: { counted: 3, restsLeftOut: 1 } });
  });

  it.each(['nl', 'en'] as const)('is a valid card within Teams\' limits at its longest (%s)', (language) => {
    const t = createTranslator().t(language);
    const texts = Array.from({ length: 40 }, (_, i) => `${i} ${'w'.repeat(296)}`);
    const themes = { samenwerken: { people: 40, needs: 40, texts }, digitaal: { people: 40, needs: 40, texts }, coachen: { people: 40, needs: 40, texts } };
    const view = weeklyLoView(batch({ people: 130, needs: 130, themes, rest: { needs: 10, themes: 5 } }), 5)!;
    expect(cardProblems(loWeeklyCard(view, t, language))).toEqual([]);
  });
});
