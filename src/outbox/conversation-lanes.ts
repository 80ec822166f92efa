import { Versioned } from '../store/outbox.store';
import { OutboxJob } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';

/**
 * One lane per conversation: one message at a time, in order. A conversation held back by a 429
 * waits as a whole, and when its oldest job was sent back for a retry, its later jobs wait for
 * that one, even when they were read first (bounded in time, in case another sender ends it).
 */
export class ConversationLanes {
  private readonly busy = new Set<string>();
  private readonly waitingFor = new Map<string, { jobId: string; until: number; activityId?: string }>();

  constructor(private readonly limiter: TeamsRateLimiter) {}

  get busyCount(): number {
    return this.busy.size;
  }

  isBusy(conversationKey: string): boolean {
    return this.busy.has(conversationKey);
  }

  enter(conversationKey: string): void {
    this.busy.add(conversationKey);
  }

  leave(conversationKey: string): void {
    this.busy.delete(conversationKey);
  }

  /** The conversation's later jobs wait until this job was sent again (or `ms` ran out). */
  holdForRetry(job: Pick<OutboxJob, 'id' | 'conversationKey' | 'target'>, ms: number): void {
    this.waitingFor.set(job.conversationKey, { jobId: job.id, until: Date.now() + ms, ...(job.target.kind === 'update' ? { activityId: job.target.activityId } : {}) });
  }

  /**
   * Whether this job updates the same message as an older job held for its retry: sent first, it
   * would be overwritten by the older one. (Other jobs of the conversation sent in the turn do not
   * wait for a retry: a member's press must not hang on it.)
   */
  behindRetryOfSameMessage(job: Pick<OutboxJob, 'id' | 'conversationKey' | 'target'>): boolean {
    const retry = this.waitingFor.get(job.conversationKey);
    return retry !== undefined && retry.jobId !== job.id && retry.until > Date.now() && job.target.kind === 'update' && retry.activityId === job.target.activityId;
  }

  /**
   * The job is finished (sent, failed or skipped), whichever path sent it: a turn that needed its
   * id sends it outside the buffer, and the conversation's later jobs must not wait out the hold.
   */
  finished(conversationKey: string, jobId: string): void {
    if (this.waitingFor.get(conversationKey)?.jobId === jobId) this.waitingFor.delete(conversationKey);
  }

  /** The index of the oldest job whose lane is free, or -1. `jobs` are in send order. */
  pick(jobs: readonly Versioned<OutboxJob>[]): number {
    const blocked = new Set<string>();
    const now = Date.now();
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      const key = job.conversationKey;
      const retry = this.waitingFor.get(key);
      // A later job waiting for the retried one must not block the retried one itself.
      if (retry !== undefined && retry.jobId !== job.id && retry.until > now) continue;
      // An older job of the same conversation waits (busy or paused): so does this one.
      if (blocked.has(key) || this.busy.has(key) || this.limiter.pausedFor(key) > 0) {
        blocked.add(key);
        continue;
      }
      if (retry?.jobId === job.id || (retry && retry.until <= now)) this.waitingFor.delete(key);
      return i;
    }
    return -1;
  }
}
