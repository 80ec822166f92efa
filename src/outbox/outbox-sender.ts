import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/logger';
import { ConversationLanes } from './conversation-lanes';
import { JobBuffer } from './job-buffer';
import { JobDelivery } from './job-delivery';
import { JobTransitions } from './job-transitions';
import { OutboxStore, Versioned } from '../store/outbox.store';
import { OutboxJob } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';
import { resolveSenderOptions, ResolvedSenderOptions, SenderHooks, SenderOptions } from './sender-options';
import { TakeoverPause } from './takeover-pause';
import { TenantLeases } from './tenant-leases';
import { OutboxTransport } from './transport';

export type { SenderHooks, SenderOptions } from './sender-options';

/** Reads of due jobs per refill at most: the first, and a few of the tenants it did not reach (readDueFairly). */
const MAX_READS_PER_REFILL = 4;

/**
 * Sends the outbox's jobs. Why no job is ever sent twice:
 *
 * - A job is sent only by the sender that moved it from `pending` to `sending` with a replace
 *   conditioned on its ETag (a claim, JobTransitions). Two senders cannot both win that replace.
 * - A `sending` job is never sent again. If its sender stops before recording the outcome (a
 *   crash between the Bot Connector's answer and our write), the job is *in doubt*: Teams has no
 *   idempotency key and no way to read back what a bot sent, so resending could deliver twice.
 *   Such jobs become `unconfirmed` and are counted, not resent (at most once). The window is the
 *   HTTP call itself: every wait (the takeover pause, the rate limiter's pacing) comes before the
 *   claim, and the call follows the claim without waiting; when the claim took so long that the
 *   departure no longer fits the rate window, the job is handed back unsent (JobDelivery). A
 *   graceful stop (SIGTERM, redeploy) finishes its calls first and leaves none.
 * - Only answers that prove the message was not delivered (429, 5xx, 412, a refused connection)
 *   put a job back to `pending`; 403 (MessageWritesBlocked, ConversationBlockedByUser) is final.
 *   Such a job is retried with back-off (Retry-After on 429) until its time budget from when it
 *   was queued runs out (`giveUpAfterMs`: 24 hours, or the message's own shorter one), so a
 *   Teams outage of hours delays a message rather than losing it (JobTransitions.apply).
 *
 * Rate limits hold per tenant across instances because one sender at a time holds a tenant's
 * lease (TenantLeases); within a sender, a sliding window per tenant and per conversation spaces
 * the calls (TeamsRateLimiter), and one lane per conversation keeps its order (ConversationLanes).
 */
export class OutboxSender {
  readonly owner: string;
  readonly takeover: TakeoverPause;
  private readonly o: ResolvedSenderOptions;
  private readonly leases: TenantLeases;
  /** Which conversations are busy or held back for a retry (read by tests). */
  readonly lanes: ConversationLanes;
  private readonly buffer: JobBuffer;
  private readonly transitions: JobTransitions;
  private readonly delivery: JobDelivery;
  private running = false;
  private halted = false;
  /** Set by `stop`: a job whose preparation (render, rate limiter, takeover pause) ends now is left pending, unclaimed. */
  private stopping = false;
  /** Set while `drain` runs rounds by hand (tests, the benchmark), so workers keep going. */
  private draining = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** While a round runs: reads again and puts idle workers back to work (see `kick`). */
  private roundKick?: () => void;
  private lastRecovery = 0;

