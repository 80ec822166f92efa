import { managerIfNamed } from '../../domain/directory/manager-directory';
import { managerCheckJobId, nextManagerCheckAt, PrepCardMessage, TalentReview, withoutPrepCards } from '../../domain/talent-review/review';
import { TalentReviewDeps } from './deps';

/**
 * The daily check that takes prep cards out of a former manager's chat. A prep card is rebuilt
 * when the report changes what they share, but a change of manager happens in the directory,
 * which tells nobody: without this, the former manager would keep reading what the report
 * shared with them until the report happened to change something.
 */
export const PREP_MANAGER_CHECK_JOB = 'review.prepManagerCheck';

/** Reports looked up in the directory at once: bounded, so a large organisation neither floods Graph nor outlives the job's lease one by one. */
const LOOKUPS_AT_ONCE = 8;

/**
 * Schedules the next daily check (a no-op when that day's is already scheduled). Called when a
 * message starts showing a prep card, so a check runs while any does; each check schedules the
 * next one while prep cards are remembered.
 */
export async function scheduleManagerCheck(deps: Pick<TalentReviewDeps, 'scheduler' | 'clock' | 'timeZone'>): Promise<void> {
  const at = nextManagerCheckAt(deps.clock.now(), deps.timeZone);
  await deps.scheduler.schedule({ id: managerCheckJobId(at, deps.timeZone), kind: PREP_MANAGER_CHECK_JOB, dueAt: at.toISOString(), payload: {} });
}

/** Per message and reason, so a check that runs twice (or after a crash) queues each withdrawal once. */
function notManagerKey(review: TalentReview, card: PrepCardMessage): string {
  return `${review.id}:${card.conversationId}:${card.activityId}:notManager`;
}

/**
 * Withdraws every message that shows this review's prep card, then forgets them. Withdrawn first:
 * a crash in between leaves a withdrawn message still remembered (the next check withdraws it
 * again under the same key, so once), never a forgotten one still showing the prep. Only the
 * messages read are forgotten; one remembered meanwhile waits for the next check.
 */
async function withdrawFromFormerManager(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<number> {
  const review = await deps.reviews.get(managerId, reviewId);
  const cards = review?.prepCards ?? [];
  if (!review || !cards.length) return 0;
  for (const card of cards) await deps.prepCards.withdraw(review, card, notManagerKey(review, card), 'notManager');
  await deps.reviews.update(managerId, reviewId, (r) => withoutPrepCards(r, cards));
  return cards.length;
}

/**
 * The daily manager check: every conversation whose prep card is in a manager's chat, whose
 * report the directory no longer gives that manager, has its messages withdrawn. The messages
 * say it is no longer theirs to see, and name neither the report nor the new manager. Queries
 * across managers' partitions: it runs as a scheduled job, never on a user's turn.
 */
export async function withdrawFromFormerManagers(deps: TalentReviewDeps): Promise<{ checked: number; withdrawn: number }> {
  // Tomorrow's check first: a run that fails today (and is given up on) does not end the daily check.
  const remembered = await deps.reviews.withPrepCards().catch(async (err: unknown) => {
    await scheduleManagerCheck(deps);
    throw err;
  });
  if (remembered.length) await scheduleManagerCheck(deps);
  const byReport = new Map<string, typeof remembered>();
  for (const r of remembered) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), r]);
  const reports = [...byReport.keys()];
  let withdrawn = 0;
  const worker = async () => {
    for (let reportId = reports.shift(); reportId !== undefined; reportId = reports.shift()) {
      // Only a manager the directory names counts as a change: a lookup it did not answer (a
      // Graph outage at night) withdraws nothing, and neither does "no manager" (a gap in the
      // directory, not a move to someone else).
      const current = await managerIfNamed(deps.directory, reportId);
      for (const review of byReport.get(reportId)!) {
        if (current === undefined || review.managerId === current) continue;
        // Awaited first: `withdrawn += await ...` would add to the count read before another worker's.
        const n = await withdrawFromFormerManager(deps, review.managerId, review.id);
        withdrawn += n;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, reports.length) }, worker));
  return { checked: remembered.length, withdrawn };
}
