import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor, newJob } from '../../src/outbox/outbox-job';
import { SenderOptions } from '../../src/outbox/outbox-sender';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { Departure, departuresOverLimit, TimedConnectorClient } from '../support/departure-log';
import { randomFaults, RecordingConnector } from '../support/recording-connector';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logs: string[] = [];
const logger = createLogger('info', new Writable({ write(chunk, _e, cb) { logs.push(chunk.toString()); cb(); } }));

/**
 * The recording connector runs on the test's own event loop: a stall on a busy machine holds back
 * its arrival stamps as well as the sender's calls, and bunches them. The tests give the limiter a
 * wider margin than the app's 200 ms, so they check the outbox's rules, not the machine's load.
 */
const TEST_MARGIN_MS = 500;

/** Every call the test's senders made, as it left (see departure-log.ts); reset per test. */
let departures: Departure[] = [];
beforeEach(() => {
  departures = [];
});

/** Every outbox the current test made; stopped after it (see the afterEach in the suite). */
const made: Outbox[] = [];

function outbox(cosmos: CosmosConnection, connector: RecordingConnector, limits: { tenant: number; conversation: number }, options: Partial<SenderOptions> = {}) {
  const limiter = new TeamsRateLimiter({ tenantPerSecond: limits.tenant, conversationPerSecond: limits.conversation, marginMs: TEST_MARGIN_MS });
  const box = new Outbox(cosmos, new TimedConnectorClient(departures), limiter, logger, {
    concurrency: 16,
    backoffBaseMs: 100,
    backoffCapMs: 1000,
    ...options,
  });
  made.push(box);
  return box;
}