  constructor(
    private readonly store: OutboxStore,
    transport: OutboxTransport,
    limiter: TeamsRateLimiter,
    private readonly logger: Logger,
    hooks: SenderHooks,
    options: SenderOptions & { owner?: string },
  ) {
    this.owner = options.owner ?? randomUUID();
    this.o = resolveSenderOptions(options);
    this.takeover = new TakeoverPause(this.owner);
    this.leases = new TenantLeases(store, this.owner, this.o.tenantLeaseMs, this.takeover);
    this.lanes = new ConversationLanes(limiter);
    this.transitions = new JobTransitions(store, this.owner, this.o, this.lanes, limiter, hooks, logger, () => this.halted);
    this.buffer = new JobBuffer(() => this.readDue(), this.lanes, this.o.concurrency * 2, logger);
    this.delivery = new JobDelivery({
      store,
      transport,
      limiter,
      leases: this.leases,
      takeover: this.takeover,
      transitions: this.transitions,
      hooks,
      logger,
      backoff: { baseMs: this.o.backoffBaseMs, capMs: this.o.backoffCapMs },
      requeue: (job) => this.buffer.putBack(job),
      halted: () => this.halted,
      stopping: () => this.stopping,
    });
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.halted = false;
    this.stopping = false;
    this.loop = this.run();
  }

  /**
   * Asks the loop to look for work now (after an enqueue). While a round runs, the round takes
   * the new job itself: one slow job (a render that waits on a model, a slow send) keeps its round
   * open, and the job must not wait for it to end.
   */
  kick(): void {
    this.wake?.();
    this.roundKick?.();
  }

