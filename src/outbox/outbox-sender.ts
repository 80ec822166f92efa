import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import { DEFAULT_KEEP_SECONDS, OutboxJob } from './outbox-job';
import { OutboxStore, Versioned } from './outbox.store';
import { TeamsRateLimiter } from './rate-limiter';
import { OutboxTransport, TransportError, TransportResponse } from './transport';

export interface SenderOptions {
  /** Messages in flight at once (one per conversation at a time). */
  concurrency: number;
  /** How long a sender holds a tenant (renewed while it works). */
  tenantLeaseMs?: number;
  /** How long a claimed job stays with its sender before it counts as abandoned. */
  jobLeaseMs?: number;
  maxAttempts?: number;
  batchSize?: number;
  /** Idle polling interval when nothing is due and nobody kicks. */
  idleMs?: number;
  /** First retry delay after a 5xx; doubles per attempt, with jitter. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
}

export interface SenderHooks {
  /** False skips the job (checked before a job is claimed). */
  guard(job: OutboxJob): Promise<boolean>;
  /** After delivery; errors are logged, the job stays sent. */
  sent(job: OutboxJob, result: { activityId?: string; conversationId: string }): Promise<void>;
}

type Outcome =
  | { kind: 'sent'; activityId?: string; conversationId: string }
  | { kind: 'retry'; afterMs: number; status?: number; code?: string }
  | { kind: 'undeliverable'; status: number; code?: string }
  | { kind: 'failed'; status?: number; code?: string }
  | { kind: 'unconfirmed'; code?: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));


/** Teams' one-second window plus our margin: how long a new lease holder waits before sending. */
const TAKEOVER_PAUSE_MS = 1200;
/**
 * Sends the outbox's jobs. Why no job is ever sent twice:
 *
 * - A job is sent only by the sender that moved it from `pending` to `sending` with a replace
 *   conditioned on its ETag (a claim). Two senders cannot both win that replace.
 * - A `sending` job is never sent again. If its sender stops before recording the outcome (a
 *   crash between the Bot Connector's answer and our write), the job is *in doubt*: Teams has no
 *   idempotency key and no way to read back what a bot sent, so resending could deliver twice.
 *   Such jobs become `unconfirmed` and are counted, not resent (at most once). The window is the
 *   HTTP call itself: the claim is made after the rate limiter let the job through, right before
 *   the call. A graceful stop (SIGTERM, redeploy) finishes its calls first and leaves none.
 * - Only answers that prove the message was not delivered (429, 5xx, 412, a refused connection)
 *   put a job back to `pending`; 403 (MessageWritesBlocked, ConversationBlockedByUser) is final.
 *
 * Rate limits hold per tenant across instances because one sender at a time holds a tenant's
 * lease; within a sender, a sliding window per tenant and per conversation spaces the calls.
 */
