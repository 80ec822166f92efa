import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { jobIdFor, RenderedMessage } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { OutboxTransport, TransportError, TransportResponse } from '../../src/outbox/transport';
import { outboxBed } from './outbox-bed';

/**
 * Found in review, stop 43. A professional asked their manager for a conversation; Teams refused
 * the manager's chat for good, and the outbox only recorded it: nobody could tell the professional,
 * who had been told "sent". A message may now carry an `onRefused` hook: told once, with its
 * arguments and the job's id, tenant and route, when the outbox gives it up as not delivered
 * (refused for good, a final failure, retries out of budget), after the outcome is recorded. Never
 * for a message that was sent, that may have gone out (unconfirmed), or that is guarded (whether
 * it went must leave no trace). A hook that fails is logged without names, and the outcome stays
 * recorded; a sent job keeps nothing of whom the hook would have told. `queue` says whether a key
 * was queued now or had been queued before.
 */

/** Answers each conversation as the test says: a status, a call whose answer is lost, or sent. */
class ScriptedTransport implements OutboxTransport {
  constructor(private readonly answer: (conversationId: string) => number | 'lost') {}
  async createPersonalConversation(_r: unknown, _t: string, userId: string): Promise<TransportResponse<{ conversationId: string }>> {
    return { ok: true, conversationId: `a:1on1-${userId}` };
  }
  async sendActivity(_r: unknown, conversationId: string): Promise<TransportResponse<{ activityId?: string }>> {
    const a = this.answer(conversationId);
    if (a === 'lost') throw new TransportError('socket hang up', true);
    return a === 200 ? { ok: true, activityId: `m-${conversationId}` } : { ok: false, status: a, code: String(a) };
  }
  async updateActivity(): Promise<TransportResponse<{ activityId?: string }>> {
    return { ok: true };
  }
}

const ANSWERS: Record<string, number | 'lost'> = { 'c-blocked': 403, 'c-gone': 404, 'c-busy': 503, 'c-lost': 'lost', 'c-fine': 200, 'c-guarded': 403 };

describe('the onRefused hook', () => {
  const bed = outboxBed();
  const logs: string[] = [];
  const logger = createLogger('info', new Writable({ write(chunk, _e, cb) { logs.push(chunk.toString()); cb(); } }));
  const message = (conversationId: string, extra: Partial<RenderedMessage> = {}): RenderedMessage => ({
    key: `k-${conversationId}`,
    tenantId: 'tenant-1',
    route: { serviceUrl: 'https://smba.example/emea/', botId: '28:bot' },
    target: { kind: 'conversation', conversationId },
    payload: { text: 'verzoek' },
    onRefused: { kind: 'test.refused', args: { who: `p-${conversationId}` } },
    ...extra,
  });

  it('is told once for a message given up as not delivered, never for one sent, in doubt or guarded', async () => {
    const box = new Outbox(bed.cosmos, new ScriptedTransport((c) => ANSWERS[c] ?? 200), new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, {
      concurrency: 4,
      backoffBaseMs: 20,
      backoffCapMs: 40,
      // A 503 is retried until this budget runs out: then the message is given up too.
      giveUpAfterMs: 1_000,
    });
    const told: { args: Record<string, string>; id: string; tenantId: string; serviceUrl: string }[] = [];
    box.onRefused('test.refused', async (args, job) => void told.push({ args, id: job.id, tenantId: job.tenantId, serviceUrl: job.route.serviceUrl }));
    box.onGuard('test.guard', async () => true);
    await box.enqueue(['c-blocked', 'c-gone', 'c-busy', 'c-lost', 'c-fine'].map((c) => message(c)));
    await box.enqueue([message('c-guarded', { guard: { kind: 'test.guard', args: {} } })]);
    await box.drain(30_000);
    await box.drain(30_000);

    const statuses = Object.fromEntries(await Promise.all(Object.keys(ANSWERS).map(async (c) => [c, (await box.store.get(jobIdFor(`k-${c}`)))?.status ?? 'gone'])));
    expect(statuses).toEqual({ 'c-blocked': 'undeliverable', 'c-gone': 'failed', 'c-busy': 'failed', 'c-lost': 'unconfirmed', 'c-fine': 'sent', 'c-guarded': 'gone' });
    // A sent job keeps nothing of whom its hook would have told.
    expect((await box.store.get(jobIdFor('k-c-fine')))?.onRefused).toBeUndefined();
    expect(told.sort((a, b) => a.args.who!.localeCompare(b.args.who!))).toEqual(
      ['c-blocked', 'c-busy', 'c-gone'].map((c) => ({ args: { who: `p-${c}` }, id: jobIdFor(`k-${c}`), tenantId: 'tenant-1', serviceUrl: 'https://smba.example/emea/' })),
    );
  }, 60_000);

  it('that fails is logged without its arguments; the outcome stays recorded', async () => {
    const box = new Outbox(bed.cosmos, new ScriptedTransport(() => 403), new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, { concurrency: 2 });
    box.onRefused('test.refused', async () => {
      throw new Error('store down');
    });
    logs.length = 0;
    await box.enqueue([message('c-blocked')]);
    await box.drain(30_000);
    expect((await box.store.get(jobIdFor('k-c-blocked')))?.status).toBe('undeliverable');
    const line = logs.find((l) => l.includes('outbox onRefused hook failed'));
    expect({ logged: line !== undefined, names: line?.includes('p-c-blocked') }).toEqual({ logged: true, names: false });
  }, 60_000);

  it('queue says whether this call queued the message or found it queued before', async () => {
    const box = new Outbox(bed.cosmos, new ScriptedTransport(() => 200), new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, { concurrency: 2 });
    expect(await box.queue(message('c-fine'))).toBe('queued');
    expect(await box.queue(message('c-fine', { payload: { text: 'andere woorden' } }))).toBe('alreadyQueued');
    await box.drain(30_000);
    expect((await box.store.get(jobIdFor('k-c-fine')))?.status).toBe('sent');
  }, 60_000);
});
