import { botAdded } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };

/**
 * Found in review, stop 42. Teams tells the app once that it was removed from a group's chat. The
 * store failed in that moment (a 503 burst); the handler logged the failure and the turn answered
 * 200, so Teams had no reason to deliver the update again. The group was never paused: its rhythm
 * went on opening sessions, reminding people and posting in a chat where Teams refuses the app.
 *
 * What must hold: a pause the store could not take is answered with a failure (503), with nothing
 * said in the chat, so that Teams delivers the same update again; the redelivery pauses the group,
 * a further one writes nothing, and the rhythm then opens no session and tries nothing in the chat.
 */
describe('the app removed from a chat while the store fails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('pauses the group when Teams delivers the removal again', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:chat-app-removed-under-fault@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp();
    const stored = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { pausedAt?: string; _etag: string };
    const appRemoved = { ...botAdded(g.conv, MEMBERS[0]!), membersAdded: undefined, membersRemoved: [BOT] };

    t.clock.set('2026-11-20T10:00:00Z');
    const requestsBefore = t.connector.requests.length;
    const first = await t.proxy!.withFaults(
      (req) => (req.kind === 'metadata' || req.kind === 'queryPlan' ? undefined : { kind: 'status', status: 503 }),
      () => t.send(appRemoved),
    );
    expect(first.status).toBe(503);
    expect((await stored()).pausedAt).toBeUndefined();
    expect(t.connector.requests.slice(requestsBefore).filter((r) => r.conversationKey === g.conv.id)).toEqual([]);
    expect(t.logs.join('')).toContain('could not pause the group of a chat the app was removed from');

    // Teams delivers the same update again.
    expect((await t.send(appRemoved)).status).toBe(200);
    const paused = await stored();
    expect(paused.pausedAt).toBe('2026-11-20T10:00:00.000Z');
    // And once more: nothing more is written.
    expect((await t.send(appRemoved)).status).toBe(200);
    expect((await stored())._etag).toBe(paused._etag);

    // Monday, week 1's first planned day: the paused group's rhythm opens nothing and says nothing.
    const dayBefore = t.connector.requests.length;
    for (const time of ['07:45', '08:00', '08:50', '09:00', '09:05']) {
      t.clock.set(`2026-11-23T${time}:00Z`);
      await t.app.scheduler.runDue();
      await t.app.background.idle();
    }
    const sessions = await t.store.container('sessions').items
      .query({ query: "SELECT c.id FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w1` }] })
      .fetchAll();
    expect(sessions.resources).toEqual([]);
    expect(t.connector.requests.slice(dayBefore).filter((r) => r.conversationKey === g.conv.id)).toEqual([]);
  });
});
