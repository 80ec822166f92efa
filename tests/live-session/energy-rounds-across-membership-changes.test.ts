import { botAdded, execute, membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments, eraseInChat } from '../verantwoording/support';

// A guard (held when written, in review of stop 55).
/**
 * Energy check-ins while the group's membership changes mid-week (README "Energy check-ins": a
 * published average never changes; one made with an erased member's score is withdrawn; no reader
 * gets a before/after pair that differs by one score).
 *
 * 1. Dewi checks in, is removed from the chat, the round closes with her score (4 answers), then
 *    she erases her data as someone who left: the erasure must reach the group she left, withdraw
 *    the average and delete her check-in, so a database reader cannot rebuild her score.
 * 2. A round published from four; then one member is removed, the app is removed and added back
 *    (the roster drops another), and a newcomer joins with a late check-in: every reading of the
 *    round (stored, the shared card, a member's view) stays the same figure.
 */
const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
const [anna, bram, cem, dewi, finn] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Finn'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
const asRemoved = (u: TestUser) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name });

describe('energy rounds across membership changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t.stop());

  it('a member who left the chat and then erases has the average made with her score withdrawn, and nothing rebuilds it', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-leaver-erases@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const [who, score] of [[anna, 2], [bram, 5], [cem, 4], [dewi, 1]] as const) await g.checkIn(who, score);
    expect((await t.send(membersRemoved(g.conv, anna, [asRemoved(dewi)]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    await g.goTo(anna, 1); // the opening round closes, Dewi's score in it
    expect((await g.session()).energy.in).toMatchObject({ average: 3, answers: 4 });

    await eraseInChat(t, dewi);

    const docs = (await allDocuments(t.store)).sessions as { type: string; id: string; sessionId?: string; phase?: string; score?: number; memberId?: string; energy?: Record<'in' | 'out', { average?: number; answers?: number; withdrawn?: true }> }[];
    expect(docs.filter((d) => d.type === 'checkIn' && d.memberId === dewi.aadObjectId)).toEqual([]);
    const session = docs.find((d) => d.type === 'session' && d.id === g.sessionId)!;
    expect(session.energy!.in).toMatchObject({ withdrawn: true });
    expect(session.energy!.in.average).toBeUndefined();
    expect(session.energy!.in.answers).toBeUndefined();
    expect(cardText((await g.press(anna, 'session.refresh', g.ids())).value)).not.toMatch(/gemiddeld \d/);
  });

  it('a published average reads the same after a removal, the app removed and added back, and a newcomer checking in late', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-published-stays@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    for (const [who, score] of [[anna, 2], [bram, 5], [cem, 4], [dewi, 3]] as const) await g.checkIn(who, score);
    await g.goTo(anna, 1);
    const published = (await g.session()).energy.in;
    expect(published).toMatchObject({ average: 3.5, answers: 4 });
    const figure = (text: string) => [...text.matchAll(/gemiddeld \d+,\d/g)].map((m) => m[0]);
    const annaBefore = figure(cardText((await g.press(anna, 'session.refresh', g.ids())).value));
    expect(annaBefore).toEqual(['gemiddeld 3,5']);

    // Dewi is removed; the app is removed and added back to a chat without Cem.
    expect((await t.send(membersRemoved(g.conv, anna, [asRemoved(dewi)]))).status).toBe(200);
    expect((await t.send({ ...botAdded(g.conv, anna), membersAdded: undefined, membersRemoved: [BOT] })).status).toBe(200);
    t.connector.roster = [anna, bram, finn];
    expect((await t.send(botAdded(g.conv, anna))).status).toBe(200);
    // Finn, new in the chat, checks in on the card: he joins, his score is his and in no average.
    const late = await t.send(execute(g.conv, finn, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '1', k: 'finn-key' }, g.sessionMessageId));
    expect(late.status).toBe(200);

    expect((await g.session()).energy.in).toEqual(published);
    expect(figure(cardText((await g.press(anna, 'session.refresh', g.ids())).value))).toEqual(annaBefore);
    expect(figure(cardText((await g.press(bram, 'session.refresh', g.ids())).value))).toEqual(annaBefore);
  });
});
