import { OutboxJob } from './outbox-job';

/** A payload built at send time; `sentArgs` are added to the job's onSent arguments (what was rendered). */
export interface Rendered {
  payload: Record<string, unknown>;
  sentArgs?: Record<string, string>;
}

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
  /** How often a running sender looks for jobs left `sending` by a sender that stopped. */
  recoveryIntervalMs?: number;
}

export type ResolvedSenderOptions = Required<SenderOptions>;

export function resolveSenderOptions(options: SenderOptions): ResolvedSenderOptions {
  return {
    tenantLeaseMs: 30_000,
    jobLeaseMs: 120_000,
    maxAttempts: 10,
    batchSize: 200,
    idleMs: 2_000,
    backoffBaseMs: 1_000,
    backoffCapMs: 60_000,
    recoveryIntervalMs: 10_000,
    ...options,
  };
}

export interface SenderHooks {
  /** False skips the job (checked before a job is claimed). */
  guard(job: OutboxJob): Promise<boolean>;
  /** Builds the payload of a job with `render`, just before it is sent; undefined skips the job. */
  render(job: OutboxJob): Promise<Rendered | undefined>;
  /** After delivery; errors are logged, the job stays sent. */
  sent(job: OutboxJob, result: { activityId?: string; conversationId: string }): Promise<void>;
}