function privateMessages(connector: RecordingConnector, n: number, tenantId = 'tenant-1', prefix = 'p'): OutboundMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}-${i}`,
    tenantId,
    route: { serviceUrl: connector.url, botId: '28:bot' },
    target: { kind: 'person' as const, userId: `29:${prefix}-user-${i}` },
    payload: { text: `bericht ${prefix}-${i}` },
    batch: `bench-${prefix}`,
  }));
}

/** What each 1:1 chat received: conversation id -> texts. */
function delivered(connector: RecordingConnector): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of connector.calls.filter((c) => c.method === 'POST' && c.conversationId.startsWith('a:1on1-'))) {
    out.set(c.conversationId, [...(out.get(c.conversationId) ?? []), c.activity.text]);
  }
  return out;
}

describe('the outbox', () => {
  // Declared before the bed's: jest runs a block's afterEach hooks in declaration order, so every
  // sender the test started (and any calls in flight of one that only drained) stops while its store
  // and connector still run. A test that fails half-way otherwise left its senders running into the
  // next test, against a closed store. Stopping one that already stopped, or never started, changes nothing.
  afterEach(async () => {
    for (const box of made.splice(0)) await box.stop();
  });
  const bed = outboxBed();

  it('fans out 500 private messages through 429s and 503s: each once, limits never exceeded', async () => {
    // Scaled-up tenant limit to keep the test short; the next test runs at Teams' real limits.
    bed.connector.limits = { perAppPerSecond: 200, perConversationPerSecond: 7 };
    bed.connector.faults = [randomFaults({ rate429: 0.05, rate503: 0.03, retryAfterSeconds: 1, seed: 7 })];
    const box = outbox(bed.cosmos, bed.connector, { tenant: 200, conversation: 7 });
    await box.enqueue(privateMessages(bed.connector, 500));
    await box.drain(30_000);

    const got = delivered(bed.connector);
    expect(got.size).toBe(500);
    expect([...got.values()].every((texts) => texts.length === 1)).toBe(true);
    expect(bed.connector.requests.filter((r) => r.status === 429).length).toBeGreaterThan(10);
    expect(bed.connector.requests.filter((r) => r.status === 503).length).toBeGreaterThan(5);
    expect(departuresOverLimit(departures, { perTenant: 200, perConversation: 7 })).toEqual([]);
    expect(await box.countBatch('bench-p')).toEqual({ sent: 500 });
  }, 120_000);

  it('keeps Teams\' real limits (50 per second per tenant, 7 per conversation)', async () => {
    bed.connector.limits = { perAppPerSecond: 50, perConversationPerSecond: 7 };
    bed.connector.faults = [randomFaults({ rate429: 0.05, seed: 3 })];
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 });
    const thread = Array.from({ length: 21 }, (_, i) => ({
      key: `reply-${i}`,
      tenantId: 'tenant-1',
      route: { serviceUrl: bed.connector.url },
      target: { kind: 'conversation' as const, conversationId: `19:general@thread.tacv2;messageid=root` },
      payload: { text: `herinnering ${i}` },
    }));
    await box.enqueue([...thread, ...privateMessages(bed.connector, 80)]);
    await box.drain(30_000);

    expect(departuresOverLimit(departures, { perTenant: 50, perConversation: 7 })).toEqual([]);
    const replies = bed.connector.calls.filter((c) => c.conversationId.startsWith('19:general')).map((c) => c.activity.text);
    // One conversation at a time, in order, each once.
    expect(replies).toEqual(thread.map((m) => m.payload.text));
    expect(delivered(bed.connector).size).toBe(80);
  }, 120_000);

  it('resumes after a crash halfway without sending anything twice or missing anyone', async () => {
    bed.connector.latencyMs = 5;
    const quick = { tenantLeaseMs: 1000, jobLeaseMs: 1000 };
    const first = outbox(bed.cosmos, bed.connector, { tenant: 100, conversation: 7 }, quick);
    const messages = privateMessages(bed.connector, 200);
    await first.enqueue(messages);
    first.start();
    await waitUntil('the first sender delivered 100 of 200 private messages', () => delivered(bed.connector).size >= 100, { state: () => `${delivered(bed.connector).size} delivered` });
    first.sender.halt(); // a crash: calls in flight complete at Teams, but their answers are lost

    const second = outbox(bed.cosmos, bed.connector, { tenant: 100, conversation: 7 }, quick);
    await second.drain(30_000);

    const got = delivered(bed.connector);
    expect([...got.values()].filter((texts) => texts.length > 1)).toEqual([]);
    expect(got.size).toBe(200);
    const jobs = await Promise.all(messages.map((m) => second.store.get(jobIdFor(m.key))));
    const unconfirmed = jobs.filter((j) => j?.status === 'unconfirmed');
    expect(jobs.every((j) => j?.status === 'sent' || j?.status === 'unconfirmed')).toBe(true);
    // Only what was on the wire at the crash is in doubt, and it was not sent again.
    expect(unconfirmed.length).toBeLessThanOrEqual(16);
    for (const j of unconfirmed) expect(got.get(`a:1on1-${(j!.target as { userId: string }).userId}`)).toHaveLength(1);
  }, 120_000);

  it('stops gracefully: calls in flight finish and are recorded, the next sender does the rest', async () => {
    bed.connector.latencyMs = 5;
    const first = outbox(bed.cosmos, bed.connector, { tenant: 100, conversation: 7 });
    const messages = privateMessages(bed.connector, 120);
    await first.enqueue(messages);
    first.start();
    await waitUntil('the first sender delivered 40 of 120 private messages', () => delivered(bed.connector).size >= 40, { state: () => `${delivered(bed.connector).size} delivered` });
    await first.stop();
    const second = outbox(bed.cosmos, bed.connector, { tenant: 100, conversation: 7 });
    await second.drain(30_000);
    expect(await second.countBatch('bench-p')).toEqual({ sent: 120 });
    expect([...delivered(bed.connector).values()].every((t) => t.length === 1)).toBe(true);
  }, 120_000);

  it('two senders at once never send the same job, within the limits of each tenant', async () => {
    bed.connector.limits = { perAppPerSecond: 50, perConversationPerSecond: 7 };
    const a = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 }, { tenantLeaseMs: 2000 });
    const b = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 }, { tenantLeaseMs: 2000 });
    await a.enqueue([...privateMessages(bed.connector, 60, 'tenant-1', 't1'), ...privateMessages(bed.connector, 60, 'tenant-2', 't2')]);
    a.start();
    b.start();
    await Promise.all([a.drain(30_000), b.drain(30_000)]);
    await Promise.all([a.stop(), b.stop()]);
    const got = delivered(bed.connector);
    expect(got.size).toBe(120);
    expect([...got.values()].every((t) => t.length === 1)).toBe(true);
    expect(departuresOverLimit(departures, { perTenant: 50, perConversation: 7 })).toEqual([]);
  }, 120_000);

  it('lets exactly one of two racing claims win', async () => {
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 });
    const [message] = privateMessages(bed.connector, 1);
    const { job } = await box.store.create(newJob(message!, new Date()));
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((owner) => box.store.replaceIfUnchanged(job, { ...job, status: 'sending', owner })),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('enqueues idempotently: the same key twice sends once', async () => {
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 });
    const messages = privateMessages(bed.connector, 3);
    await box.enqueue(messages);
    await box.enqueue(messages);
    await box.drain();
    await box.enqueue(messages);
    await box.drain();
    expect(bed.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(3);
  });

  it('marks 403 (blocked by the user) undeliverable without retrying', async () => {
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 });
    const messages = privateMessages(bed.connector, 3);
    bed.connector.blocked.add('29:p-user-1');
    await box.enqueue(messages);
    await box.drain();
    expect(await box.countBatch('bench-p')).toEqual({ sent: 2, undeliverable: 1 });
    expect(bed.connector.requests.filter((r) => r.status === 403)).toHaveLength(1);
    const job = await box.store.get(jobIdFor('p-1'));
    expect(job?.result?.code).toBe('MessageWritesBlocked');
    expect(logs.join('')).not.toContain('bericht');
  });

  it('lets a conversation\'s next message go once its retried message was sent in the turn', async () => {
    // A 502 holds the channel's later messages back, in order, until the refused one is sent again.
    // Sent again in the turn that needs its id (deliver), the hold must end with it: the poll card
    // queued behind the "started" card otherwise waited out the hold (30 s) before it went.
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 }, { backoffBaseMs: 50, backoffCapMs: 100 });
    const channel = (key: string, text: string): OutboundMessage => ({ key, tenantId: 'tenant-1', route: { serviceUrl: bed.connector.url, botId: '28:bot' }, target: { kind: 'conversation', conversationId: '19:channel@thread.tacv2' }, payload: { text } });
    let refused = 0;
    bed.connector.faults = [(req) => (req.body?.text === 'gestart' && refused++ < 1 ? { status: 502 } : undefined)];
    expect((await box.deliver(channel('started', 'gestart'))).status).toBe('sent');
    await box.enqueue([channel('poll', 'peiling')]);
    const poll = (await box.store.get(jobIdFor('poll')))!;
    // The 502's pause of the conversation (its Retry-After) runs out; the hold must not outlast it.
    await waitUntil('the pause after the 502 ran out', () => box.limiter.pausedFor(poll.conversationKey) <= 0);
    expect(box.sender.lanes.pick([poll])).toBe(0);

    await box.drain();
    expect(bed.connector.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 200, 200]);
  });

  it('backs off on 5xx and gives up at its safety limit of attempts, honouring Retry-After on 429', async () => {
    const box = outbox(bed.cosmos, bed.connector, { tenant: 50, conversation: 7 }, { maxAttempts: 3, backoffBaseMs: 50, backoffCapMs: 100 });
    bed.connector.faults = [(req) => (req.conversationId === 'a:1on1-29:p-user-0' ? { status: 503 } : undefined)];
    bed.connector.faults.push((req) => (req.conversationId === 'a:1on1-29:p-user-1' && bed.connector.requests.filter((r) => r.status === 429).length < 1 ? { status: 429, retryAfterSeconds: 1 } : undefined));
    await box.enqueue(privateMessages(bed.connector, 2));
    await box.drain();
    expect(await box.countBatch('bench-p')).toEqual({ sent: 1, failed: 1 });
    expect(bed.connector.requests.filter((r) => r.status === 503)).toHaveLength(3);
    const retried = bed.connector.requests.filter((r) => r.conversationKey === 'a:1on1-29:p-user-1');
    expect(retried.map((r) => r.status)).toEqual([429, 200]);
    // Retry-After: 1 held: the connector saw the second try at least a second after the 429.
    expect(retried[1]!.at - retried[0]!.at).toBeGreaterThanOrEqual(1000);
  });
});
