import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { RateLimits, TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { OutboxTransport, Route, TransportError } from '../../src/outbox/transport';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { waitUntil } from './wait-until';
import { outboxBed } from './outbox-bed';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));
const CONCURRENCY = 16;

/**
 * A rate limiter that, once `closeAfter` messages have been let through, holds every later wait
 * for a message (a moment of heavy throttling), until `open()`. Waits for the 1:1 chat creation
 * (no conversation) are not held.
 */
class ThrottlingLimiter extends TeamsRateLimiter {
  held = 0;
  private passed = 0;
  private closed = false;
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(limits: RateLimits, private readonly closeAfter: number) {
    super(limits);
  }

  override async acquire(tenantId: string, conversationKey?: string): Promise<number> {
    if (conversationKey) await this.hold();
    const at = await super.acquire(tenantId, conversationKey);
    if (conversationKey && ++this.passed === this.closeAfter) this.closed = true;
    return at;
  }

  override async depart(tenantId: string, conversationKey?: string): Promise<number> {
    if (conversationKey) await this.hold();
    return super.depart(tenantId, conversationKey);
  }

  private async hold(): Promise<void> {
    if (!this.closed) return;
    this.held++;
    await this.gate;
  }

  open(): void {
    this.release();
  }
}

/** The process dies: from now on nothing it would send reaches the connector. */
class KillableTransport implements OutboxTransport {
  killed = false;
  constructor(private readonly inner: OutboxTransport) {}
  private check(): void {
    if (this.killed) throw new TransportError('the process was killed', false);
  }
  async createPersonalConversation(route: Route, tenantId: string, userId: string) {
    this.check();
    return this.inner.createPersonalConversation(route, tenantId, userId);
  }
  async sendActivity(route: Route, conversationId: string, activity: Record<string, unknown>) {
    this.check();
    return this.inner.sendActivity(route, conversationId, activity);
  }
  async updateActivity(route: Route, conversationId: string, activityId: string, activity: Record<string, unknown>) {
    this.check();
    return this.inner.updateActivity(route, conversationId, activityId, activity);
  }
}

describe('the outbox\'s window of doubt', () => {
  const bed = outboxBed();

  it('killed mid-fan-out while the rate limiter holds messages: only calls that may have gone out are in doubt, no card is lost', async () => {
    const limits = { tenantPerSecond: 100, conversationPerSecond: 7 };
    const quick = { concurrency: CONCURRENCY, tenantLeaseMs: 1000, jobLeaseMs: 1000, recoveryIntervalMs: 300 };
    const throttled = new ThrottlingLimiter(limits, 40);
    const transport = new KillableTransport(new BotConnectorClient(async () => undefined, 5000));
    const first = new Outbox(bed.cosmos, transport, throttled, logger, quick);
    const second = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter(limits), logger, quick);
    const messages: OutboundMessage[] = Array.from({ length: 300 }, (_, i) => ({
      key: `card-${i}`,
      tenantId: 'tenant-1',
      route: { serviceUrl: bed.connector.url, botId: '28:bot' },
      target: { kind: 'person', userId: `29:user-${i}` },
      payload: { text: `kaart ${i}` },
    }));
    await first.enqueue(messages);
    first.start();

    // Every worker of the first instance now waits for the rate limiter.
    await waitUntil(`all ${CONCURRENCY} workers of the first instance wait for the rate limiter`, () => throttled.held >= CONCURRENCY, { state: () => `${throttled.held} waiting` });
    // The other instance starts once the first holds the tenant (started together, it could take
    // the tenant first, and the first instance then never sends): it gets the tenant once the
    // first one's lease runs out.
    second.start();
    first.sender.halt();
    transport.killed = true;
    throttled.open();

    await second.drain(60_000);
    await second.stop();

    const received = new Map<string, number>();
    for (const c of bed.connector.calls.filter((c) => c.method === 'POST')) received.set(c.activity.text, (received.get(c.activity.text) ?? 0) + 1);
    expect([...received].filter(([, n]) => n > 1)).toEqual([]);
    const jobs = await Promise.all(messages.map((m) => second.store.get(jobIdFor(m.key))));
    const inDoubt = jobs.filter((j) => j?.status === 'unconfirmed').map((j) => j!.payload.text as string);
    // A job is in doubt only when its call may really have gone out: the connector saw it.
    expect(inDoubt.filter((text) => !received.has(text))).toEqual([]);
    expect(messages.map((m) => m.payload.text as string).filter((text) => !received.has(text))).toEqual([]);
    expect(jobs.every((j) => j?.status === 'sent' || j?.status === 'unconfirmed')).toBe(true);
  }, 90_000);
});
