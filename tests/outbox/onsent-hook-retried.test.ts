import { message } from '../support/activities';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import type { ConnectorRequest } from '../support/recording-connector';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { newJob } from '../../src/outbox/outbox-job';

/**
 * Found in review, stop 40. An outbox job's `onSent` hook records what only the send tells (a
 * card's message id). A hook that threw once (a Cosmos blip) was logged and never run again, and
 * so was one whose sender stopped between recording `sent` and running it. For a channel poll the
 * hook stores the card's message id on the poll's team: here the store refuses the polls
 * container's writes for a moment (503s, longer than the store adapter's own quick retries) just
 * as Teams answers the card's POST. The poll must still learn its card (the hook runs again until
 * it succeeds), so the close turns that card into "closed". A sent job whose hook never ran (its
 * sender stopped) gets the hook from the next sender, and its message is not sent again.
 */
describe('an onSent hook that did not run to its end', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const hrChat = () => t.conversation('personal', 'a:hanna');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'onsent-hook-retried'.padEnd(40, 'k'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    d = new PulseDriver(t);
  }, 60_000);
  afterAll(() => t.stop());

  it('a channel poll\'s hook that met a store hiccup runs again: the poll remembers its card, and the close turns it into "closed"', async () => {
    await d.install(noord);
    let arrived!: () => void;
    let release!: () => void;
    const arrivedP = new Promise<void>((r) => (arrived = r));
    const released = new Promise<void>((r) => (release = r));
    let held = false;
    const isPollCard = (req: ConnectorRequest) => req.method === 'POST' && req.conversationId === noord.id && req.body?.attachments?.[0]?.content?.refresh?.action?.verb === 'pulse.view';
    t.connector.holds.push((req) => (!held && isPollCard(req) ? ((held = true), arrived(), released) : undefined));

    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04');
    await t.app.background.idle();
    // The sender goes through the queue; the poll card's POST is held until the store's hiccup is armed.
    const draining = t.app.outbox.drain(30_000);
    await Promise.race([arrivedP, draining.then(() => Promise.reject(new Error('the poll card was never posted')))]);
    // A moment of 503s on the polls container (about two seconds' worth of the adapter's retries), as Teams answers the POST.
    let refused = 0;
    t.proxy!.faults = (req) => (req.kind === 'replace' && req.container === 'polls' && refused++ < 20 ? { kind: 'status', status: 503 } : undefined);
    release();
    await draining;
    t.proxy!.faults = undefined;

    const card = d.pollCard(noord.id);
    const poll = (await t.store.container('polls').item(card.pollId, card.pollId).read()).resource as { targets: { teamId: string; cardActivityId?: string }[] };
    const target = poll.targets.find((x) => x.teamId === noord.id)!;

    const beforeClose = t.connector.calls.length;
    await t.send(message(hrChat(), HR, 'peiling sluiten'));
    await d.settle();
    const cardClosed = t.connector.calls.slice(beforeClose).some((c) => c.method === 'PUT' && c.activityId === card.id);
    expect({ refusedWrites: refused > 0, cardActivityId: target.cardActivityId, cardClosed }).toEqual({ refusedWrites: true, cardActivityId: card.id, cardClosed: true });
  });
  it('a sent job whose sender stopped before its hook ran gets the hook from the next sender, not a second send', async () => {
    const seen: { args: Record<string, string>; activityId?: string }[] = [];
    t.app.outbox.onSent('test.recorded', async (args, { activityId }) => {
      seen.push({ args, activityId });
    });
    // What a sender that stopped right after recording `sent` leaves: sent, the hook still on it, no TTL, due after its lease.
    const queued = newJob(
      { key: 'onsent-hook-retried:stopped', tenantId: 'tenant-1', route: { serviceUrl: 'https://smba.example/emea/', botId: 'bot' }, target: { kind: 'conversation', conversationId: noord.id }, payload: {}, onSent: { kind: 'test.recorded', args: { card: 'c1' } } },
      new Date(Date.now() - 5 * 60_000),
    );
    await t.app.outbox.store.create({ ...queued, status: 'sent', attempts: 1, notBefore: new Date(Date.now() - 1000).toISOString(), result: { activityId: 'msg-left', conversationId: noord.id } });
    const before = t.connector.calls.length;
    await t.app.outbox.drain(30_000);
    const job = (await t.app.outbox.store.get(queued.id))!;
    expect({ seen, status: job.status, ttl: job.ttl, calls: t.connector.calls.slice(before).length }).toEqual({
      seen: [{ args: { card: 'c1' }, activityId: 'msg-left' }],
      status: 'sent',
      ttl: expect.any(Number),
      calls: 0,
    });
  });
});
