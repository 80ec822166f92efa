import { execute, membersRemoved, TestUser, user } from '../support/activities';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A guard (held when written, in review of stop 55's own change, decided-before-join):
 * 1. Dewi checked in (2), was removed from the chat, then added back (the roster lists her). She
 *    presses the same score on the open session's card: found stored, she joins again (as anyone
 *    acting in the chat does), and her check-in stays one.
 * 2. Eva checked in (2) and was removed (not back). She presses another score (4) on the card
 *    still on her screen: refused, her stored score unchanged, and no member again.
 */
describe('presses of a member removed from the chat, and of one added back', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi, eva] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t.stop());
  const memberIds = async (g: GroupDriver): Promise<string[]> => ((await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[] }).members.map((m) => m.id);

  it('one added back pressing her stored score again is a member again, her check-in one', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-guard-readded@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const press = (k: string) => execute(g.conv, dewi, 'session.energy', { ...g.ids(), phase: 'in', energyIn: '2', k }, g.sessionMessageId);
    expect((await t.send(press('k1'))).status).toBe(200);
    expect((await t.send(membersRemoved(g.conv, anna, [dewi]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    expect(await memberIds(g)).not.toContain(dewi.aadObjectId);
    // Added back to the chat: Teams lists her again.
    t.connector.roster = [anna, bram, cem, dewi];
    expect((await t.send(press('k2'))).status).toBe(200);
    expect(await memberIds(g)).toContain(dewi.aadObjectId);
    expect((await g.items('checkIn')).filter((c) => c.memberId === dewi.aadObjectId).map((c) => c.score)).toEqual([2]);
  });

  it('one removed and not back changing her score is refused; her stored score stays and she is no member', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-guard-removed@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const press = (score: string, k: string) => execute(g.conv, eva, 'session.energy', { ...g.ids(), phase: 'in', energyIn: score, k }, g.sessionMessageId);
    expect((await t.send(press('2', 'k1'))).status).toBe(200);
    expect((await t.send(membersRemoved(g.conv, anna, [eva]))).status).toBe(200);
    t.connector.roster = [anna, bram, cem];
    expect((await t.send(press('4', 'k2'))).status).toBe(200);
    expect(await memberIds(g)).not.toContain(eva.aadObjectId);
    expect((await g.items('checkIn')).filter((c) => c.memberId === eva.aadObjectId).map((c) => c.score)).toEqual([2]);
  });
});
