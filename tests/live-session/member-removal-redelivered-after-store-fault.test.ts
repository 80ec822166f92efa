import { execute, membersRemoved, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 42. Teams tells the app once that Eva was removed from the group's chat.
 * The store failed in that moment (a 503 burst); the handler logged the failure and the turn
 * answered 200, so Teams had no reason to deliver the update again and nothing tried again. Eva
 * stayed a member of the group for good: her card kept refreshing with what the group wrote after
 * she left, and her judgements still counted.
 *
 * What must hold: a removal the store could not take is answered with a failure (503), with a log
 * line that names no one and nothing said in the chat, so that Teams delivers the same update
 * again; the redelivery takes Eva out of the group, and a further one writes nothing.
 */
describe('a member removed from the chat while the store fails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('leaves the group when Teams delivers the removal again', async () => {
    const [anna, bram, cem, eva] = ['Anna', 'Bram', 'Cem', 'Eva'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-removal-under-fault@thread.v2'), [anna, bram, cem, eva]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(eva, 1, 'Eva: de overdracht loopt mis');
    const storedGroup = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { members: { id: string }[]; _etag: string };

    const removal = membersRemoved(g.conv, anna, [eva]);
    const logsBefore = t.logs.length;
    const requestsBefore = t.connector.requests.length;
    const first = await t.proxy!.withFaults(
      (req) => (req.kind === 'metadata' || req.kind === 'queryPlan' ? undefined : { kind: 'status', status: 503 }),
      () => t.send(removal),
    );
    expect(first.status).toBe(503);
    expect((await storedGroup()).members.some((m) => m.id === eva.aadObjectId)).toBe(true);
    // Nothing is said in the chat about a failed conversationUpdate.
    expect(t.connector.requests.slice(requestsBefore).filter((r) => r.conversationKey === g.conv.id)).toEqual([]);
    const failedTurnLogs = t.logs.slice(logsBefore).join('');
    expect(failedTurnLogs).toContain('could not take people removed from the chat out of its group');
    expect(failedTurnLogs).toContain('answered 503 so Teams delivers it again');
    expect(failedTurnLogs).not.toMatch(/eva/i);

    // Teams delivers the same update again.
    t.connector.roster = [anna, bram, cem];
    expect((await t.send(removal)).status).toBe(200);
    const after = await storedGroup();
    expect(after.members.some((m) => m.id === eva.aadObjectId)).toBe(false);
    // And once more: nothing more is written.
    expect((await t.send(removal)).status).toBe(200);
    expect((await storedGroup())._etag).toBe(after._etag);

    const AFTER = 'Bram, na Eva: het echte probleem is onze teamleider';
    await g.contribute(bram, 1, AFTER);
    const res = await t.send(execute(g.conv, eva, 'session.refresh', { ...g.ids(), k: 'old-key' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(cardText(res.body?.value ?? res.body)).not.toContain(AFTER);
  });
});
