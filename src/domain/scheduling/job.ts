/** A unit of deferred work, stored durably so it survives restarts and runs once across instances. */
export interface ScheduledJob<P = Record<string, unknown>> {
  /** Deterministic id: scheduling the same job twice is a no-op. */
  id: string;
  kind: string;
  dueAt: string;
  payload: P;
  /**
   * The group the job is about, if any. Such a job lives in the group's partition, so it can be
   * written in one transaction with what it is about (a session and its time box).
   */
  groupId?: string;
}

/** Port: schedule work for later. */
export interface JobScheduler {
  schedule(job: ScheduledJob): Promise<void>;
  cancel(jobId: string): Promise<void>;
}

/**
 * Thrown by a job's handler that cannot do its work yet for a reason that is not the job's own
 * failure (a directory that does not answer): the job runs again at `at`, and this run does not
 * count toward the attempts after which a failing job is given up.
 */
export class RunAgainLater extends Error {
  override name = 'RunAgainLater';
  constructor(readonly at: Date, reason: string) {
    super(reason);
  }
}
