import { NotDeliveredReason } from '../domain/shared/business-events';
import { OutboxJob } from './outbox-job';

/** A payload built at send time; `sentArgs` are added to the job's onSent arguments (what was rendered). */
export interface Rendered {
  payload: Record<string, unknown>;
  sentArgs?: Record<string, string>;
  /**
   * Asked after the claim, right before the call: whether what was rendered before the sender's
   * waits (the rate limits, the claim) still holds. A "no" hands the job back unsent, and it is
   * rendered again (a summary built just before an erasure of a member it names ran to its end).
   */
  stillValid?: () => Promise<boolean>;
}

export interface SenderOptions {
  /** Messages in flight at once (one per conversation at a time). */
  concurrency: number;
  /** How long a sender holds a tenant (renewed while it works). */
  tenantLeaseMs?: number;
  /** How long a claimed job stays with its sender before it counts as abandoned. */
  jobLeaseMs?: number;
  /**
   * A safety limit on attempts, not the retry policy (that is `giveUpAfterMs`): at the back-off's
   * cap a job is tried at most every `backoffCapMs / 2`, so 24 hours cost it at most ~600 tries and
   * this limit never ends a job in an outage. It ends only a job retried far faster than the
   * back-off allows (a Retry-After of 0 answered again and again), which would otherwise cost a
   * call and two writes every few milliseconds for a whole day. Raise it with a longer budget.
   */
  maxAttempts?: number;
  /**
   * How long after it was queued (its `createdAt`) a job is still retried after a transient
   * failure (5xx, 408, 412, 429, a refused connection). A retry that would fall after this fails
   * the job instead. Teams incidents last hours, not minutes; a message that must not arrive that
   * late carries a shorter budget of its own (`OutboundMessage.giveUpAfterMs`).
   */
  giveUpAfterMs?: number;
  /**
   * How long after it was queued a guarded message (a private nudge) is still retried after a
   * transient failure. Short: while it waits, its job is a trace of someone its guard let through
   * (who has not answered), which nobody else's leaves. Past it, the job ends without a trace and
   * the next round of its kind tries again.
   */
  guardedRetryMs?: number;
  batchSize?: number;
  /** Idle polling interval when nothing is due and nobody kicks. */
  idleMs?: number;
  /** First retry delay after a 5xx; doubles per attempt, with jitter. */
  backoffBaseMs?: number;
  /**
   * The longest retry delay (jitter takes it down to half). Five minutes: a long outage then costs
   * each waiting job one call and two writes per 2.5-5 minutes (a poll's 1,000 queued cards: ~4
   * calls a second, not ~20 at a one-minute cap), while a message waits at most five minutes
   * longer than Teams' recovery. From a one-second start the cap is reached at the tenth attempt.
   */
  backoffCapMs?: number;
  /** How often a running sender looks for jobs left `sending` by a sender that stopped. */
  recoveryIntervalMs?: number;
}

export type ResolvedSenderOptions = Required<SenderOptions>;

export function resolveSenderOptions(options: SenderOptions): ResolvedSenderOptions {
  return {
    tenantLeaseMs: 30_000,
    jobLeaseMs: 120_000,
    maxAttempts: 1_000,
    giveUpAfterMs: 24 * 3600_000,
    guardedRetryMs: 10 * 60_000,
    batchSize: 200,
    idleMs: 2_000,
    backoffBaseMs: 1_000,
    backoffCapMs: 5 * 60_000,
    recoveryIntervalMs: 10_000,
    ...options,
  };
}

export interface SenderHooks {
  /** False skips the job (checked before a job is claimed). */
  guard(job: OutboxJob): Promise<boolean | 'later'>;
  /** Builds the payload of a job with `render`, just before it is sent; undefined skips the job. */
  render(job: OutboxJob): Promise<Rendered | undefined>;
  /** After delivery; one that throws runs again later until it succeeds (JobTransitions.runHook), so it must be idempotent. */
  sent(job: OutboxJob, result: { activityId?: string; conversationId: string }): Promise<void>;
  /** After the outbox stopped trying a job whose conversation was there (not for an undeliverable one). */
  notDelivered?(job: OutboxJob, reason: NotDeliveredReason, status: number | undefined): void;
  /**
   * After the outbox gave a job with `onRefused` up as not delivered, its outcome recorded (see
   * RenderedMessage.onRefused); one that throws runs again later, as `sent` does, so it must be idempotent.
   */
  refused?(job: OutboxJob): Promise<void>;
}
