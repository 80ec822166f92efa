import type { Logger } from '../log/logger';
import { ConversationLanes } from './conversation-lanes';
import { Versioned } from '../store/outbox.store';
import { OutboxJob } from './outbox-job';

/** After a read that found nothing new, the next read-ahead waits this long: no busy polling. */
const QUIET_MS = 250;

/**
 * Due jobs read ahead, oldest first; a job is claimed only when a worker takes it. One read at a
 * time; jobs already buffered or in flight are not read twice.
 */
export class JobBuffer {
  private jobs: Versioned<OutboxJob>[] = [];
  private readonly inFlight = new Set<string>();
  private refilling?: Promise<void>;
  /** Set when a read is asked for while one runs: that one may have started before the job now due was written. */
  private readAfterThis = false;
  private quietUntil = 0;

  constructor(
    /** The next due jobs this sender may send, in send order. */
    private readonly readDue: () => Promise<Versioned<OutboxJob>[]>,
    private readonly lanes: ConversationLanes,
    /** Read ahead when fewer jobs than this are buffered. */
    private readonly lowWater: number,
    private readonly logger: Logger,
  ) {}

  /** Forgets what was read: the next round reads afresh. */
  reset(): void {
    this.jobs = [];
    this.quietUntil = 0;
  }

  /** The read in progress, if any. */
  get reading(): Promise<void> | undefined {
    return this.refilling;
  }

  refill(): Promise<void> {
    this.refilling ??= (async () => {
      do {
        this.readAfterThis = false;
        const before = this.jobs.length;
        const known = () => new Set([...this.jobs.map((j) => j.id), ...this.inFlight]);
        const due = await this.readDue();
        const skip = known();
        for (const job of due) if (!skip.has(job.id)) this.jobs.push(job);
        if (this.jobs.length === before) this.quietUntil = Date.now() + QUIET_MS;
      } while (this.readAfterThis);
    })().finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  /**
   * A job was just queued: reads again now, past the quiet wait, and after the read in progress
   * when there is one (`reading` then covers both), so a worker waiting on it sees the new job.
   */
  readAgain(): Promise<void> {
    this.quietUntil = 0;
    if (this.refilling) {
      this.readAfterThis = true;
      return this.refilling;
    }
    return this.refill();
  }

  /** The oldest buffered job whose lane is free, marked in flight. Reads ahead when the buffer runs low. */
  take(): Versioned<OutboxJob> | undefined {
    if (this.jobs.length < this.lowWater && Date.now() >= this.quietUntil) {
      void this.refill().catch((err) => this.logger.error({ err: (err as Error).message }, 'outbox read failed'));
    }
    const i = this.lanes.pick(this.jobs);
    if (i < 0) return undefined;
    const [job] = this.jobs.splice(i, 1);
    this.inFlight.add(job!.id);
    return job;
  }

  /**
   * A job taken but handed back unsent: it goes back in its place, ahead of its conversation's
   * later jobs. A copy read meanwhile (a turn's `sendNow` hands back a job the round had read) is
   * replaced, not kept beside it: taken too, it would be rendered again only to lose its claim.
   */
  putBack(job: Versioned<OutboxJob>): void {
    this.jobs = this.jobs.filter((j) => j.id !== job.id);
    const at = this.jobs.findIndex((j) => j.order > job.order);
    this.jobs.splice(at < 0 ? this.jobs.length : at, 0, job);
  }

  /** The worker is done with the job (whatever became of it). */
  done(job: OutboxJob): void {
    this.inFlight.delete(job.id);
  }
}
