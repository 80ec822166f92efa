import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { RateLimits, TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

const CHAT = 'a:chat-mia';
const PERSON_LANE = 'person:29:mia';

/** Counts the asks for a rate slot in one chat, and those still waiting; on a clock a test may move. */
class CountingLimiter extends TeamsRateLimiter {
  askedIn = new Map<string, number>();
  waitingIn = new Map<string, number>();
  constructor(limits: RateLimits, clock?: () => number) {
    super(limits, clock);
  }
  override acquire(tenantId: string, conversationKey?: string): Promise<number>;
  override acquire(tenantId: string, conversationKey: string, opts: { unlessPaused: true }): Promise<number | undefined>;
  override async acquire(tenantId: string, conversationKey?: string, opts?: { unlessPaused: true }): Promise<number | undefined> {
    if (!conversationKey) return super.acquire(tenantId);
    const add = (map: Map<string, number>, n: number) => map.set(conversationKey, (map.get(conversationKey) ?? 0) + n);
    add(this.askedIn, 1);
    add(this.waitingIn, 1);
    try {
      return opts ? await super.acquire(tenantId, conversationKey, opts) : await super.acquire(tenantId, conversationKey);
    } finally {
      add(this.waitingIn, -1);
    }
  }
}

/**
 * Found in review, stop 47. A person's 1:1 chat has one rate window for both its addresses, and
 * a 429 on the chat (a message sent to it by its conversation id) pauses it for Teams' Retry-After.
 * But the lanes pick by address: the person's lane (`person:<id>`) was not paused, so a worker took
 * the person's next job and slept in the rate limiter for the whole Retry-After, and a graceful
 * stop (SIGTERM) waited for that worker, past src/index.ts's forced exit 10 s in, so the tenant
 * leases were never handed back. Now a job whose chat is paused is handed back unclaimed and its
 * lane waits as long as the chat (a stop waits out no pause), and it goes out, in order, once the
 * pause is over. A 429 on the person's address pauses the chat's other address with the same margin.
 */
describe('a person job whose 1:1 chat is paused by a 429 on its conversation id', () => {
  const bed = outboxBed();
  let box: Outbox | undefined;
  afterEach(async () => {
    await box?.stop();
    box = undefined;
  });
  const route = () => ({ serviceUrl: bed.connector.url, botId: '28:bot' });
  const byChat = (): OutboundMessage => ({ key: 'to-chat', tenantId: 'tenant-1', route: route(), target: { kind: 'conversation', conversationId: CHAT }, payload: { text: 'by chat id' } });
  const byPerson = (n: number): OutboundMessage => ({ key: `to-person-${n}`, tenantId: 'tenant-1', route: route(), target: { kind: 'person', userId: '29:mia' }, payload: { text: `by person ${n}` } });

  /** Starts an outbox whose message to the chat by its id gets a 429 (Retry-After 20 s), and waits for it. */
  async function throttledChat(limiter: CountingLimiter): Promise<Outbox> {
    const outbox = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), limiter, logger, { concurrency: 2, idleMs: 20 });
    box = outbox;
    await outbox.store.rememberPersonalConversation('tenant-1', '29:mia', CHAT);
    bed.connector.faults.push((req) => (req.body?.text === 'by chat id' ? { status: 429, retryAfterSeconds: 20 } : undefined));
    await outbox.enqueue([byChat()]);
    outbox.start();
    await waitUntil('the chat was throttled', async () => (await outbox.store.get(jobIdFor('to-chat')))?.result?.status === 429);
    limiter.askedIn.clear();
    return outbox;
  }

  /** The person job was looked at: it waits in the rate limiter, or was handed back with its lane free. */
  const personJobLookedAt = (outbox: Outbox, limiter: CountingLimiter) => () =>
    (limiter.askedIn.get(CHAT) ?? 0) >= 1 && ((limiter.waitingIn.get(CHAT) ?? 0) === 1 || !outbox.sender.lanes.isBusy(PERSON_LANE));

  it('is not waited for by a stop: the stop ends while the chat is still paused, the job pending and unclaimed', async () => {
    const limiter = new CountingLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 });
    const outbox = await throttledChat(limiter);

    await outbox.enqueue([byPerson(1)]);
    await waitUntil('the person job was looked at', personJobLookedAt(outbox, limiter), { state: () => `asked ${limiter.askedIn.get(CHAT) ?? 0}, waiting ${limiter.waitingIn.get(CHAT) ?? 0}` });
    expect(limiter.pausedFor(CHAT)).toBeGreaterThan(5000);

    await outbox.stop();
    // A graceful stop must not wait out Teams' Retry-After (src/index.ts exits 10 s into it anyway).
    const job = await outbox.store.get(jobIdFor('to-person-1'));
    expect({
      stillPausedWhenStopped: limiter.pausedFor(CHAT) > 0,
      waitingForTheChat: limiter.waitingIn.get(CHAT) ?? 0,
      sent: bed.connector.texts(),
      person: { status: job?.status, owner: job?.owner, attempts: job?.attempts },
    }).toEqual({
      stillPausedWhenStopped: true,
      waitingForTheChat: 0,
      sent: [],
      person: { status: 'pending', owner: undefined, attempts: 0 },
    });
  }, 60_000);

  it('goes out, in order with the next one, once the chat is no longer paused', async () => {
    let now = Date.now();
    const limiter = new CountingLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }, () => now);
    const outbox = await throttledChat(limiter);

    await outbox.enqueue([byPerson(1), byPerson(2)]);
    await waitUntil('the person job was looked at', personJobLookedAt(outbox, limiter));
    expect(bed.connector.texts()).toEqual([]);

    now += 25_000; // past the chat's Retry-After (20 s, its jitter and margin)
    await waitUntil('both person messages went out', () => bed.connector.texts().length >= 2, { state: () => bed.connector.texts().join(', ') });
    expect(bed.connector.texts()).toEqual(['by person 1', 'by person 2']);
  }, 60_000);

  it('throttled on the person address, pauses the chat by its id as long, margin included', async () => {
    const now = Date.now();
    const limiter = new CountingLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }, () => now);
    const outbox = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), limiter, logger, { concurrency: 2, idleMs: 20 });
    box = outbox;
    await outbox.store.rememberPersonalConversation('tenant-1', '29:mia', CHAT);
    bed.connector.faults.push((req) => (req.body?.text === 'by person 1' ? { status: 429, retryAfterSeconds: 20 } : undefined));
    await outbox.enqueue([byPerson(1)]);
    outbox.start();
    await waitUntil('the person job was throttled', async () => (await outbox.store.get(jobIdFor('to-person-1')))?.result?.status === 429);

    // The clock stands still: both addresses of the chat are paused until the same moment.
    expect(limiter.pausedFor(PERSON_LANE)).toBeGreaterThanOrEqual(20_200);
    expect(limiter.pausedFor(CHAT)).toBe(limiter.pausedFor(PERSON_LANE));
  }, 30_000);
});
