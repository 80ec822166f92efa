import { Writable } from 'node:stream';
import { OutboundMessage } from '../../src/domain/outbox/outbox.port';
import { BusinessEvent } from '../../src/domain/shared/business-events';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { FINISHED, jobIdFor } from '../../src/outbox/outbox-job';
import { SenderOptions } from '../../src/outbox/outbox-sender';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { BotConnectorClient } from '../../src/teams/connector/bot-connector.client';
import { outboxBed } from './outbox-bed';
import { waitUntil } from './wait-until';

const logger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/**
 * A Teams outage outlasts any fixed number of quick retries: a transient failure (5xx, 408, 412,
 * 429, a refused connection) is retried until the job is older than its time budget, however
 * many attempts that takes. Small timings keep the tests short; the rules are the app's.
 */
describe('the outbox\'s retry budget', () => {
  const bed = outboxBed();
  const boxes: Outbox[] = [];
  /** What the alert in infra/modules/monitoring.bicep watches: every message given up on. */
  const events: BusinessEvent[] = [];
  const notDelivered = () => events.filter((e) => e.name === 'messageNotDelivered');
  afterEach(async () => {
    await Promise.all(boxes.splice(0).map((b) => b.stop()));
    events.splice(0);
  });

  function outbox(options: Partial<SenderOptions> = {}): Outbox {
    const box = new Outbox(bed.cosmos, new BotConnectorClient(async () => undefined, 5000), new TeamsRateLimiter({ tenantPerSecond: 50, conversationPerSecond: 7 }), logger, {
      concurrency: 4,
      idleMs: 20,
      backoffBaseMs: 10,
      backoffCapMs: 40,
      ...options,
      events: { record: (e) => events.push(e) },
    });
    boxes.push(box);
    return box;
  }

  function toChannel(key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage {
    return { key, tenantId: 'tenant-1', route: { serviceUrl: bed.connector.url, botId: '28:bot' }, target: { kind: 'conversation', conversationId: `19:${key}@thread.tacv2` }, payload: { text: key }, ...extra };
  }

  /** Teams answers every send to these channels with `status` until they are taken out. */
  function outage(status: number, ...keys: string[]): Set<string> {
    const down = new Set(keys.map((k) => `19:${k}@thread.tacv2`));
    bed.connector.faults.push((req) => (req.method === 'POST' && req.conversationId && down.has(req.conversationId) ? { status } : undefined));
    return down;
  }

  const refusals = (key: string, status = 503) => bed.connector.requests.filter((r) => r.conversationKey === `19:${key}@thread.tacv2` && r.status === status).length;
  const posts = (key: string) => bed.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === `19:${key}@thread.tacv2`);

  async function settled(box: Outbox, key: string, what: string) {
    await waitUntil(what, async () => FINISHED.includes((await box.store.get(jobIdFor(key)))?.status ?? 'pending'), { timeoutMs: 10_000 });
    return (await box.store.get(jobIdFor(key)))!;
  }

  it('keeps retrying a 503 past ten attempts while the job is within its time budget, and delivers it once Teams is back', async () => {
    const box = outbox(); // the default budget (24 hours) and safety limit
    const down = outage(503, 'prep');
    await box.enqueue([toChannel('prep')]);
    box.start();

    // Twelve refusals is past the ten attempts after which the job used to fail for good.
    await waitUntil(
      'Teams refused the message 12 times, or the outbox gave it up',
      async () => refusals('prep') >= 12 || FINISHED.includes((await box.store.get(jobIdFor('prep')))?.status ?? 'pending'),
      { timeoutMs: 10_000, state: () => `${refusals('prep')} refusals` },
    );
    // Still to be tried again (pending, or `sending` while its last refusal is being recorded).
    expect(FINISHED).not.toContain((await box.store.get(jobIdFor('prep')))?.status);

    down.clear(); // Teams is back
    const job = await settled(box, 'prep', 'the message was sent once Teams answered again');
    expect(job.status).toBe('sent');
    expect(job.attempts).toBeGreaterThan(12);
    expect(posts('prep')).toHaveLength(1);
    expect(notDelivered()).toEqual([]);
  });

  it('fails a job whose transient failures outlast its time budget', async () => {
    // A safety limit no job can reach: only the budget can end it.
    const box = outbox({ giveUpAfterMs: 400, maxAttempts: Number.MAX_SAFE_INTEGER });
    outage(503, 'gone');
    await box.enqueue([toChannel('gone')]);
    box.start();

    const job = await settled(box, 'gone', 'the job failed once its budget ran out');
    expect(job.status).toBe('failed');
    expect(job.result).toMatchObject({ status: 503 });
    // How many tries fit in 400 ms depends on the machine (a busy one may fit one): the reason
    // below, not a count of tries, says the budget ended it.
    expect(job.attempts).toBeGreaterThanOrEqual(1);
    expect(posts('gone')).toHaveLength(0);
    // Given up on after a day of retries: not only a log line, an event an alert can watch.
    expect(notDelivered()).toEqual([{ name: 'messageNotDelivered', reason: 'outOfTime', status: 503 }]);
  });

  it('gives a message its own, shorter budget while the others keep being retried', async () => {
    const box = outbox({ maxAttempts: 1000 });
    const down = outage(503, 'warning', 'summary');
    // A "ten minutes left" warning is wrong an hour late; a summary is not.
    await box.enqueue([toChannel('warning', { giveUpAfterMs: 300 }), toChannel('summary')]);
    box.start();

    const warning = await settled(box, 'warning', 'the warning failed once its own budget ran out');
    expect(warning.status).toBe('failed');
    expect((await box.store.get(jobIdFor('summary')))?.status).not.toBe('failed');

    down.clear();
    const summary = await settled(box, 'summary', 'the summary was sent once Teams answered again');
    expect(summary.status).toBe('sent');
    expect(posts('summary')).toHaveLength(1);
    expect(posts('warning')).toHaveLength(0);
  });

  it('does not wait out a Retry-After that ends after the budget: the job fails at once', async () => {
    const box = outbox({ giveUpAfterMs: 1000 });
    bed.connector.faults.push((req) => (req.method === 'POST' ? { status: 429, retryAfterSeconds: 30 } : undefined));
    await box.enqueue([toChannel('throttled')]);
    box.start();

    const job = await settled(box, 'throttled', 'the throttled job failed');
    expect(job.status).toBe('failed');
    expect(job.result).toMatchObject({ status: 429 });
    expect(refusals('throttled', 429)).toBe(1);
  });

  it('still fails a permanent refusal (404) at once, within any budget', async () => {
    const box = outbox();
    outage(404, 'unknown');
    await box.enqueue([toChannel('unknown')]);
    box.start();

    const job = await settled(box, 'unknown', 'the refused job failed');
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(refusals('unknown', 404)).toBe(1);
    expect(notDelivered()).toEqual([{ name: 'messageNotDelivered', reason: 'failed', status: 404 }]);
  });
});
