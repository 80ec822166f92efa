import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { JobScheduler, PendingJobLookup, ScheduledJob } from '../domain/scheduling/job';
import { RunAgainLater } from './run-again-later';
import { UnreadablePayload } from './unreadable-payload';
import { Clock } from '../domain/shared/clock';
import type { Logger } from '../log/logger';
import { CosmosConnection } from '../store/cosmos-connection';
import { DocumentStore, statusOf } from '../store/document-store';
import { GROUP_PARTITION_CONTAINER } from '../store/group-partition';
import { JobDocument, pendingJob } from '../store/job-document';

/** `attempts` counts this run: a handler may wait for something another step writes by failing its first runs. */
export type JobHandler = (payload: Record<string, unknown>, job: ScheduledJob & { attempts: number }) => Promise<void>;

const LEASE_MS = 2 * 60_000;
/** How often a running job's lease is renewed: well within the lease, so a slow write does not let it lapse. */
const LEASE_RENEW_MS = LEASE_MS / 4;
/**
 * A failed job runs again 20 s later, then twice as long after each failure, up to an hour
 * apart: for about a day. An outage of Cosmos DB (one container throttled, 503s) or of Teams
 * that lasts an hour loses no prep card, no un-share's rebuild and no weekly handover.
 */
const MAX_ATTEMPTS = 30;
const MAX_RETRY_DELAY_MS = 60 * 60_000;
/**
 * A finished job (done, cancelled, or failed for good) expires a week later: the `jobs` container
 * has no default TTL (pending jobs may be due months ahead), so a job without its own would stay.
 */
const FINISHED_TTL_SECONDS = 7 * 24 * 3600;

/** Groups (or polls) whose due jobs run at the same time; the outbox keeps Teams' rate limits. */
const LANES_AT_ONCE = 8;

/** The jobs that must run one after another: a group's, or a poll's; any other job alone. */
function laneOf(job: JobDocument): string {
  const about = job.groupId ?? job.payload?.groupId ?? job.payload?.pollId;
  return typeof about === 'string' ? about : job.id;
}

const DUE = "((c.status = 'pending' AND c.dueAt <= @now) OR (c.status = 'running' AND c.lockedUntil < @now))";

/**
 * A durable scheduler in Cosmos DB. Jobs have deterministic ids, so scheduling twice is a no-op;
 * an instance claims a due job by replacing it with its ETag, so two instances never run the
 * same job, and a claim whose lease ran out (a crashed instance) is taken over.
 *
 * Jobs live in their own container, except jobs about one group (a session's time box): those
 * live in the group's partition, where a session start writes them in the same transaction as
 * the session (see `pendingJob`). Both are found by the same background query for due jobs.
 */
export class CosmosJobScheduler implements JobScheduler, PendingJobLookup {
  private readonly store: DocumentStore<JobDocument>;
  private readonly groupJobs: DocumentStore<JobDocument>;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  private readonly leaseRenewMs: number;

  constructor(conn: CosmosConnection, private readonly clock: Clock, private readonly logger: Logger, options: { leaseRenewMs?: number } = {}) {
    this.leaseRenewMs = options.leaseRenewMs ?? LEASE_RENEW_MS;
    this.store = new DocumentStore<JobDocument>(conn.container('jobs'), (j) => j.id);
    this.groupJobs = new DocumentStore<JobDocument>(conn.container(GROUP_PARTITION_CONTAINER), (j) => j.groupId!);
  }

  /** Where a job is stored: its store, and its partition key there. */
  private home(job: Pick<JobDocument, 'id' | 'groupId'>): { store: DocumentStore<JobDocument>; key: string } {
    return job.groupId ? { store: this.groupJobs, key: job.groupId } : { store: this.store, key: job.id };
  }

