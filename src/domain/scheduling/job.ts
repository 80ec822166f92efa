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


/** Port: the jobs still to run of a kind whose payload holds these values (start-up work, not a user's turn). */
export interface PendingJobLookup {
  pendingWithPayload(kind: string, payload: Record<string, string>): Promise<Pick<ScheduledJob, 'id' | 'dueAt'>[]>;
}
