import type { Logger } from '../log/logger';
import { ConversationLanes } from './conversation-lanes';
import { Outcome } from './delivery-outcome';
import { OutboxStore, Versioned } from '../store/outbox.store';
import { DEFAULT_KEEP_SECONDS, leavesNoTrace, OutboxJob } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';
import { SenderHooks } from './sender-options';

/** Finished states whose message went out (or never will): the stored payload is dropped. */
const DROPS_PAYLOAD: readonly OutboxJob['status'][] = ['sent', 'skipped'];

/**
 * Every change of a job's state, each a replace conditioned on the ETag read before it: of two
 * senders only one can move a job, which is what makes a claim exclusive.
 */
export class JobTransitions {
  constructor(
    private readonly store: OutboxStore,
    private readonly owner: string,
    private readonly options: { jobLeaseMs: number; maxAttempts: number; giveUpAfterMs: number; guardedRetryMs: number; backoffBaseMs: number; backoffCapMs: number },
    private readonly lanes: ConversationLanes,
    private readonly limiter: TeamsRateLimiter,
    private readonly hooks: SenderHooks,
    private readonly logger: Logger,
  ) {}

  /** pending -> sending, for this sender only; undefined when another sender moved it first. */
  claim(job: Versioned<OutboxJob>): Promise<Versioned<OutboxJob> | undefined> {
    return this.store.replaceIfUnchanged(job, {
      ...job,
      status: 'sending',
      owner: this.owner,
      attempts: job.attempts + 1,
      lockedUntil: new Date(Date.now() + this.options.jobLeaseMs).toISOString(),
    });
  }

  /**
   * A pending job whose guard or render failed (its check could not answer: a session summary
   * waiting for an erasure in its group, a store that did not answer): due again later, each time
   * twice as late up to the backoff cap, so it is not read and tried again at once in a loop.
   * Not an attempt: nothing was sent.
   */
  async defer(job: Versioned<OutboxJob>): Promise<void> {
    const failed = (job.checksFailed ?? 0) + 1;
    const delayMs = Math.min(this.options.backoffCapMs, this.options.backoffBaseMs * 2 ** (failed - 1));
    const dueAt = Date.now() + delayMs;
    // Not past its own budget ("ten minutes left"), nor a guarded job past its short retry window.
    const lastMoment = leavesNoTrace(job) ? Math.min(this.giveUpAt(job), Date.parse(job.createdAt) + this.options.guardedRetryMs) : this.giveUpAt(job);
    if (dueAt > lastMoment) {
      const claimed = await this.claim(job);
      if (!claimed) return;
      await this.finish(claimed, 'failed', {});
      if (!leavesNoTrace(job)) this.hooks.notDelivered?.(job, 'outOfTime', undefined);
      return;
    }
    const next = await this.store.replaceIfUnchanged(job, { ...job, checksFailed: failed, notBefore: new Date(dueAt).toISOString() });
    if (!next) this.logger.debug(leavesNoTrace(job) ? {} : { jobId: job.id }, 'outbox job changed before its failed check was deferred');
  }

  /** sending -> pending again, for a claimed job that was not sent after all (nothing went out). */
  async unclaim(job: Versioned<OutboxJob>): Promise<Versioned<OutboxJob> | undefined> {
    const back = await this.store.replaceIfUnchanged(job, { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, attempts: Math.max(0, job.attempts - 1) });
    if (!back) this.logger.warn(leavesNoTrace(job) ? {} : { jobId: job.id }, 'outbox job changed while this sender held it; not handed back');
    return back;
  }

  async finish(job: Versioned<OutboxJob>, status: OutboxJob['status'], result: OutboxJob['result']): Promise<Versioned<OutboxJob> | undefined> {
    this.lanes.finished(job.conversationKey, job.id);
    if (leavesNoTrace(job)) {
      // Sent or skipped must look alike in the store and the log: neither is kept, and a line about one names neither job nor outcome (see leavesNoTrace).
      if (await this.store.deleteIfUnchanged(job)) return { ...job, status, result };
      this.logger.warn('a guarded outbox job changed while this sender held it');
      return undefined;
    }
    const done = await this.store.replaceIfUnchanged(job, {
      ...job,
      // A sent or skipped job is kept only for its key and result (idempotency): what it said,
      // which may name people (a summary's authors, a card's refresh list), is not kept with it.
      ...(DROPS_PAYLOAD.includes(status) ? { payload: {} } : {}),
      status,
      owner: undefined,
      lockedUntil: undefined,
      result,
      ttl: job.keepSeconds ?? DEFAULT_KEEP_SECONDS,
    });
    if (!done) this.logger.warn({ jobId: job.id, status }, 'outbox job changed while this sender held it; outcome not recorded');
    return done;
  }

  /**
   * The last moment a retry of the job may be due: its own budget or the sender's, whichever is
   * shorter, from when it was queued. A transient failure is retried until then, however many
   * attempts that takes (maxAttempts is only a safety limit, see SenderOptions).
   */
  private giveUpAt(job: OutboxJob): number {
    const budget = Math.min(this.options.giveUpAfterMs, job.giveUpAfterMs ?? Infinity);
    return Date.parse(job.createdAt) + budget;
  }

