import { ScheduledJob } from '../../domain/scheduling/job';
import { ErasureTicket } from '../../domain/verantwoording/erasure-ticket';
import { VerantwoordingDeps } from './deps';

/**
 * An erasure that was interrupted (Cosmos DB unavailable, the instance stopped) finishes without
 * the person: every erasure schedules a durable job when it writes its ticket, and the job runs
 * the erasure again while the ticket is still there. The job knows only the ticket's random
 * marker, never the person's id, so the job document (kept for a while once done) names nobody.
 */
export const ERASURE_RESUME_JOB = 'verantwoording.erasureResume';

/** Long enough for an ordinary erasure to be done first (the job then finds no ticket). */
const FIRST_RUN_AFTER_MS = 10 * 60_000;
/** A failed round schedules the next one an hour later (its own job is retried soon a few times first), for about a week. */
const NEXT_ROUND_AFTER_MS = 60 * 60_000;
export const MAX_RESUME_ROUNDS = 168;

export interface ErasureResumePayload {
  marker: string;
  round: number;
}

export function erasureResumeJobId(marker: string, round: number): string {
  return `${ERASURE_RESUME_JOB}:${marker}:${round}`;
}

function resumeJob(marker: string, round: number, dueAt: Date): ScheduledJob {
  const payload: ErasureResumePayload = { marker, round };
  return { id: erasureResumeJobId(marker, round), kind: ERASURE_RESUME_JOB, dueAt: dueAt.toISOString(), payload: { ...payload } };
}

/**
 * Schedules the resume of this erasure (idempotent: a rerun finds the job there). Returns whether
 * it is scheduled: false where the deployment has no scheduler for it, or scheduling failed.
 */
export async function scheduleErasureResume(deps: VerantwoordingDeps, ticket: ErasureTicket, round = 1): Promise<boolean> {
  if (!deps.erasureJobs) return false;
  const after = round === 1 ? FIRST_RUN_AFTER_MS : NEXT_ROUND_AFTER_MS;
  try {
    await deps.erasureJobs.schedule(resumeJob(ticket.marker, round, new Date(deps.clock.now().getTime() + after)));
    return true;
  } catch {
    // Not scheduled: the erasure goes on; the answer then offers only the way to finish it by hand.
    return false;
  }
}

/** The erasure is done: its first resume round need not run (a later round finds no ticket). */
export async function cancelErasureResume(deps: VerantwoordingDeps, marker: string): Promise<void> {
  await deps.erasureJobs?.cancel(erasureResumeJobId(marker, 1)).catch(() => undefined);
}
