import { Versioned } from '../store/outbox.store';
import { OutboxJob } from './outbox-job';
import { TeamsRateLimiter } from './rate-limiter';

/**
 * A job sent back for a retry: until when it is held, the message it updates, if any, and whether
 * the conversation's other jobs wait for it too (`holdsOthers`), or only later updates of its message.
 */
interface HeldRetry {
  until: number;
  activityId?: string;
  holdsOthers: boolean;
}

/**
 * One lane per conversation: one message at a time, in order. A conversation held back by a 429
 * waits as a whole, and when jobs of it were sent back for a retry, its later jobs wait for those,
 * even when they were read first (bounded in time, in case another sender ends them). A message
 * Teams keeps refusing (5xx, for up to 24 hours) holds the chat's other messages for its first
 * retry only, and from then on only later updates of the same message, which it would land over
 * (found in review, stop 67: one failing card held its whole chat all day). Each held job keeps
 * its own hold: a second message of the chat refused meanwhile must not end the first one's, or a
 * newer update of the first message would overtake its older update's retry.
 */
export class ConversationLanes {
  /** Per busy conversation, the job that holds it. */
  private readonly busy = new Map<string, string>();
  /** Per conversation, its jobs held for a retry, by job id. */
  private readonly waitingFor = new Map<string, Map<string, HeldRetry>>();

  constructor(private readonly limiter: TeamsRateLimiter) {}

  get busyCount(): number {
    return this.busy.size;
  }

  isBusy(conversationKey: string): boolean {
    return this.busy.has(conversationKey);
  }

  /** Whether the conversation is busy with another job than this one (a job sent by a turn waits in the queue then). */
  heldByOther(job: Pick<OutboxJob, 'id' | 'conversationKey'>): boolean {
    const holder = this.busy.get(job.conversationKey);
    return holder !== undefined && holder !== job.id;
  }

  /** Takes the conversation's lane for this job; false, and nothing changed, when another job holds it. */
  tryEnter(job: Pick<OutboxJob, 'id' | 'conversationKey'>): boolean {
    if (this.busy.has(job.conversationKey)) return false;
    this.busy.set(job.conversationKey, job.id);
    return true;
  }

  enter(job: Pick<OutboxJob, 'id' | 'conversationKey'>): void {
    this.busy.set(job.conversationKey, job.id);
  }

  leave(conversationKey: string): void {
    this.busy.delete(conversationKey);
  }

  /**
   * Later updates of this job's message wait until it was sent again (or `ms` ran out); with
   * `holdsOthers`, so do the conversation's other later jobs.
   */
  holdForRetry(job: Pick<OutboxJob, 'id' | 'conversationKey' | 'target'>, ms: number, holdsOthers: boolean): void {
    let held = this.waitingFor.get(job.conversationKey);
    if (!held) this.waitingFor.set(job.conversationKey, (held = new Map()));
    held.set(job.id, { until: Date.now() + ms, holdsOthers, ...(job.target.kind === 'update' ? { activityId: job.target.activityId } : {}) });
  }

  /** The conversation's jobs still held for a retry (holds that ran out are dropped). */
  private heldIn(conversationKey: string, now: number): ReadonlyMap<string, HeldRetry> | undefined {
    const held = this.waitingFor.get(conversationKey);
    if (!held) return undefined;
    for (const [jobId, hold] of held) if (hold.until <= now) held.delete(jobId);
    if (!held.size) this.waitingFor.delete(conversationKey);
    return held.size ? held : undefined;
  }

  private release(conversationKey: string, jobId: string): void {
    const held = this.waitingFor.get(conversationKey);
    if (held?.delete(jobId) && !held.size) this.waitingFor.delete(conversationKey);
  }

  /**
   * Whether this job updates the same message as an older job held for its retry: sent first, it
   * would be overwritten by the older one. (Other jobs of the conversation sent in the turn do not
   * wait for a retry: a member's press must not hang on it.)
   */
  behindRetryOfSameMessage(job: Pick<OutboxJob, 'id' | 'conversationKey' | 'target'>): boolean {
    return this.behindRetry(job, this.heldIn(job.conversationKey, Date.now()), (hold) => hold.activityId !== undefined && job.target.kind === 'update' && hold.activityId === job.target.activityId);
  }

  /** Whether another job of the conversation, held for its retry, holds this one (`holds`). */
  private behindRetry(job: Pick<OutboxJob, 'id'>, held: ReadonlyMap<string, HeldRetry> | undefined, holds: (hold: HeldRetry) => boolean): boolean {
    return [...(held ?? [])].some(([jobId, hold]) => jobId !== job.id && holds(hold));
  }

  /**
   * The job is finished (sent, failed or skipped), whichever path sent it: a turn that needed its
   * id sends it outside the buffer, and the conversation's later jobs must not wait out the hold.
   */
  finished(conversationKey: string, jobId: string): void {
    this.release(conversationKey, jobId);
  }

  /**
   * The index of the oldest job whose lane is free, or -1. `jobs` are in send order. A tenant whose
   * rate window is full (a fan-out) is passed over while another tenant's job may go now: a worker
   * would only wait for its slot, and the other tenant's message behind it.
   */
  pick(jobs: readonly Versioned<OutboxJob>[]): number {
    const notWaiting = this.oldestFree(jobs, (job) => !this.limiter.tenantFull(job.tenantId));
    return notWaiting >= 0 ? notWaiting : this.oldestFree(jobs, () => true);
  }

  private oldestFree(jobs: readonly Versioned<OutboxJob>[], eligible: (job: OutboxJob) => boolean): number {
    const blocked = new Set<string>();
    const now = Date.now();
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      if (!eligible(job)) continue;
      const key = job.conversationKey;
      const held = this.heldIn(key, now);
      // A later job waiting for the retried ones must not block a retried one itself.
      if (this.behindRetry(job, held, (hold) => hold.holdsOthers || (job.target.kind === 'update' && hold.activityId === job.target.activityId))) continue;
      // An older job of the same conversation waits (busy or paused): so does this one.
      if (blocked.has(key) || this.busy.has(key) || this.limiter.pausedFor(key) > 0) {
        blocked.add(key);
        continue;
      }
      this.release(key, job.id);
      return i;
    }
    return -1;
  }
}
