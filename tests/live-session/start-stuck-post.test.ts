import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A member presses "Sessie starten" and the POST of the session card to the Bot Connector hangs
 * (the connection is accepted, no answer comes). The press holds the group's opening while it
 * waits, so before the waits were bounded another member's press queued behind it without end,
 * and the scheduler (whose planned start for the group waits for the same opening) stopped every
 * other group's time box with it.
 *
 * The promise: another member's press goes ahead and opens the session with a live card while the
 * first POST still hangs; the scheduler runs another group's due time box; when Teams finally
 * posts the first card, it becomes a pointer to the live one and its presser hears the session runs.
 */
describe('a session card POST that hangs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T07:00:00Z'); // Monday 08:00 in Amsterdam; the groups meet at 09:00
  });
  afterAll(() => t.stop());

  const isSessionCard = (req: { method: string; body: any }) => req.method === 'POST' && !!req.body?.attachments?.[0]?.content?.refresh; // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON

  it('holds neither the next press nor the scheduler, and leaves one live card', async () => {
    // Both groups held day 1. Group C opens day 2 by hand a minute after the planned hour; group A's planned start is due.
    const c = new GroupDriver(t, t.conversation('groupChat', '19:stuck-c@thread.v2'), MEMBERS.slice(0, 3));
    const a = new GroupDriver(t, t.conversation('groupChat', '19:stuck-a@thread.v2'), MEMBERS.slice(0, 3));
    for (const g of [c, a]) {
      await g.setUp();
      await g.startCycle();
      await g.startSession();
      await g.end();
    }
    const planned = (await t.store.container('jobs').items.query({ query: "SELECT * FROM c WHERE c.kind = 'session.start' AND STARTSWITH(c.id, @p)", parameters: [{ name: '@p', value: `${a.groupId}_w1_d2_` }] }).fetchAll()).resources[0];
    const at = Date.parse(planned.dueAt);
    t.clock.set(new Date(at + 60_000).toISOString());
    await c.startSession();
    t.clock.set(new Date(at + 52 * 60_000).toISOString()); // C's warning is due; A's planned start is due and not over

    // Only the first session card POST in group A hangs, until the end of the test.
    let arrived!: () => void;
    let release!: () => void;
    const cardArrived = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    t.connector.holds.push((req) => (!held && isSessionCard(req) && req.conversationId === a.conv.id ? ((held = true), arrived(), released) : undefined));
    const before = t.connector.calls.length;
    const stuck = a.press(MEMBERS[0]!, 'session.start', { groupId: a.groupId, cycleId: `${a.groupId}_w1` }, 'cycle-card');
    await cardArrived;

    const second = await a.press(MEMBERS[1]!, 'session.start', { groupId: a.groupId, cycleId: `${a.groupId}_w1` }, 'cycle-card');
    expect(second.value).toBe('De sessie is geopend.');
    await t.app.scheduler.runDue();
    const warn = (await t.store.container('sessions').item(`${c.sessionId}_warn`, c.groupId).read()).resource;
    expect(warn.status).toBe('done');

    release();
    expect((await stuck).value).toBe('De sessie loopt al; de sessiekaart staat in de chat.');
    const sessions = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'session' AND c.day = 2" }, { partitionKey: a.groupId }).fetchAll()).resources;
    expect(sessions).toHaveLength(1);
    const calls = t.connector.calls.slice(before).filter((x) => x.conversationId === a.conv.id);
    const posted = calls.filter((x) => x.method === 'POST' && x.activity.attachments?.[0]?.content?.refresh);
    const live = posted.filter((p) => {
      const last = calls.filter((x) => x.method === 'PUT' && x.activityId === p.id).pop();
      return !last || !!last.activity.attachments?.[0]?.content?.refresh;
    });
    expect(posted).toHaveLength(2);
    expect(live.map((x) => x.id)).toEqual([sessions[0].cardActivityId]);
  }, 60_000);
});
