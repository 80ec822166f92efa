import type { Logger } from '../log/logger';
import { ConversationLanes } from './conversation-lanes';
import { HeldJobWrites, Patience } from './held-job-writes';
import { Outcome } from './delivery-outcome';
import { OutboxStore, Versioned } from '../store/outbox.store';
import { CHECK_UNANSWERED, DEFAULT_KEEP_SECONDS, endedNamingNobody, FinishedHook, hookPending, leavesKeyWhenEnded, leavesNoTrace, OutboxJob, pendingHook } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';
import { SenderHooks } from './sender-options';

/** Added to a Retry-After: our clock and the server's differ by timer and event-loop jitter. */
const THROTTLE_MARGIN_MS = 200;

/** Where callers found it before it moved to outbox-job.ts (a finished job's trace depends on it). */
export { CHECK_UNANSWERED };

/**
 * Whether the chat's other messages wait for this job's retry, in order: after its first refusal
 * other than a 429 (the refusal its last retry stored in `result`), and after a 429, when the chat
 * is paused as a whole anyway. A message Teams keeps refusing with 5xx (retried for up to 24
 * hours) then holds only later updates of itself (ConversationLanes). Not by its attempts: a 429
 * before counts one, and its first 5xx then let the chat's next message overtake it (own review, stop 67).
 */
function holdsOthers(job: OutboxJob, outcome: Extract<Outcome, { kind: 'retry' }>): boolean {
  const refusedBefore = job.result !== undefined && job.result.status !== 429;
  return outcome.status === 429 || !refusedBefore;
}

/** Finished states whose message went out (or never will): the stored payload is dropped. */
const DROPS_PAYLOAD: readonly OutboxJob['status'][] = ['sent', 'skipped'];

/**
 * Every change of a job's state, each a replace conditioned on the ETag read before it: of two
 * senders only one can move a job, which is what makes a claim exclusive.
 */
export class JobTransitions {
  private readonly writes: HeldJobWrites;

  constructor(
    private readonly store: OutboxStore,
    private readonly owner: string,
    private readonly options: { jobLeaseMs: number; maxAttempts: number; giveUpAfterMs: number; guardedRetryMs: number; backoffBaseMs: number; backoffCapMs: number },
    private readonly lanes: ConversationLanes,
    private readonly limiter: TeamsRateLimiter,
    private readonly hooks: SenderHooks,
    private readonly logger: Logger,
    halted: () => boolean = () => false,
  ) {
    this.writes = new HeldJobWrites(store, halted);
  }

  /**
   * pending -> sending, for this sender only; undefined when another sender moved it first. A claim
   * whose answer was lost is found ours by reading the job again (HeldJobWrites): taken for another
   * sender's, it would leave the job `sending` without a call, and in doubt once its lease ran out.
   */
  claim(job: Versioned<OutboxJob>, opts: { recheck?: boolean } = {}): Promise<Versioned<OutboxJob> | undefined> {
    return this.writes.replace(job, {
      ...job,
      status: 'sending',
      owner: this.owner,
      attempts: job.attempts + 1,
      lockedUntil: new Date(Date.now() + this.options.jobLeaseMs).toISOString(),
      rechecking: opts.recheck ? true : undefined,
    }, 'claim');
  }

