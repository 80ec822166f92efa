import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { Outbox } from '../../src/outbox/outbox';
import { ConversationLanes } from '../../src/outbox/conversation-lanes';
import { JobTransitions } from '../../src/outbox/job-transitions';
import { jobIdFor, newJob, OutboxJob, RenderedMessage } from '../../src/outbox/outbox-job';
import { TeamsRateLimiter } from '../../src/outbox/rate-limiter';
import { resolveSenderOptions } from '../../src/outbox/sender-options';
import { OutboxTransport, TransportError, TransportResponse } from '../../src/outbox/transport';
import { OutboxStore } from '../../src/store/outbox.store';
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
 *
 * Found in review, stop 43 (later). The hook ran once: when it failed (a Cosmos 503 as it queued
 * the notice), or its sender stopped between recording the outcome and running it, the person was
 * never told. Now a given-up job keeps its hook, without its TTL, until the hook ran, as a sent
 * job does for onSent: the hook runs again after a back-off, or from the next sender, until it
 * succeeds or long after the message's budget; of two senders only one runs it at a time (an
 * ETag-guarded take); the message is never sent again. Once it ran, or was given up, the job gets
 * its TTL and keeps nothing of whom it would tell.
 */

/** Answers each conversation as the test says: a status, a call whose answer is lost, or sent. */
class ScriptedTransport implements OutboxTransport {
  sends = 0;
  constructor(private readonly answer: (conversationId: string) => number | 'lost') {}
  async createPersonalConversation(_r: unknown, _t: string, userId: string): Promise<TransportResponse<{ conversationId: string }>> {
    return { ok: true, conversationId: `a:1on1-${userId}` };
  }
  async sendActivity(_r: unknown, conversationId: string): Promise<TransportResponse<{ activityId?: string }>> {
    this.sends++;
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
    // A sent job keeps nothing of whom its hook would have told; a given-up one, once told, neither, and gets its TTL.
    expect((await box.store.get(jobIdFor('k-c-fine')))?.onRefused).toBeUndefined();
    const givenUp = await Promise.all(['c-blocked', 'c-busy', 'c-gone'].map(async (c) => box.store.get(jobIdFor(`k-${c}`))));
    expect(givenUp.map((j) => ({ onRefused: j?.onRefused, ttl: j?.ttl }))).toEqual(Array(3).fill({ onRefused: undefined, ttl: expect.any(Number) }));
    expect(told.sort((a, b) => a.args.who!.localeCompare(b.args.who!))).toEqual(
      ['c-blocked', 'c-busy', 'c-gone'].map((c) => ({ args: { who: `p-${c}` }, id: jobIdFor(`k-${c}`), tenantId: 'tenant-1', serviceUrl: 'https://smba.example/emea/' })),
    );
  }, 60_000);

  it('that fails is logged without its arguments, the outcome stays recorded, and it runs again until it succeeds', async () => {
    const transport = new ScriptedTransport(() => 403);
    const box = new Outbox(bed.cosmos, transport, new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, { concurrency: 2, backoffBaseMs: 20, backoffCapMs: 40 });
    let runs = 0;
    const told: string[] = [];
    box.onRefused('test.refused', async (args) => {
      if (++runs <= 2) throw new Error('store down');
      told.push(args.who!);
    });
    logs.length = 0;
    await box.enqueue([message('c-blocked')]);
    await box.drain(30_000);
    await box.drain(30_000);
    const job = await box.store.get(jobIdFor('k-c-blocked'));
    const line = logs.find((l) => l.includes('outbox onRefused hook failed'));
    expect({ logged: line !== undefined, names: line?.includes('p-c-blocked'), runs, told, sends: transport.sends, status: job?.status, onRefused: job?.onRefused, ttl: job?.ttl }).toEqual({
      logged: true,
      names: false,
      runs: 3,
      told: ['p-c-blocked'],
      sends: 1,
      status: 'undeliverable',
      onRefused: undefined,
      ttl: expect.any(Number),
    });
  }, 60_000);

  it('that keeps failing is given up long after the message\'s budget: logged as an error, the job ends', async () => {
    const box = new Outbox(bed.cosmos, new ScriptedTransport(() => 403), new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, {
      concurrency: 2,
      backoffBaseMs: 20,
      backoffCapMs: 40,
      giveUpAfterMs: 300,
    });
    box.onRefused('test.refused', async () => {
      throw new Error('store down');
    });
    logs.length = 0;
    await box.enqueue([message('c-blocked')]);
    await box.drain(30_000);
    const job = await box.store.get(jobIdFor('k-c-blocked'));
    const givenUp = logs.find((l) => l.includes('outbox onRefused hook failed; given up'));
    expect({ givenUp: givenUp !== undefined, names: givenUp?.includes('p-c-blocked'), status: job?.status, onRefused: job?.onRefused, ttl: job?.ttl }).toEqual({
      givenUp: true,
      names: false,
      status: 'undeliverable',
      onRefused: undefined,
      ttl: expect.any(Number),
    });
  }, 60_000);

  /** What a sender that stopped right after recording `undeliverable` leaves: the hook still on it, no TTL, due after its lease. */
  const leftBehind = (key: string): OutboxJob => ({
    ...newJob(message(key), new Date(Date.now() - 5 * 60_000)),
    status: 'undeliverable',
    attempts: 1,
    notBefore: new Date(Date.now() - 1000).toISOString(),
    result: { status: 403, code: 'ConversationBlockedByUser' },
  });

  it('of a given-up job whose sender stopped before it ran comes from the next sender; the message is not sent again', async () => {
    const transport = new ScriptedTransport(() => 200);
    const box = new Outbox(bed.cosmos, transport, new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, { concurrency: 2 });
    const told: { args: Record<string, string>; id: string }[] = [];
    box.onRefused('test.refused', async (args, job) => void told.push({ args, id: job.id }));
    const job = leftBehind('c-stopped');
    await box.store.create(job);
    await box.drain(30_000);
    await box.drain(30_000);
    const after = await box.store.get(job.id);
    expect({ told, sends: transport.sends, status: after?.status, onRefused: after?.onRefused, ttl: after?.ttl }).toEqual({
      told: [{ args: { who: 'p-c-stopped' }, id: job.id }],
      sends: 0,
      status: 'undeliverable',
      onRefused: undefined,
      ttl: expect.any(Number),
    });
  }, 60_000);

  it('due again is run by one of two senders that read it at once', async () => {
    const store = new OutboxStore(bed.cosmos);
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 });
    const told: string[] = [];
    const sender = (owner: string) =>
      new JobTransitions(store, owner, resolveSenderOptions({ concurrency: 1 }), new ConversationLanes(limiter), limiter, {
        guard: async () => true,
        render: async (job) => ({ payload: job.payload }),
        sent: async () => undefined,
        refused: async (job) => void told.push(job.onRefused?.args.who ?? ''),
      }, logger);
    const { job } = await store.create(leftBehind('c-two'));
    const took = await Promise.all([sender('a').retryHook(job), sender('b').retryHook(job)]);
    expect({ took: took.filter(Boolean).length, told, ttl: (await store.get(job.id))?.ttl }).toEqual({ took: 1, told: ['p-c-two'], ttl: expect.any(Number) });
  }, 60_000);

  it('is never run for a guarded job, even one found without its TTL', async () => {
    const store = new OutboxStore(bed.cosmos);
    const { job } = await store.create({ ...leftBehind('c-guarded-left'), status: 'failed', guard: { kind: 'test.guard', args: {} } });
    expect({ due: (await store.due(new Date(), 10)).map((j) => j.id), open: (await store.nextOpen()).pending }).toEqual({ due: [], open: 0 });
    const limiter = new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 });
    let told = 0;
    const transitions = new JobTransitions(store, 'a', resolveSenderOptions({ concurrency: 1 }), new ConversationLanes(limiter), limiter, {
      guard: async () => true,
      render: async (j) => ({ payload: j.payload }),
      sent: async () => undefined,
      refused: async () => void told++,
    }, logger);
    expect({ took: await transitions.retryHook(job), told }).toEqual({ took: false, told: 0 });
  }, 60_000);

  it('queue says whether this call queued the message or found it queued before', async () => {
    const box = new Outbox(bed.cosmos, new ScriptedTransport(() => 200), new TeamsRateLimiter({ tenantPerSecond: 100, conversationPerSecond: 7 }), logger, { concurrency: 2 });
    expect(await box.queue(message('c-fine'))).toBe('queued');
    expect(await box.queue(message('c-fine', { payload: { text: 'andere woorden' } }))).toBe('alreadyQueued');
    await box.drain(30_000);
    expect((await box.store.get(jobIdFor('k-c-fine')))?.status).toBe('sent');
  }, 60_000);
});