  /**
   * Graceful: takes nothing new, lets the calls in flight finish and record, hands the tenants back.
   * A job still being prepared is not claimed: the process may be ended soon (src/index.ts gives
   * the shutdown 10 seconds), and a call it cuts off is in doubt; left pending, the next instance sends it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.running = false;
    this.kick();
    await this.loop;
    while (this.lanes.busyCount) await sleep(10);
    await this.leases.releaseAll();
  }

  /**
   * Stops at once, as a crash would: calls in flight are not recorded and the tenant leases are
   * not handed back. Used to show what a crash leaves behind.
   */
  halt(): void {
    this.halted = true;
    this.running = false;
    this.kick();
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Stopped or stopping (`stop`): no job is claimed any more, here or for a turn (`sendNow`). */
  get isStopping(): boolean {
    return this.stopping;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.round();
      } catch (err) {
        this.logger.error({ err: (err as Error).message }, 'outbox round failed');
      }
      if (!this.running) break;
      if (!handled) await this.idle(this.o.idleMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  // ---- rounds ---------------------------------------------------------------------------------

  /** The next due jobs of the tenants this sender holds, in send order; now and then recovers abandoned ones first. */
  private async readDue(): Promise<Versioned<OutboxJob>[]> {
    if (Date.now() - this.lastRecovery > this.o.recoveryIntervalMs) {
      this.lastRecovery = Date.now();
      await this.transitions.recoverAbandoned();
    }
    const due = await this.readDueFairly(new Date());
    due.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const mine: Versioned<OutboxJob>[] = [];
    for (const job of due) if (await this.leases.hold(job.tenantId)) mine.push(job);
    return mine;
  }

  /**
   * The due jobs, read so that one tenant's backlog (a poll's fan-out, queued first) hides no other
   * tenant's work: when a read comes back full, the next reads leave out the tenants it found, a
   * few reads at most (each a query across partitions: this is the background sender, not a turn).
   */
  private async readDueFairly(now: Date): Promise<Versioned<OutboxJob>[]> {
    const due = await this.store.due(now, this.o.batchSize);
    let last = due;
    for (let read = 1; read < MAX_READS_PER_REFILL && last.length >= this.o.batchSize; read++) {
      last = await this.store.due(now, this.o.batchSize, [...new Set(due.map((job) => job.tenantId))]);
      due.push(...last);
    }
    return due;
  }

  /**
   * Sends what is due: workers take jobs from a read-ahead buffer, one per conversation at a time,
   * up to the concurrency, until nothing due is left that they may send. Returns how many jobs
   * this sender handled.
   */
  async round(): Promise<number> {
    if (this.halted) return 0;
    this.buffer.reset();
    await this.buffer.refill();
    let handled = 0;
    // A worker that threw (the store could not be reached): the round takes nothing new, and ends,
    // failed, once its other workers are done, so the next round's never run beside them.
    let failure: { err: unknown } | undefined;
    const worker = async () => {
      while (!failure && !this.halted && (this.running || this.draining)) {
        let job = this.buffer.take();
        // Waits out every read in progress (a kick may have asked for one more) before it stops.
        while (!job && this.buffer.reading) {
          await this.buffer.reading;
          job = this.buffer.take();
        }
        if (!job) return;
        this.lanes.enter(job);
        try {
          if (await this.delivery.deliver(job)) handled++;
        } finally {
          this.lanes.leave(job.conversationKey);
          this.buffer.done(job);
        }
      }
    };
    // Workers stop when nothing they may send is left; a job queued meanwhile (kick) starts the
    // idle ones again, up to the concurrency, while a slow one still holds the round open.
    const workers = new Set<Promise<void>>();
    const startIdleWorkers = () => {
      while (workers.size < this.o.concurrency && !failure && !this.halted && (this.running || this.draining)) {
        const w: Promise<void> = worker()
          .catch((err: unknown) => void (failure ??= { err }))
          .finally(() => workers.delete(w));
        workers.add(w);
      }
    };
    this.roundKick = () => {
      void this.buffer.readAgain().catch((err) => this.logger.error({ err: (err as Error).message }, 'outbox read failed'));
      startIdleWorkers();
    };
    try {
      startIdleWorkers();
      while (workers.size) await Promise.all([...workers]);
    } finally {
      this.roundKick = undefined;
    }
    this.buffer.reset();
    if (failure) throw failure.err;
    return handled;
  }

  /**
   * Sends until nothing is pending or in flight (waiting out Retry-After and back-off), for tests
   * and the benchmark. Rejects after `timeoutMs`.
   */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    this.draining = true;
    try {
      for (;;) {
        if (Date.now() > deadline) throw new Error('outbox drain timed out');
        const handled = this.running ? 0 : await this.round();
        const open = await this.store.nextOpen();
        if (!open.pending && !open.sending && !this.lanes.busyCount) return;
        if (this.running || !handled) {
          const wait = open.earliest ? new Date(open.earliest).getTime() - Date.now() : 20;
          await sleep(Math.min(Math.max(wait, 5), 200));
          if (open.sending && !this.lanes.busyCount && !this.running) await this.recoverAbandoned();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Ends a job that waits to be sent without sending it (`skipped`), unless a sender changed it
   * since it was read (claimed it, or finished it): then it is that sender's. Returns whether it
   * was skipped here.
   */
  async skip(job: Versioned<OutboxJob>): Promise<boolean> {
    return job.status === 'pending' && (await this.transitions.finish(job, 'skipped', { code: 'expired' })) !== undefined;
  }

  /**
   * Sends one job now, in this process, if this sender may send for its tenant (for callers that
   * need the new message's id right away). Returns whether it was handled here. A conversation
   * busy with another job (a slow background send or render) is not waited for, nor entered: the
   * job stays queued behind it, in order, and the turn goes on (`laneHeldByOther`).
   */
  async sendNow(jobId: string): Promise<boolean> {
    const job = await this.store.get(jobId);
    // An older update of the same message waits for its retry: this one goes after it, through the
    // sender's loop, or the older card would land over this newer one.
    if (!job || job.status !== 'pending' || this.halted || this.stopping || this.waitsBehindRetry(job)) return false;
    // No await between this check and the claim of the lane: a round must not take it meanwhile.
    if (!this.lanes.tryEnter(job)) return false;
    try {
      return await this.delivery.deliver(job);
    } finally {
      this.lanes.leave(job.conversationKey);
    }
  }

  /** Whether the job's conversation is busy with another job: a turn's job then waits in the queue, not the turn. */
  laneHeldByOther(job: OutboxJob): boolean {
    return this.lanes.heldByOther(job);
  }

  /** Whether the job must go after an older update of the same message, held for its retry (see ConversationLanes). */
  waitsBehindRetry(job: OutboxJob): boolean {
    return this.lanes.behindRetryOfSameMessage(job);
  }

  /** Jobs left `sending` by a sender that stopped: in doubt, so never resent (see the class comment). */
  recoverAbandoned(): Promise<number> {
    return this.transitions.recoverAbandoned();
  }
}