  /**
   * A guarded message that did not go out: never logged by itself nor reported as undelivered,
   * and its outcome never stored. Only a message that was sent can fail, so whatever were kept or
   * said of a failure would exist only for those its guard let through (a nudge: those who had not
   * answered). A transient failure (Teams throttling) is retried for a short while
   * (`guardedRetryMs`) with the job as it was queued; after that, or on any other failure, the job
   * is deleted like a sent one, and the next round of its kind tries again.
   */
  private async endGuarded(job: Versioned<OutboxJob>, outcome: Exclude<Outcome, { kind: 'sent' }>): Promise<void> {
    if (outcome.kind === 'retry') {
      this.limiter.pauseConversation(job.conversationKey, outcome.afterMs + 200);
      const retryAt = Date.now() + outcome.afterMs;
      if (retryAt <= Date.parse(job.createdAt) + this.options.guardedRetryMs && job.attempts < this.options.maxAttempts) {
        this.lanes.holdForRetry(job, outcome.afterMs + 30_000);
        const next = await this.store.replaceIfUnchanged(job, { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, notBefore: new Date(retryAt).toISOString() });
        if (!next) this.logger.warn('a guarded outbox job changed while this sender held it');
        return;
      }
    }
    await this.finish(job, 'failed', {});
  }

  /** Records what became of a claimed job. */
  async apply(job: Versioned<OutboxJob>, outcome: Outcome): Promise<void> {
    if (leavesNoTrace(job) && outcome.kind !== 'sent') return this.endGuarded(job, outcome);
    const log = { jobId: job.id, attempts: job.attempts };
    switch (outcome.kind) {
      case 'sent': {
        const result = { activityId: outcome.activityId, conversationId: outcome.conversationId };
        const done = await this.finish(job, 'sent', result);
        if (done) {
          await this.hooks.sent(done, result).catch((err) => this.logger.error({ ...log, err: (err as Error).message }, 'outbox onSent hook failed'));
        }
        return;
      }
      case 'retry': {
        // Hold the whole conversation back until the retry is due, so its messages stay in order.
        this.limiter.pauseConversation(job.conversationKey, outcome.afterMs + 200);
        this.lanes.holdForRetry(job, outcome.afterMs + 30_000);
        const retryAt = Date.now() + outcome.afterMs;
        const outOfTime = retryAt > this.giveUpAt(job);
        if (outOfTime || job.attempts >= this.options.maxAttempts) {
          const why = outOfTime ? 'outbox job failed: a retry would come after its time budget' : 'outbox job failed: it reached the safety limit of attempts';
          this.logger.warn({ ...log, status: outcome.status, code: outcome.code }, why);
          await this.finish(job, 'failed', { status: outcome.status, code: outcome.code });
          this.hooks.notDelivered?.(job, outOfTime ? 'outOfTime' : 'attempts', outcome.status);
          return;
        }
        const next = await this.store.replaceIfUnchanged(job, {
          ...job,
          status: 'pending',
          owner: undefined,
          lockedUntil: undefined,
          notBefore: new Date(retryAt).toISOString(),
          result: { status: outcome.status, code: outcome.code },
        });
        if (!next) this.logger.warn(log, 'outbox job changed while this sender held it');
        return;
      }
      case 'undeliverable':
        this.logger.info({ ...log, status: outcome.status, code: outcome.code }, 'outbox job undeliverable');
        await this.finish(job, 'undeliverable', { status: outcome.status, code: outcome.code });
        return;
      case 'failed':
        this.logger.warn({ ...log, status: outcome.status, code: outcome.code }, 'outbox job failed');
        await this.finish(job, 'failed', { status: outcome.status, code: outcome.code });
        this.hooks.notDelivered?.(job, 'failed', outcome.status);
        return;
      case 'unconfirmed':
        this.logger.warn({ ...log, code: outcome.code }, 'outbox job outcome unknown; not resent');
        await this.finish(job, 'unconfirmed', { code: outcome.code });
        this.hooks.notDelivered?.(job, 'unconfirmed', undefined);
        return;
    }
  }

  /** Jobs left `sending` by a sender that stopped: in doubt, so never resent (see OutboxSender). */
  async recoverAbandoned(): Promise<number> {
    const stale = await this.store.abandoned(new Date());
    let n = 0;
    for (const job of stale) {
      if (leavesNoTrace(job)) {
        if (await this.store.deleteIfUnchanged(job)) n++;
        continue;
      }
      const done = await this.store.replaceIfUnchanged(job, {
        ...job,
        status: 'unconfirmed',
        owner: undefined,
        lockedUntil: undefined,
        result: { ...(job.result ?? {}), code: 'senderStopped' },
        ttl: job.keepSeconds ?? DEFAULT_KEEP_SECONDS,
      });
      if (done) {
        n++;
        this.hooks.notDelivered?.(job, 'senderStopped', undefined);
      }
    }
    if (n) this.logger.warn({ jobs: n }, 'outbox jobs abandoned by a stopped sender marked unconfirmed (not resent)');
    return n;
  }
}
