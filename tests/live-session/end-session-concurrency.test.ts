import { execute } from '../support/activities';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { BusinessEvent } from '../../src/domain/shared/business-events';
import { isNormalCard, refusedAsClosed } from './support';

const AI_DRAFT = { proposal: 'AI-TEKST: een vast overdrachtsformulier', assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };

/**
 * "Sessie afronden" pressed by several members at once, delivered twice by Teams, and
 * pressed while the AI is still drafting. One close, one summary, one "held" event; the shared
 * card ends on the closed session; a late AI draft is not shown as anything the group decided.
 */
describe('ending the session from several sides at once', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  let round = 0;
  const events: BusinessEvent[] = [];
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env, '2026-11-23T08:00:00Z', { events: { record: (e) => events.push(e) } });
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });
  async function openSession() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:end-conc-${round++}@thread.v2`), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Het rooster');
    return g;
  }
  const summariesIn = (g: GroupDriver, from: number) =>
    t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));
  const heldSince = (from: number) => events.slice(from).filter((e) => e.name === 'sessionHeld' || e.name === 'sessionUnattended');

  it('three members press "afronden" together, one of them delivered twice: one summary, one event, every member sees the end', async () => {
    const g = await openSession();
    const before = t.connector.calls.length;
    const from = events.length;
    const annas = execute(g.conv, anna, 'session.end', { ...g.ids(), k: 'k-anna' }, g.sessionMessageId, 'end-anna-1');
    const answers = await Promise.all([t.send(annas), t.send(annas), t.send(execute(g.conv, bram, 'session.end', { ...g.ids(), k: 'k-bram' }, g.sessionMessageId)), t.send(execute(g.conv, cem, 'session.end', { ...g.ids(), k: 'k-cem' }, g.sessionMessageId))]);
    expect(answers.map((a) => isNormalCard(a.body))).toEqual([true, true, true, true]);
    expect(answers.every((a) => cardText(a.body.value).includes('Deze sessie is afgerond'))).toBe(true);
    await t.app.outbox.drain(30_000);
    expect(summariesIn(g, before)).toHaveLength(1);
    expect(heldSince(from)).toHaveLength(1);
    await t.app.sharedCards.idle();
    expect(cardText(g.sharedCard())).toContain('Deze sessie is afgerond');
  });

  it('"afronden" while the AI drafts: the late draft leaves the shared card on the closed session, and no second summary', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:end-conc-${round++}@thread.v2`), [anna, bram, cem]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten']);
    await g.press(bram, 'proposal.draft', g.ids());
    await ai.held();
    const before = t.connector.calls.length;
    await g.end(anna);
    ai.answer(AI_DRAFT);
    await t.app.background.idle();
    await t.app.sharedCards.idle();
    await t.app.outbox.drain(30_000);
    expect((await g.session()).status).toBe('closed');
    expect(cardText(g.sharedCard())).toContain('Deze sessie is afgerond');
    expect(summariesIn(g, before)).toHaveLength(1);
    const p = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(p.decision).toBeUndefined();
  });

  it('a press of "Volgende", "Vraag AI" or an opinion from a card rendered before the end: refused, nothing stored', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:end-conc-${round++}@thread.v2`), [anna, bram, cem]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'EIGEN: tafel']);
    await g.end(anna);
    const closed = await g.session();
    const goto = await g.press(bram, 'session.goto', { ...g.ids(), index: 2, k: 'k-old' });
    const draft = await g.press(bram, 'proposal.draft', { ...g.ids(), k: 'k-old' });
    const judge = await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed', k: 'k-old' });
    for (const a of [goto, draft, judge]) expect(refusedAsClosed(a)).toBe(true);
    expect((await g.session()).currentIndex).toBe(closed.currentIndex);
    const judgements = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.groupId = @g", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
    expect(judgements).toHaveLength(0);
  });
});