  /**
   * A claimed job whose re-check passed: from now on its call may go out, so a sender stopping
   * leaves it in doubt. Undefined when the job changed meanwhile (it is no longer this sender's to send).
   */
  rechecked(job: Versioned<OutboxJob>): Promise<Versioned<OutboxJob> | undefined> {
    return this.writes.replace(job, { ...job, rechecking: undefined }, 'claim');
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
      // Said in its result (`CHECK_UNANSWERED`), so its onRefused hook can tell this from a refusal by Teams.
      const done = await this.finish(claimed, 'failed', { code: CHECK_UNANSWERED });
      if (!leavesNoTrace(job)) this.hooks.notDelivered?.(job, 'outOfTime', undefined);
      await this.tellRefused(done);
      return;
    }
    const next = await this.store.replaceIfUnchanged(job, { ...job, checksFailed: failed, notBefore: new Date(dueAt).toISOString() });
    if (!next) this.logger.debug(leavesNoTrace(job) ? {} : { jobId: job.id }, 'outbox job changed before its failed check was deferred');
  }

  /** sending -> pending again, for a claimed job that was not sent after all (nothing went out). */
  async unclaim(job: Versioned<OutboxJob>): Promise<Versioned<OutboxJob> | undefined> {
    const back = await this.writes.replace(job, { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, rechecking: undefined, attempts: Math.max(0, job.attempts - 1) }, 'outcome');
    if (!back) this.logger.warn(leavesNoTrace(job) ? {} : { jobId: job.id }, 'outbox job changed while this sender held it; not handed back');
    return back;
  }

  async finish(job: Versioned<OutboxJob>, status: OutboxJob['status'], result: OutboxJob['result']): Promise<Versioned<OutboxJob> | undefined> {
    this.lanes.finished(job.conversationKey, job.id);
    if (leavesNoTrace(job)) {
      // Sent or skipped must look alike in the store and the log: neither is kept, and a line about one names neither job nor outcome (see leavesNoTrace).
      if (await this.writes.delete(job, 'outcome')) return { ...job, status, result };
      this.logger.warn('a guarded outbox job changed while this sender held it');
      return undefined;
    }
    const finished: OutboxJob = {
      ...job,
      // A sent or skipped job is kept only for its key and result (idempotency): what it said,
      // which may name people (a summary's authors, a card's refresh list), is not kept with it.
      // Nor who it listed: with the payload gone, the record holds no id of theirs for an erasure to find.
      ...(DROPS_PAYLOAD.includes(status) ? { payload: {}, listed: undefined, listedIds: undefined } : {}),
      status,
      owner: undefined,
      lockedUntil: undefined,
      result,
    };
    // A job with a hook still to run (onSent once sent, onRefused once given up) stays without its
    // TTL, and keeps the hook's arguments, until the hook ran (see hookPending): due for it only
    // after the lease, so no other sender runs it while this one does. Only this sender knows the
    // outcome (a sent card's message id): a write that meets a hiccup is tried again while it holds the job.
    const hookToRun = this.hookToRun(finished);
    const done = hookToRun
      ? await this.writes.replace(job, { ...finished, checksFailed: undefined, notBefore: new Date(Date.now() + this.options.jobLeaseMs).toISOString() }, 'outcome')
      : await this.recordEnd(job, this.ended(finished), 'outcome');
    if (!done) this.logger.warn({ jobId: job.id, status }, 'outbox job changed while this sender held it; outcome not recorded');
    return done;
  }

  /**
   * Records that a job has nothing left to do (`ended`: with its TTL). A job marked
   * `keyOutlivesErasure` is not kept so: its own id is a plain hash of its key, which whoever knows
   * the key recomputes (a manager, a team account's press key), and a finished job there beside an
   * erased person's missing one would say who erased (found in review, stop 59). So it leaves what
   * an erasure leaves (the blank under the keyed id, `leavesKeyWhenEnded`), and is deleted. Nothing
   * reads such a job once it ended: its callers go by the blank (`erasedKey`). Two requests instead
   * of one (the blank, the delete), off anyone's turn; none for a job that surely never went (its key
   * is freed). `patience`: only a sender that holds the job (its lease) tries a write again.
   * The job as ended, or undefined when somebody changed it first.
   */
  private async recordEnd(current: Versioned<OutboxJob>, ended: OutboxJob, patience?: Patience): Promise<Versioned<OutboxJob> | undefined> {
    // One that surely never went (skipped, its check unanswered) is kept as it ended, under its own
    // id, as before stop 59: its key must keep holding (a press delivered again after the manager
    // deleted the account would send the deleted words; found reviewing this change), and its
    // callers retake it by its status.
    if (!current.keyOutlivesErasure || !leavesKeyWhenEnded(ended)) return patience ? this.writes.replace(current, ended, patience) : this.store.replaceIfUnchanged(current, ended);
    let gone: boolean;
    if (patience) gone = await this.writes.retire(current, true, patience);
    else {
      await this.store.leaveKey(current);
      gone = await this.store.deleteIfUnchanged(current);
    }
    return gone ? { ...ended, _etag: current._etag } : undefined;
  }

  /** The hook a job just finished has still to run, if any: onRefused only where the sender has a runner for it. */
  private hookToRun(job: OutboxJob): FinishedHook | undefined {
    const hook = pendingHook({ ...job, ttl: undefined });
    return hook === 'onRefused' && !this.hooks.refused ? undefined : hook;
  }

  /**
   * A job with nothing left to do: it gets its TTL, and keeps nothing of whom its onRefused hook
   * would tell (it told them, or never will: the job was sent, skipped, in doubt, or gave the hook up).
   * One that named someone keeps nothing naming anyone (`endedNamingNobody`), so an erasure leaves
   * it as everyone else's (stop 61).
   */
  private ended(job: OutboxJob): OutboxJob {
    return endedNamingNobody({ ...job, onRefused: undefined, ttl: job.keepSeconds ?? DEFAULT_KEEP_SECONDS });
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
  private async endGuarded(job: Versioned<OutboxJob>, outcome: Exclude<Outcome, { kind: 'sent' }>, rateKey: string): Promise<void> {
    if (outcome.kind === 'retry') {
      this.pauseIfThrottled(job, outcome, rateKey);
      const retryAt = Date.now() + outcome.afterMs;
      if (retryAt <= Date.parse(job.createdAt) + this.options.guardedRetryMs && job.attempts < this.options.maxAttempts) {
        this.lanes.holdForRetry(job, outcome.afterMs + 30_000, holdsOthers(job, outcome));
        const next = await this.writes.replace(job, { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, notBefore: new Date(retryAt).toISOString() }, 'outcome');
        if (!next) this.logger.warn('a guarded outbox job changed while this sender held it');
        return;
      }
    }
    await this.finish(job, 'failed', {});
  }

  /**
   * Records what became of a claimed job. `rateKey`: the chat Teams counted the call in, when it
   * is not the job's own conversation key (a person's 1:1 chat, see JobDelivery).
   */
  async apply(job: Versioned<OutboxJob>, outcome: Outcome, rateKey = job.conversationKey): Promise<void> {
    if (leavesNoTrace(job) && outcome.kind !== 'sent') return this.endGuarded(job, outcome, rateKey);
    const log = { jobId: job.id, attempts: job.attempts };
    switch (outcome.kind) {
      case 'sent': {
        const result = { activityId: outcome.activityId, conversationId: outcome.conversationId };
        const done = await this.finish(job, 'sent', result);
        if (!done) return;
        if (hookPending(done)) return this.runHook(done);
        // A guarded job is gone already (leavesNoTrace): its hook gets this one run.
        await this.hooks.sent(done, result).catch((err) => this.logger.error({ ...log, err: (err as Error).message }, 'outbox onSent hook failed'));
        return;
      }
      case 'retry': {
        // A throttled conversation waits as a whole; the message itself is held for its retry, so
        // updates of it stay in order (holdForRetry), while other messages go out (a member's reply).
        this.pauseIfThrottled(job, outcome, rateKey);
        this.lanes.holdForRetry(job, outcome.afterMs + 30_000, holdsOthers(job, outcome));
        const retryAt = Date.now() + outcome.afterMs;
        const outOfTime = retryAt > this.giveUpAt(job);
        if (outOfTime || job.attempts >= this.options.maxAttempts) {
          const why = outOfTime ? 'outbox job failed: a retry would come after its time budget' : 'outbox job failed: it reached the safety limit of attempts';
          this.logger.warn({ ...log, status: outcome.status, code: outcome.code }, why);
          const done = await this.finish(job, 'failed', { status: outcome.status, code: outcome.code });
          this.hooks.notDelivered?.(job, outOfTime ? 'outOfTime' : 'attempts', outcome.status);
          await this.tellRefused(done);
          return;
        }
        const next = await this.writes.replace(
          job,
          { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, notBefore: new Date(retryAt).toISOString(), result: { status: outcome.status, code: outcome.code } },
          'outcome',
        );
        if (!next) this.logger.warn(log, 'outbox job changed while this sender held it');
        return;
      }
      case 'undeliverable':
        this.logger.info({ ...log, status: outcome.status, code: outcome.code }, 'outbox job undeliverable');
        await this.tellRefused(await this.finish(job, 'undeliverable', { status: outcome.status, code: outcome.code }));
        return;
      case 'failed': {
        this.logger.warn({ ...log, status: outcome.status, code: outcome.code }, 'outbox job failed');
        const done = await this.finish(job, 'failed', { status: outcome.status, code: outcome.code });
        this.hooks.notDelivered?.(job, 'failed', outcome.status);
        await this.tellRefused(done);
        return;
      }
      case 'unconfirmed':
        this.logger.warn({ ...log, code: outcome.code }, 'outbox job outcome unknown; not resent');
        await this.finish(job, 'unconfirmed', { code: outcome.code });
        this.hooks.notDelivered?.(job, 'unconfirmed', undefined);
        return;
    }
  }

  /**
   * The onRefused hook of a job given up as not delivered, whose outcome this sender just recorded
   * (`done`; undefined when another sender moved the job first: then it is that one's). Not for a
   * guarded job: what became of it must stay unknown (pendingHook). It runs as onSent does
   * (runHook): one that fails runs again later.
   */
  private async tellRefused(done: Versioned<OutboxJob> | undefined): Promise<void> {
    if (done && pendingHook(done) === 'onRefused') await this.runHook(done);
  }

  /**
   * A finished job whose hook is due again (it failed, or the sender that recorded the outcome
   * stopped before it ran; see hookPending): taken for the lease with a replace conditioned on its
   * ETag, as a claim is, so of two senders only one runs it; then the hook runs. The message is
   * never sent again. Returns whether this sender took it.
   */
  async retryHook(job: Versioned<OutboxJob>): Promise<boolean> {
    if (!hookPending(job)) return false;
    const taken = await this.store.replaceIfUnchanged(job, { ...job, notBefore: new Date(Date.now() + this.options.jobLeaseMs).toISOString() });
    if (!taken) return false;
    await this.runHook(taken);
    return true;
  }

  /**
   * Runs the pending hook of a finished job this sender holds (see hookPending): onSent of a sent
   * job, onRefused of one given up. What onSent records (a card's message id) is needed later and
   * cannot be found again, and whom onRefused tells has nowhere else to hear it, so a hook that
   * fails runs again after a back-off, until it succeeds or long after the message's own time
   * budget; the hooks are idempotent (a second run records, or queues under its key, the same).
   * Only then does the job get its TTL.
   */
  private async runHook(job: Versioned<OutboxJob>): Promise<void> {
    const hook = pendingHook(job);
    if (!hook) return;
    const log = { jobId: job.id, hook: job[hook]?.kind };
    try {
      if (hook === 'onSent') await this.hooks.sent(job, { activityId: job.result?.activityId, conversationId: job.result?.conversationId ?? '' });
      else await this.hooks.refused?.(job);
    } catch (err) {
      await this.hookFailed(job, hook, (err as Error).message).catch((e) => this.logger.error({ ...log, err: (e as Error).message }, `outbox ${hook} hook failed and could not be put off; it runs again after the lease`));
      return;
    }
    // Not recorded (a write that failed, or another sender took it after a long hook): the hook runs again, to the same effect.
    const ended = await this.recordEnd(job, this.ended({ ...job, checksFailed: undefined })).catch((err: Error) => {
      this.logger.warn({ ...log, err: err.message }, `outbox ${hook} hook ran; its end not recorded, so it runs again`);
      return undefined;
    });
    if (!ended) this.logger.debug(log, `outbox job changed while its ${hook} hook ran`);
  }

  /** The hook failed: due again after a back-off, or, a day past the message's own time budget, given up (logged as an error). */
  private async hookFailed(job: Versioned<OutboxJob>, hook: FinishedHook, why: string): Promise<void> {
    const failed = (job.checksFailed ?? 0) + 1;
    const dueAt = Date.now() + Math.min(this.options.backoffCapMs, this.options.backoffBaseMs * 2 ** (failed - 1));
    const log = { jobId: job.id, hook: job[hook]?.kind, failed, err: why };
    if (dueAt > this.giveUpAt(job) + this.options.giveUpAfterMs) {
      this.logger.error(log, `outbox ${hook} hook failed; given up`);
      await this.recordEnd(job, this.ended({ ...job, checksFailed: failed }));
      return;
    }
    this.logger.warn(log, `outbox ${hook} hook failed; it runs again later`);
    await this.store.replaceIfUnchanged(job, { ...job, checksFailed: failed, notBefore: new Date(dueAt).toISOString() });
  }

  /**
   * Teams throttles per conversation: after a 429 nothing goes to that conversation until its
   * Retry-After. A 5xx, 408 or 412 is about that one call: pausing the whole conversation for its
   * back-off (up to minutes) would hold a member's reply in the turn behind it. A person's 1:1
   * chat is paused under both its addresses (the person's lane and the chat's rate key), each with
   * the same margin for the clocks' jitter.
   */
  private pauseIfThrottled(job: OutboxJob, outcome: Extract<Outcome, { kind: 'retry' }>, rateKey: string): void {
    if (outcome.status !== 429) return;
    for (const key of new Set([job.conversationKey, rateKey])) this.limiter.pauseConversation(key, outcome.afterMs + THROTTLE_MARGIN_MS);
  }

  /**
   * Jobs left `sending` by a sender that stopped: in doubt, so never resent (see OutboxSender);
   * except one that stopped before its re-check answered (`rechecking`): no call went out, so it is
   * pending again, and sent by the next sender.
   */
  async recoverAbandoned(): Promise<number> {
    const stale = await this.store.abandoned(new Date());
    let n = 0;
    for (const job of stale) {
      if (job.rechecking) {
        if (await this.store.replaceIfUnchanged(job, { ...job, status: 'pending', owner: undefined, lockedUntil: undefined, rechecking: undefined, attempts: Math.max(0, job.attempts - 1) })) n++;
        continue;
      }
      if (leavesNoTrace(job)) {
        if (await this.store.deleteIfUnchanged(job)) n++;
        continue;
      }
      // In doubt, never given up: its onRefused hook never runs, so whom it would tell is not kept (`ended`).
      const done = await this.recordEnd(job, this.ended({
        ...job,
        status: 'unconfirmed',
        owner: undefined,
        lockedUntil: undefined,
        result: { ...(job.result ?? {}), code: 'senderStopped' },
      }));
      if (done) {
        n++;
        this.hooks.notDelivered?.(job, 'senderStopped', undefined);
      }
    }
    if (n) this.logger.warn({ jobs: n }, 'outbox jobs abandoned by a stopped sender marked unconfirmed (not resent)');
    return n;
  }
}