export class OutboxSender {
  readonly owner: string;
  private readonly leases = new Map<string, number>();
  private readonly busy = new Set<string>();
  private running = false;
  private halted = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly o: Required<SenderOptions>;

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: OutboxTransport,
    private readonly limiter: TeamsRateLimiter,
    private readonly logger: Logger,
    private readonly hooks: SenderHooks,
    options: SenderOptions & { owner?: string },
  ) {
    this.owner = options.owner ?? randomUUID();
    this.o = {
      tenantLeaseMs: 30_000,
      jobLeaseMs: 120_000,
      maxAttempts: 10,
      batchSize: 200,
      idleMs: 2_000,
      backoffBaseMs: 1_000,
      backoffCapMs: 60_000,
      ...options,
    };
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.halted = false;
    this.loop = this.run();
  }

  /** Asks the loop to look for work now (after an enqueue). */
  kick(): void {
    this.wake?.();
  }

  /** Graceful: takes nothing new, lets the calls in flight finish and record, hands the tenants back. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    while (this.busy.size) await sleep(10);
    await Promise.all([...this.leases.keys()].map((t) => this.store.releaseLease(t, this.owner).catch(() => undefined)));
    this.leases.clear();
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

  // ---- one round ------------------------------------------------------------------------------

  /** Due jobs read ahead, oldest first; each is claimed only when a worker takes it. */
  private buffer: Versioned<OutboxJob>[] = [];
  private refilling?: Promise<void>;
  private lastRecovery = 0;
  /** After a read that found nothing new, the next read-ahead waits a little: no busy polling. */
  private quietUntil = 0;

  /** Reads the next due jobs into the buffer (one read at a time), skipping what is there or in flight. */
  private refill(): Promise<void> {
    this.refilling ??= (async () => {
      const before = this.buffer.length;
      if (Date.now() - this.lastRecovery > 10_000) {
        this.lastRecovery = Date.now();
        await this.recoverAbandoned();
      }
      const due = await this.store.due(new Date(), this.o.batchSize);
      const known = new Set([...this.buffer.map((j) => j.id), ...this.inFlight]);
      due.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      for (const job of due) {
        if (known.has(job.id) || !(await this.holdsTenant(job.tenantId))) continue;
        this.buffer.push(job);
      }
      if (this.buffer.length === before) this.quietUntil = Date.now() + 250;
    })().finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  /**
   * The oldest buffered job whose conversation is free (one message per conversation at a time,
   * in order) and not held back by a 429. Reads ahead when the buffer runs low.
   */
  private take(): Versioned<OutboxJob> | undefined {
    if (this.buffer.length < this.o.concurrency * 2 && Date.now() >= this.quietUntil) {
      void this.refill().catch((err) => this.logger.error({ err: (err as Error).message }, 'outbox read failed'));
    }
    const blocked = new Set<string>();
    for (let i = 0; i < this.buffer.length; i++) {
      const job = this.buffer[i]!;
      const key = job.conversationKey;
      // An older job of the same conversation waits (busy, paused or up for a retry): so does this one.
      const retry = this.waitingFor.get(key);
      const waiting = retry !== undefined && retry.jobId !== job.id && retry.until > Date.now();
      // A later job waiting for the retried one must not block the retried one itself.
      if (waiting) continue;
      if (blocked.has(key) || this.busy.has(key) || this.limiter.pausedFor(key) > 0) {
        blocked.add(key);
        continue;
      }
      this.buffer.splice(i, 1);
      if (retry?.jobId === job.id || (retry && retry.until <= Date.now())) this.waitingFor.delete(key);
      return job;
    }
    return undefined;
  }

  private readonly inFlight = new Set<string>();
  /**
   * A conversation whose oldest job was sent back for a retry: its later jobs wait for that one,
   * even when they were read into the buffer first. Bounded in time, in case another sender ends it.
   */
  private readonly waitingFor = new Map<string, { jobId: string; until: number }>();

  /**
   * Sends what is due: workers take jobs from a read-ahead buffer, one per conversation at a time,
   * up to the concurrency, until nothing due is left that they may send. Returns how many jobs
   * this sender handled.
   */
  async round(): Promise<number> {
    if (this.halted) return 0;
    this.buffer = [];
    this.quietUntil = 0;
    await this.refill();
    let handled = 0;
    const worker = async () => {
      while (!this.halted && (this.running || this.draining)) {
        let job = this.take();
        if (!job) {
          await this.refilling;
          job = this.take();
          if (!job) return;
        }
        this.busy.add(job.conversationKey);
        this.inFlight.add(job.id);
        try {
          if (await this.process(job)) handled++;
        } finally {
          this.busy.delete(job.conversationKey);
          this.inFlight.delete(job.id);
        }
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency }, worker));
    this.buffer = [];
    return handled;
  }

  /** Set while `drain` runs rounds by hand (tests, the benchmark), so lanes keep going. */
  private draining = false;

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
        if (!open.pending && !open.sending && !this.busy.size) return;
        if (this.running || !handled) {
          const wait = open.earliest ? new Date(open.earliest).getTime() - Date.now() : 20;
          await sleep(Math.min(Math.max(wait, 5), 200));
          if (open.sending && !this.busy.size && !this.running) await this.recoverAbandoned();
        }
      }
    } finally {
      this.draining = false;
    }
  }

  // ---- tenants ----------------------------------------------------------------------------------

  private readonly renewing = new Map<string, Promise<boolean>>();
  /**
   * A tenant taken over from another sender: its last second of requests is not in our windows,
   * so we wait one window (plus margin) before our first request for it.
   */
  private readonly warmUntil = new Map<string, number>();

  private async holdsTenant(tenantId: string): Promise<boolean> {
    const until = this.leases.get(tenantId) ?? 0;
    // Renew when a third of the lease is used up; keep a margin so we stop before it runs out.
    if (until - Date.now() > (this.o.tenantLeaseMs * 2) / 3) return true;
    // One renewal at a time per tenant: concurrent renewals by the same sender would conflict.
    let pending = this.renewing.get(tenantId);
    if (!pending) {
      pending = this.store
        .acquireLease(tenantId, this.owner, new Date(), this.o.tenantLeaseMs)
        .then((granted) => {
          if (granted && until <= Date.now()) this.warmUntil.set(tenantId, Date.now() + TAKEOVER_PAUSE_MS);
          if (granted) this.leases.set(tenantId, granted.getTime());
          else this.leases.delete(tenantId);
          return Boolean(granted);
        })
        .finally(() => this.renewing.delete(tenantId));
      this.renewing.set(tenantId, pending);
    }
    return pending;
  }

  // ---- one job ----------------------------------------------------------------------------------

  /** Returns whether the job was handled by this sender (sent, finished or rescheduled). */
  private async process(job: Versioned<OutboxJob>): Promise<boolean> {
    if (!(await this.holdsTenant(job.tenantId))) return false;
    let allowed = true;
    if (job.guard) {
      try {
        allowed = await this.hooks.guard(job);
      } catch (err) {
        // When the check itself fails, wait: sending anyway could nudge someone who already answered.
        this.logger.warn({ jobId: job.id, err: (err as Error).message }, 'outbox guard failed; job stays pending');
        return false;
      }
    }
    if (!allowed) {
      const claimed = await this.claim(job);
      if (claimed) await this.finish(claimed, 'skipped', {});
      return Boolean(claimed);
    }
    // Open the 1:1 chat first: creating it again is harmless (Teams returns the same chat).
    let conversationId: string;
    if (job.target.kind === 'person') {
      const opened = await this.personalConversation(job);
      if (!opened.ok) {
        const claimed = await this.claim(job);
        if (claimed) await this.apply(claimed, opened.outcome);
        return Boolean(claimed);
      }
      conversationId = opened.conversationId;
    } else {
      conversationId = job.target.conversationId;
    }
    const warm = (this.warmUntil.get(job.tenantId) ?? 0) - Date.now();
    if (warm > 0) await new Promise((resolve) => setTimeout(resolve, warm));
    await this.limiter.acquire(job.tenantId, job.conversationKey);
    if (this.halted) return false;
    // The lease may have run low while waiting for the limiter; never send on a lapsing lease.
    if ((this.leases.get(job.tenantId) ?? 0) - Date.now() < 1000 && !(await this.holdsTenant(job.tenantId))) return false;
    const claimed = await this.claim(job);
    if (!claimed) return false;
    const outcome = await this.call(claimed, conversationId);
    // A halted sender has "crashed": what came back is lost with it.
    if (this.halted) return false;
    await this.apply(claimed, outcome);
    return true;
  }

  private async claim(job: Versioned<OutboxJob>): Promise<Versioned<OutboxJob> | undefined> {
    const now = Date.now();
    return this.store.replaceIfUnchanged(job, {
      ...job,
      status: 'sending',
      owner: this.owner,
      attempts: job.attempts + 1,
      lockedUntil: new Date(now + this.o.jobLeaseMs).toISOString(),
    });
  }

  private async personalConversation(job: OutboxJob): Promise<{ ok: true; conversationId: string } | { ok: false; outcome: Outcome }> {
    if (job.target.kind !== 'person') throw new Error('not a person');
    const userId = job.target.userId;
    const known = await this.store.personalConversation(job.tenantId, userId);
    if (known) return { ok: true, conversationId: known };
    await this.limiter.acquire(job.tenantId);
    await this.limiter.depart(job.tenantId);
    let res: TransportResponse<{ conversationId: string }>;
    try {
      res = await this.transport.createPersonalConversation({ ...job.route, tenantId: job.tenantId }, job.tenantId, userId);
    } catch (err) {
      // Creating a chat twice is harmless, so an unknown outcome is simply retried.
      return { ok: false, outcome: { kind: 'retry', afterMs: this.backoff(job.attempts + 1), code: (err as Error).name } };
    }
    if (!res.ok) return { ok: false, outcome: this.classify(job, res) };
    await this.store.rememberPersonalConversation(job.tenantId, userId, res.conversationId);
    return { ok: true, conversationId: res.conversationId };
  }

  private async call(job: OutboxJob, conversationId: string): Promise<Outcome> {
    let res: TransportResponse<{ activityId?: string }>;
    await this.limiter.depart(job.tenantId, job.conversationKey);
    try {
      res =
        job.target.kind === 'update'
          ? await this.transport.updateActivity({ ...job.route, tenantId: job.tenantId }, conversationId, job.target.activityId, job.payload)
          : await this.transport.sendActivity({ ...job.route, tenantId: job.tenantId }, conversationId, job.payload);
    } catch (err) {
      const maybe = err instanceof TransportError ? err.maybeDelivered : true;
      return maybe ? { kind: 'unconfirmed', code: (err as Error).name } : { kind: 'retry', afterMs: this.backoff(job.attempts), code: (err as Error).name };
    }
    if (res.ok) return { kind: 'sent', activityId: res.activityId ?? (job.target.kind === 'update' ? job.target.activityId : undefined), conversationId };
    return this.classify(job, res);
  }

  private classify(job: OutboxJob, res: { status: number; retryAfterMs?: number; code?: string }): Outcome {
    const { status, code } = res;
    if (status === 403) return { kind: 'undeliverable', status, code };
    if (status === 429) {
      // Honour Retry-After; add a little jitter so paused conversations don't all resume at once.
      const base = res.retryAfterMs ?? this.backoff(job.attempts);
      return { kind: 'retry', afterMs: base + Math.floor(Math.random() * Math.min(1000, base * 0.2 + 50)), status, code };
    }
    if (status >= 500 || status === 412 || status === 408) return { kind: 'retry', afterMs: this.backoff(job.attempts), status, code };
    return { kind: 'failed', status, code };
  }

  /** Exponential back-off with full jitter over the upper half. */
  private backoff(attempts: number): number {
    const ceiling = Math.min(this.o.backoffCapMs, this.o.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.floor(ceiling / 2 + Math.random() * (ceiling / 2));
  }

  private async apply(job: Versioned<OutboxJob>, outcome: Outcome): Promise<void> {
    const log = { jobId: job.id, attempts: job.attempts };
    switch (outcome.kind) {
      case 'sent': {
        const done = await this.finish(job, 'sent', { activityId: outcome.activityId, conversationId: outcome.conversationId });
        if (done) {
          await this.hooks.sent(done, { activityId: outcome.activityId, conversationId: outcome.conversationId }).catch((err) =>
            this.logger.error({ ...log, err: (err as Error).message }, 'outbox onSent hook failed'),
          );
        }
        return;
      }
      case 'retry': {
        // Hold the whole conversation back until the retry is due, so its messages stay in order.
        this.limiter.pauseConversation(job.conversationKey, outcome.afterMs + 200);
        this.waitingFor.set(job.conversationKey, { jobId: job.id, until: Date.now() + outcome.afterMs + 30_000 });
        if (job.attempts >= this.o.maxAttempts) {
          this.logger.warn({ ...log, status: outcome.status, code: outcome.code }, 'outbox job failed after its last attempt');
          await this.finish(job, 'failed', { status: outcome.status, code: outcome.code });
          return;
        }
        const next = await this.store.replaceIfUnchanged(job, {
          ...job,
          status: 'pending',
          owner: undefined,
          lockedUntil: undefined,
          notBefore: new Date(Date.now() + outcome.afterMs).toISOString(),
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
        return;
      case 'unconfirmed':
        this.logger.warn({ ...log, code: outcome.code }, 'outbox job outcome unknown; not resent');
        await this.finish(job, 'unconfirmed', { code: outcome.code });
        return;
    }
  }

  private async finish(job: Versioned<OutboxJob>, status: OutboxJob['status'], result: OutboxJob['result']): Promise<Versioned<OutboxJob> | undefined> {
    const done = await this.store.replaceIfUnchanged(job, {
      ...job,
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
   * Sends one job now, in this process, if this sender may send for its tenant (for callers that
   * need the new message's id right away). Returns whether it was handled here.
   */
  async sendNow(jobId: string): Promise<boolean> {
    const job = await this.store.get(jobId);
    if (!job || job.status !== 'pending' || this.halted) return false;
    for (let i = 0; i < 500 && this.busy.has(job.conversationKey); i++) await sleep(10);
    const current = await this.store.get(jobId);
    if (!current || current.status !== 'pending') return false;
    this.busy.add(current.conversationKey);
    try {
      return await this.process(current);
    } finally {
      this.busy.delete(current.conversationKey);
    }
  }

  /** Jobs left `sending` by a sender that stopped: in doubt, so never resent (see the class comment). */
  async recoverAbandoned(): Promise<number> {
    const stale = await this.store.abandoned(new Date());
    let n = 0;
    for (const job of stale) {
      const done = await this.store.replaceIfUnchanged(job, {
        ...job,
        status: 'unconfirmed',
        owner: undefined,
        lockedUntil: undefined,
        result: { ...(job.result ?? {}), code: 'senderStopped' },
        ttl: job.keepSeconds ?? DEFAULT_KEEP_SECONDS,
      });
      if (done) n++;
    }
    if (n) this.logger.warn({ jobs: n }, 'outbox jobs abandoned by a stopped sender marked unconfirmed (not resent)');
    return n;
  }
}
