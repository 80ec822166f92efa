import { execute } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The withdraw PUT fails.
 *
 * Two instances each get a press at the same moment; both post a session card, the store lets one
 * opening in. The losing press turns its card into a pointer with one in-turn PUT; when Teams
 * answers that PUT with 503s (a short Bot Connector outage), cardAnnouncer.withdraw only logs
 * ("could not withdraw ...") and gives up. The losing card names the same session id (ids are
 * deterministic), keeps its refresh and buttons: the group has two live cards for one session,
 * and the one it acts on may be the one the session no longer updates.
 *
 * The promise: one live session card per session — the withdrawal is retried durably (e.g. via the
 * outbox, `messenger.update`), so once Teams accepts PUTs again (the outbox drained) the losing
 * card is a pointer.
 */
describe('the losing card cannot be withdrawn at first', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, undefined, { cosmos: a.store });
  });
  afterAll(async () => {
    await b.stop();
    await a.stop();
  });

  it('ends with one live session card once Teams takes updates again', async () => {
    const g = new GroupDriver(a, a.conversation('groupChat', '19:probe-withdraw@thread.v2'), MEMBERS);
    await g.setUp();
    await g.startCycle();
    const isSessionCard = (req: { method: string; body: any }) => req.method === 'POST' && !!req.body?.attachments?.[0]?.content?.refresh; // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived = 0;
    const hold = (req: { method: string; body: any }) => (isSessionCard(req) ? (++arrived === 2 && release(), released) : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON
    a.connector.holds.push(hold);
    b.connector.holds.push(hold);
    // Every withdrawal (a PUT of a card without refresh) is refused with 503 while the presses run.
    const refuseWithdraw = (req: { method: string; body: any }) => (req.method === 'PUT' && !req.body?.attachments?.[0]?.content?.refresh ? { status: 503 } : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any -- Bot Framework JSON
    a.connector.faults.push(refuseWithdraw);
    b.connector.faults.push(refuseWithdraw);
    const [fromA, fromB] = [a.connector.calls.length, b.connector.calls.length];
    await Promise.all([
      a.send(execute(g.conv, MEMBERS[0]!, 'session.start', { groupId: g.groupId }, 'cycle-card')),
      b.send(execute(g.conv, MEMBERS[1]!, 'session.start', { groupId: g.groupId }, 'cycle-card')),
    ]);
    a.connector.holds.length = 0;
    b.connector.holds.length = 0;
    a.connector.faults.length = 0;
    b.connector.faults.length = 0;
    // Teams takes updates again; whatever was queued durably goes out.
    await a.app.outbox.drain(30_000);
    await b.app.outbox.drain(30_000);

    // Per instance: each connector numbers its own messages.
    const liveOn = (t: TestApp, from: number) => {
      const calls = t.connector.calls.slice(from);
      const posted = calls.filter((c) => c.method === 'POST' && c.activity.attachments?.[0]?.content?.refresh);
      const withdrawTried = calls.some((c) => c.method === 'PUT');
      return { posted: posted.length, live: posted.filter((c) => !!t.connector.latest(c.id)?.refresh).length, withdrawTried };
    };
    const onA = liveOn(a, fromA);
    const onB = liveOn(b, fromB);
    expect(onA.posted + onB.posted).toBe(2);
    expect(a.logs.concat(b.logs).some((l) => l.includes('could not withdraw'))).toBe(true);
    expect(onA.live + onB.live).toBe(1);
  }, 90_000);
});