  on(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  async schedule(job: ScheduledJob): Promise<void> {
    const { store, key } = this.home(job);
    const { doc, created } = await store.create(pendingJob(job));
    // Ids come from what a job is for (a week's slot and its time): a job a plan change cancelled
    // and a later change plans again (a week moved away and back) is pending again, as planned now.
    if (!created && doc.status === 'cancelled') {
      await store.update(job.id, key, (j) => (j.status === 'cancelled' ? pendingJob(job) : j));
    }
  }

  async cancel(jobId: string): Promise<void> {
    try {
      await this.store.update(jobId, jobId, (j) => (j.status === 'pending' ? { ...j, status: 'cancelled', ttl: FINISHED_TTL_SECONDS } : j));
    } catch (err) {
      if (statusOf(err) !== 404 && (err as { code?: number }).code !== 404) throw err;
    }
  }

  /**
   * Deletes a job with its payload, whatever its state (erasure: a payload may name a person).
   * A run of it in progress then finds its document gone and logs the failed update.
   */
  async forget(jobId: string): Promise<void> {
    await this.store.delete(jobId, jobId);
  }

  /**
   * Removes every job of `kind` (not a group's) whose payload holds these values, whatever its id:
   * an erasure's sweep, one query across the jobs (ids that name a moment may have been computed
   * by rules since changed). Returns how many went.
   */
  async forgetWithPayload(kind: string, payload: Record<string, string>): Promise<number> {
    const found = await this.withPayload(kind, payload);
    for (const job of found) await this.store.delete(job.id, job.id);
    return found.length;
  }

  async pendingWithPayload(kind: string, payload: Record<string, string>): Promise<Pick<ScheduledJob, 'id' | 'dueAt'>[]> {
    return (await this.withPayload(kind, payload)).filter((j) => j.status === 'pending').map((j) => ({ id: j.id, dueAt: j.dueAt }));
  }

  /** Jobs of `kind` (not a group's) whose payload holds these values: one query across the jobs. */
  private withPayload(kind: string, payload: Record<string, string>): Promise<JobDocument[]> {
    const keys = Object.keys(payload);
    if (!keys.length || keys.some((k) => !/^[A-Za-z]+$/.test(k))) throw new Error('payload keys are plain names');
    return this.store.query({
      query: `SELECT * FROM c WHERE c.kind = @kind AND ${keys.map((k, i) => `c.payload.${k} = @v${i}`).join(' AND ')}`,
      parameters: [{ name: '@kind', value: kind }, ...keys.map((k, i) => ({ name: `@v${i}`, value: payload[k]! }))],
    });
  }

  /** Runs every due job once; returns how many ran. Safe to call from several instances at once. */
  async runDue(): Promise<number> {
    const now = this.clock.now();
    const parameters = [{ name: '@now', value: now.toISOString() }];
    const [own, ofGroups] = await Promise.all([
      this.store.query({ query: `SELECT * FROM c WHERE ${DUE}`, parameters }),
      this.groupJobs.query({ query: `SELECT * FROM c WHERE c.type = 'job' AND ${DUE}`, parameters }),
    ]);
    const due = [...own, ...ofGroups].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
    // One lane per group (or poll): its jobs one at a time, in the order they were due (a warning
    // before its close). Lanes run side by side, so a job waiting on a slow Teams call holds back
    // only its own group's next job. Each job is claimed when its turn comes, not before, so no
    // lease runs while it waits.
    const lanes = new Map<string, JobDocument[]>();
    for (const job of due) lanes.set(laneOf(job), [...(lanes.get(laneOf(job)) ?? []), job]);
    let ran = 0;
    const queue = [...lanes.values()];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const candidate of lane) {
          // The lease counts from the claim, not from the pass: a job after a slow one in its lane
          // would otherwise start with its lease run out, and another instance take it over.
          const claimed = await this.claim(candidate, this.clock.now());
          if (!claimed) continue;
          ran++;
          await this.execute(claimed);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LANES_AT_ONCE, queue.length) }, worker));
    return ran;
  }

  private async claim(job: JobDocument, now: Date): Promise<JobDocument | undefined> {
    let won = false;
    const { store, key } = this.home(job);
    try {
      const doc = await store.update(job.id, key, (j) => {
        won = false;
        const stale = j.status === 'running' && (j.lockedUntil ?? '') < now.toISOString();
        if (!(j.status === 'pending' || stale)) return j;
        won = true;
        return { ...j, status: 'running', owner: this.owner, attempts: j.attempts + 1, lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString() };
      });
      return won && doc.owner === this.owner ? doc : undefined;
    } catch (err) {
      // Lost to another instance, or the job is gone (its group was erased meanwhile).
      if (statusOf(err) === 412 || statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /**
   * Keeps the lease of a job this instance runs: a job that runs longer than the lease (a weekly
   * handover waiting on Teams' rate limits) would otherwise be taken over and run a second time.
   * Returns the stop. A renewal that fails is tried again at the next beat.
   */
  private keepLease(job: JobDocument): () => void {
    const { store, key } = this.home(job);
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      store
        .update(job.id, key, (j) => (j.status === 'running' && j.owner === this.owner ? { ...j, lockedUntil: new Date(this.clock.now().getTime() + LEASE_MS).toISOString() } : j))
        .catch((err) => this.logger.warn({ jobId: job.id, kind: job.kind, err: (err as Error).message }, 'scheduled job lease not renewed'))
        .finally(() => (renewing = false));
    }, this.leaseRenewMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * A run's last word on its job, only while the job is still this run's claim (running, this
   * instance's, the claim's attempt). A run whose lease lapsed (renewals that did not get through:
   * a throttled store, a process frozen in a slot swap) may find the job taken over and finished by
   * another instance: its failure would put it back to run a third time (found in review, stop 61).
   * A failure (or "later") is then the other run's to write.
   */
  private ifStillOurs(claimed: JobDocument, finish: (j: JobDocument) => JobDocument): (j: JobDocument) => JobDocument {
    return (j) => (j.status === 'running' && j.owner === this.owner && j.attempts === claimed.attempts ? finish(j) : j);
  }

  /**
   * Writes a run's outcome. A job forgotten during its run (an erasure deleted it with its payload)
   * has nothing left to record: not a failure of the pass (found in review, stop 61: the 404 failed
   * the whole pass, whose other lanes ran on while a new pass could start).
   */
  private async writeOutcome(job: JobDocument, outcome: (j: JobDocument) => JobDocument): Promise<void> {
    const { store, key } = this.home(job);
    try {
      await store.update(job.id, key, outcome);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      this.logger.debug({ jobId: job.id, kind: job.kind }, 'scheduled job gone during its run');
    }
  }

  private async execute(job: JobDocument): Promise<void> {
    const handler = this.handlers.get(job.kind);
    let done = false;
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      const stopRenewing = this.keepLease(job);
      try {
        await handler(job.payload, job);
      } finally {
        stopRenewing();
      }
      // Done is done, whoever holds the claim now, and also when a run that took it over meanwhile
      // put it back ("later", a failure): the work is done, it must not run a third time (found in
      // review, stop 61). Never over an outcome already written (done, failed, cancelled), nor over
      // the job planned afresh under its id meanwhile (forgotten or cancelled, then scheduled again:
      // its attempts start over, or its payload differs; found reviewing that fix).
      done = true;
      await this.writeOutcome(job, (j) => (j.status === 'running' || (j.status === 'pending' && sameRun(j, job)) ? { ...j, status: 'done', lockedUntil: undefined, ttl: FINISHED_TTL_SECONDS } : j));
    } catch (err) {
      // The handler's work is done; only its record failed: a retry would do the work again.
      if (done) throw err;
      if (err instanceof RunAgainLater) {
        this.logger.info({ jobId: job.id, kind: job.kind, reason: err.message }, 'scheduled job runs again later');
        await this.writeOutcome(job, this.ifStillOurs(job, (j) => ({ ...j, status: 'pending', dueAt: err.at.toISOString(), attempts: Math.max(0, j.attempts - 1), lockedUntil: undefined })));
        return;
      }
      // A payload its handler cannot read stays unreadable: retrying it for a day changes nothing.
      const giveUp = job.attempts >= MAX_ATTEMPTS || err instanceof UnreadablePayload;
      this.logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, giveUp, err: (err as Error).message }, 'scheduled job failed');
      if (giveUp) {
        await this.writeOutcome(job, this.ifStillOurs(job, (j) => ({ ...j, status: 'failed', lockedUntil: undefined, ttl: FINISHED_TTL_SECONDS })));
        return;
      }
      const retryAt = new Date(this.clock.now().getTime() + Math.min(2 ** job.attempts * 10_000, MAX_RETRY_DELAY_MS)).toISOString();
      await this.writeOutcome(job, this.ifStillOurs(job, (j) => ({ ...j, status: 'pending', dueAt: retryAt, lockedUntil: undefined })));
    }
  }

  start(intervalMs: number): void {
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue()
        .catch((err) => {
          this.logger.error({ err: (err as Error).message }, 'scheduler tick failed');
          return 0;
        })
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** Whether a pending job is the one a run claimed, put back by another run (not planned afresh): as far along in attempts, the same payload. */
function sameRun(pending: JobDocument, claimed: JobDocument): boolean {
  return pending.attempts >= claimed.attempts && isDeepStrictEqual(pending.payload, claimed.payload);
}
