import { ScheduledJob } from '../domain/scheduling/job';

/** A scheduled job as stored, with what the scheduler needs to run it once across instances. */
export interface JobDocument extends ScheduledJob {
  /** Set on a job in a group's partition, whose container holds documents of several types. */
  type?: 'job';
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
  lockedUntil?: string;
  owner?: string;
  /** Finished jobs expire on their own (Cosmos TTL, seconds) where the container allows it. */
  ttl?: number;
}

/**
 * A job as first stored: pending. A job about a group (`groupId`) is typed, as everything in a
 * group's partition is; other jobs have a container of their own.
 */
export function pendingJob(job: ScheduledJob): JobDocument {
  return { ...job, ...(job.groupId ? { type: 'job' as const } : {}), status: 'pending', attempts: 0 };
}
