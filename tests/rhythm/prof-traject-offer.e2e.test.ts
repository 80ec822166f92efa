import { storedText } from '../support/cosmos';
import { execute } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const OFFER_VERB = 'verantwoording.traject.open';

/**
 * Point 8: at the group's first cycle each member without a Prof-traject is offered one, in
 * their own 1:1 chat with the bot (through the outbox), once, and never in the group's chat.
 */
describe('the Prof-traject is offered privately at the first cycle', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi, eva] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  /** The offer cards each person's 1:1 chat received, by Teams user id. */
  const offers = () => {
    const byChat = new Map([...t.connector.personalChats].map(([member, chat]) => [chat, member]));
    const out: Record<string, number> = {};
    for (const { call, card } of t.connector.cards((c) => c.method === 'POST')) {
      if (!JSON.stringify(card).includes(OFFER_VERB)) continue;
      const who = byChat.get(call.conversationId) ?? `not a 1:1 chat: ${call.conversationId}`;
      out[who] = (out[who] ?? 0) + 1;
    }
    return out;
  };
  const deliver = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T07:00:00Z'); // Monday 08:00 in Amsterdam
    t.connector.roster = [anna, bram, cem, dewi, eva];
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    // Bram sketched his Prof-traject already, in his personal chat.
    const res = await t.send(execute(t.conversation('personal', 'a:personal-bram'), bram, 'verantwoording.traject.save', { learningNeeds: 'Plannen', talents: 'Coachen', weeks: '20' }, 'card-1'));
    expect(res.status).toBe(200);
  });
  afterAll(() => t.stop());

  it('offers nothing before the first cycle, nor during its first hour', async () => {
    await g.startCycle();
    await g.startCycle(); // pressed twice, or redelivered: one offer job
    await deliver('2026-11-23T08:00:00Z'); // 09:00: day 1 opens by itself
    await deliver('2026-11-23T08:59:00Z');
    expect(offers()).toEqual({});
    const jobs = (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'profTraject.offer'").fetchAll()).resources;
    expect(jobs).toHaveLength(1);
    expect(storedText(jobs)).not.toMatch(/aad-|29:/); // the job names the group, not a person
  });

  it('after the first session, each member without a Prof-traject gets one offer in their own 1:1 chat', async () => {
    await deliver('2026-11-23T09:00:00Z');
    expect(offers()).toEqual({ [anna.id]: 1, [cem.id]: 1, [dewi.id]: 1 });
    const card = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(anna.id)).at(-1)!.card;
    expect(cardText(card)).toContain('Schets je Prof-traject');
    expect(cardText(card)).toContain('Je groep Team Zorg is aan de eerste week begonnen.');
    expect(cardProblems(card)).toEqual([]);
  });

  it('never posts it in the group chat', () => {
    const inGroup = t.connector.cards((c) => c.conversationId === g.conv.id).filter(({ card }) => JSON.stringify(card).includes(OFFER_VERB));
    expect(inGroup).toEqual([]);
  });

  it('offers it to a colleague who joins during the first cycle, and to nobody twice', async () => {
    t.clock.set('2026-11-24T08:00:00Z');
    await g.startSession(anna);
    await g.press(eva, 'session.present', g.ids()); // Eva joins by acting on the session card
    await deliver('2026-11-24T08:01:00Z');
    expect(offers()).toEqual({ [anna.id]: 1, [cem.id]: 1, [dewi.id]: 1, [eva.id]: 1 });
  });

  it('the button opens the Prof-traject form in the personal chat', async () => {
    const chat = t.connector.personalChats.get(cem.id)!;
    const res = await t.send(execute(t.conversation('personal', chat), cem, OFFER_VERB, {}, 'offer-card'));
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(res.body.value.body.map((e: { id?: string }) => e.id)).toEqual(expect.arrayContaining(['learningNeeds', 'talents', 'weeks']));
  });

  it('offers nothing more in later weeks', async () => {
    await g.press(anna, 'cycle.start', { groupId: g.groupId, week: 2 }, 'cycle-card');
    const fin = MEMBERS[5]!;
    t.connector.roster = [...t.connector.roster, fin];
    await g.press(fin, 'session.present', g.ids()); // Fin joins in week 2
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    expect(group.members.map((m: { id: string }) => m.id)).toContain(fin.aadObjectId);
    await deliver('2026-11-30T12:00:00Z');
    expect(offers()).toEqual({ [anna.id]: 1, [cem.id]: 1, [dewi.id]: 1, [eva.id]: 1 });
  });
});
