import { DateTime } from 'luxon';
import { DomainError } from '../../domain/shared/errors';
import { emptyIfNothingShows } from '../../domain/shared/text';
import { MaturityPhase } from '../../domain/talent-review/maturity';
import { conversationHeld, legacyPrepJobId, movedTo, planReview, plannedPrepAt, PrepDaysOff, prepDueAt, prepJobId, prepJobIdBeforeDaysOff, prepJobIdByDaysOffNow, pressedBefore, prepPressKey, proposePhase, recordFacilitated, replan, requireChatWithBot, TalentReview, withPressKey, withPrepMoment } from '../../domain/talent-review/review';
import { ERASED_ID } from '../../domain/week-cycle/session-items';
import { DirectoryPerson, directReportsOf } from '../../domain/directory/manager-directory';
import { ReviewChange } from '../../domain/talent-review/ports';
import { refuseWhileErasing } from '../verantwoording/erasure-ticket';
import { openSaveWindow, sameAsWritten, SaveWindow } from '../verantwoording/save-window';
import { REVIEW_JOB, TalentReviewDeps } from './deps';

/**
 * The report is not (or no longer) the manager's in the directory: a refusal about the report, so
 * a form the manager filled in comes back with what they typed and this reason, not as a plain
 * error (the report may have moved to another manager while the card was open).
 */
function notTheirReport(detail: string): DomainError {
  return new DomainError('forbidden', { detail, input: { field: 'reportId', rule: 'format', params: { notTheirs: 1 } } });
}

/** Only the direct manager, as the directory says now, may plan for or read about a report. */
export async function requireDirectManager(deps: TalentReviewDeps, managerId: string, reportId: string): Promise<void> {
  if ((await deps.directory.managerOf(reportId)) !== managerId) throw notTheirReport('not the direct manager');
}

/** The reports the plan form offers: the manager's direct reports, never themselves. */
export async function directReports(deps: TalentReviewDeps, managerId: string): Promise<DirectoryPerson[]> {
  return directReportsOf(deps.directory, managerId);
}

/**
 * The ids a review's prep job may have (erasure removes them with the review): its plan's (at the
 * moment the plan fixed), the one the days off in force now give a plan without a fixed moment,
 * the one a plan made before days off moved the card wrote, and the legacy one.
 */
export function prepJobIds(review: TalentReview, daysOff: PrepDaysOff): string[] {
  return [...new Set([prepJobId(review, daysOff), prepJobIdByDaysOffNow(review, daysOff), prepJobIdBeforeDaysOff(review), legacyPrepJobId(review.id)])];
}

export interface PlanInput {
  reportId: string;
  date: string;
  timeZone: string;
  prepDaysBefore?: number;
  conversationRef: Record<string, unknown>;
  /** How the professional's notice names the manager (their Teams name); absent: "your manager". */
  managerName?: string;
  /** The plan card's key (set when it was rendered; cards from before stop 45 carry none). */
  key?: string;
}

/** The refusal of a plan press whose conversation was cancelled since (its log detail). */
export const CANCELLED_PLAN_PRESS = 'plan press of a cancelled conversation';

/**
 * Plans a conversation with a direct report and schedules its prep card; planning the same
 * conversation again (same report and date) moves its prep card to the new days ahead or time zone.
 *
 * Only in the manager's own chat with the bot, where the prep card will go (requireChatWithBot).
 * A press with the card's key that planned before (delivered again by Teams, after the manager
 * moved or planned it anew since) changes nothing: the conversation as it stands comes back; after
 * the manager cancelled it, it is refused as `notFound` (nothing planned).
 *
 * The review is written last, after the index and the job, which are harmless without it: a
 * failure before it leaves no conversation behind the error card (a job without its review finds
 * nothing to send), and every step is idempotent, so a retry completes the plan without doubling.
 *
 * Refused (`erasureUnderway`) while the manager's erasure is unfinished, before anything is looked
 * up (one point read of the ticket): the erasure's resume deletes the conversations they planned,
 * so a plan confirmed to them and told to the professional now would vanish without a word.
 * The new conversation's create keeps to a save window from a second such check right before its
 * writes, after the directory's answers (save-window.ts; one point read more on a plan press):
 * answered later, it is taken back with its prep job and the plan refused (`saveTooSlow`, or
 * `erasureUnderway`), before the professional is told; the erasure reads the conversations they
 * planned once more a save window after its ticket, for a create answered in time.
 */
export async function planConversation(deps: TalentReviewDeps, managerId: string, input: PlanInput): Promise<TalentReview> {
  requireChatWithBot(input.conversationRef);
  await refuseWhileErasing(deps.verantwoording, managerId);
  const done = input.key ? pressedBefore(await deps.reviews.listByManager(managerId), input.key) : undefined;
  if (done) return done;
  // Its conversation was cancelled since: planning it again would undo the manager's cancellation.
  if (input.key && (await deps.reviews.pressCancelled(input.key))) throw new DomainError('notFound', CANCELLED_PLAN_PRESS);
  await requireDirectManager(deps, managerId, input.reportId);
  // Never themselves: a directory naming them their own manager gives the form's refusal, not a plain error.
  const report = (await directReportsOf(deps.directory, managerId)).find((r) => r.id === input.reportId);
  if (!report) throw notTheirReport('not a direct report');
  const now = deps.clock.now();
  const planned = withPressKey(
    withPrepMoment(
      planReview(
        { managerId, reportId: report.id, reportName: report.name, date: input.date, timeZone: input.timeZone, prepDaysBefore: input.prepDaysBefore ?? deps.prepDaysBefore, conversationRef: input.conversationRef },
        now,
      ),
      deps.holidays,
    ),
    input.key,
  );
  // Opened after the directory's answers, which may take seconds (Graph): the window bounds the writes only.
  const window = await openSaveWindow(deps.verantwoording, managerId);
  await deps.reviewManagers.record(report.id, managerId);
  await deps.scheduler.schedule({ id: prepJobId(planned, deps.holidays), kind: REVIEW_JOB, dueAt: prepDueAt(planned, now, deps.holidays).toISOString(), payload: { managerId, reviewId: planned.id } });
  const { review, created } = await deps.reviews.create(planned);
  // A new plan answered after the save window: its erasure may have read their conversations before it landed.
  if (created && window.closed()) await takeBackPlan(deps, window, review);
  // Only a new plan: planning the same date again (other prep days) changes nothing for the professional.
  if (created) {
    await tellProfessional(deps, review, { kind: 'planned' }, input.managerName);
    return review;
  }
  let before: TalentReview | undefined;
  // The press's key is kept on the conversation planned anew too: delivered again after a later move, it plans nothing.
  const current = await deps.reviews.update(managerId, planned.id, (r) => withPressKey(replan((before = r), planned), input.key));
  // The earlier plan's job is stale now; if this delete fails, it still checks the plan when it runs (sendScheduledPrep).
  const stale = before ? prepJobIds(before, deps.holidays).filter((id) => id !== prepJobId(current, deps.holidays)) : [];
  await Promise.all(stale.map((id) => deps.scheduler.forget(id).catch(() => undefined)));
  await sendAgainIfNotDelivered(deps, current, now);
  return current;
}

/**
 * A new plan whose create was answered after its save window: the conversation goes while it is as
 * this press wrote it (under the version read), then its prep job (which would find nothing to
 * send), and the press is refused. The index entry in the report's partition stays: harmless
 * without the conversation, and the manager's erasure takes their id off it.
 */
async function takeBackPlan(deps: TalentReviewDeps, window: SaveWindow, planned: TalentReview): Promise<never> {
  const read = await deps.reviews.getVersioned(planned.managerId, planned.id);
  if (read && sameAsWritten(read.review, planned)) await deps.reviews.deleteIfUnchanged(read);
  await deps.scheduler.forget(prepJobId(planned, deps.holidays));
  throw await window.refusal();
}

/**
 * The professional hears of a change to a conversation about them, after it is stored. Not for a
 * report who erased their data (nobody to tell); the port never fails the manager's change.
 */
export async function tellProfessional(deps: TalentReviewDeps, review: TalentReview, change: ReviewChange, managerName: string | undefined): Promise<void> {
  if (review.reportId === ERASED_ID || !deps.notices) return;
  await deps.notices.tell(review, change, managerName);
}

/**
 * Planning again after the prep card did not reach the manager's chat (Teams refused it for good)
 * sends it again as planned, now if that moment has passed. Its job may have run under this very
 * id already, and a finished job's id makes scheduling it again a no-op: it is forgotten first.
 */
async function sendAgainIfNotDelivered(deps: TalentReviewDeps, review: TalentReview, now: Date): Promise<void> {
  if (!review.prepNotDelivered || review.prepSentAt) return;
  const id = prepJobId(review, deps.holidays);
  await deps.scheduler.forget(id);
  await deps.scheduler.schedule({ id, kind: REVIEW_JOB, dueAt: prepDueAt(review, now, deps.holidays).toISOString(), payload: { managerId: review.managerId, reviewId: review.id } });
}

/** The day (yyyy-mm-dd, the manager's time zone) a review's prep card comes; undefined when it is due now. */
export function prepDayOf(deps: Pick<TalentReviewDeps, 'holidays' | 'clock'>, review: TalentReview): string | undefined {
  const at = plannedPrepAt(review, deps.holidays);
  return at.getTime() > deps.clock.now().getTime() ? DateTime.fromJSDate(at, { zone: review.timeZone }).toISODate()! : undefined;
}

/**
 * Conversations planned before prep cards moved off weekends and public holidays kept a job due
 * on such a day: each gets its job at the moved moment, and the old one goes. Conversations
 * planned before plans fixed their moment (`prepAt`) get the moment of the one job they have, so a
 * change of the holidays since (a new HOLIDAY_REGION in the same deploy) cannot make that job find
 * its card not due. Start-up; job ids and ETags make it safe to run again, and on two instances at
 * once. Returns how many moved.
 */
export async function movePrepsToWorkingDays(deps: TalentReviewDeps): Promise<number> {
  const now = deps.clock.now();
  let moved = 0;
  for (const review of await deps.reviews.prepsToSend(DateTime.fromJSDate(now, { zone: deps.timeZone }).minus({ days: 1 }).toISODate()!)) {
    if (review.prepAt) continue; // Planned since stop 34: its job is at the moment its plan fixed.
    const before = prepJobIdBeforeDaysOff(review);
    const current = prepJobId(review, deps.holidays);
    if (before !== current) {
      await deps.scheduler.schedule({ id: current, kind: REVIEW_JOB, dueAt: prepDueAt(review, now, deps.holidays).toISOString(), payload: { managerId: review.managerId, reviewId: review.id } });
      await deps.scheduler.forget(before);
      moved++;
    }
    const jobs = await deps.scheduler.pendingWithPayload(REVIEW_JOB, { reviewId: review.id });
    // One job: its moment is the plan's. More (a stale one whose delete failed): the rule in force decides.
    const prepAt = jobs.length === 1 ? jobs[0]!.dueAt : undefined;
    if (prepAt) await deps.reviews.update(review.managerId, review.id, (r) => (r.prepAt ? r : { ...r, prepAt }));
  }
  return moved;
}

/**
 * The manager's own conversation, while the directory makes them the report's manager. With
 * `followMove`, one that was moved (by a press at the same moment as this one) is found on its
 * new date: one list read more, only when the asked one is gone.
 */
export async function loadOwnReview(deps: TalentReviewDeps, managerId: string, reviewId: string, opts: { followMove?: boolean } = {}): Promise<TalentReview> {
  const review = (await deps.reviews.get(managerId, reviewId)) ?? (opts.followMove ? movedTo(await deps.reviews.listByManager(managerId), reviewId) : undefined);
  if (!review) throw new DomainError('notFound', 'review');
  await requireDirectManager(deps, managerId, review.reportId);
  return review;
}

/**
 * The manager proposes a phase for the conversation; the professional's own choice stays theirs,
 * and they see the proposal. `pressKey` (the card's key, or the activity's id): the same press
 * delivered again, after a later proposal, changes nothing. Refused (`erasureUnderway`) while the
 * manager's erasure is unfinished: it deletes the conversation, proposal and all.
 *
 * Proposed while the conversation is moved (the prep card pressed as the move lands): a move that
 * lands after this write carries the proposal along (it deletes only the version it read), and
 * one that landed before makes this press go to the moved conversation (its id in the answer), so
 * the proposal the manager is told is saved stands. Delivered again, it finds its key there.
 */
export async function proposeReviewPhase(deps: TalentReviewDeps, managerId: string, reviewId: string, phase: MaturityPhase, pressKey?: string): Promise<TalentReview> {
  await refuseWhileErasing(deps.verantwoording, managerId);
  let review = await loadOwnReview(deps, managerId, reviewId, { followMove: true });
  const now = deps.clock.now();
  const key = pressKey ? prepPressKey(pressKey, managerId, { kind: 'phase', phase }) : undefined;
  try {
    return await deps.reviews.update(managerId, review.id, (r) => proposePhase(r, phase, now, key));
  } catch (err) {
    // Moved between the read and the write: to the moved conversation (one list read more, only then).
    const moved = (err as { code?: unknown }).code === 404 ? movedTo(await deps.reviews.listByManager(managerId), review.id) : undefined;
    if (!moved) throw (err as { code?: unknown }).code === 404 ? new DomainError('notFound', 'review') : err;
    review = moved;
    return deps.reviews.update(managerId, review.id, (r) => proposePhase(r, phase, now, key));
  }
}

/**
 * The manager's account of what they facilitated, shown to the professional after the
 * conversation; HR quotes it (without name or team) only when `share` is ticked. `pressKey` (the
 * card's key, or the activity's id): the same press delivered again, after the manager corrected
 * the account, changes nothing (neither the words nor HR's permission come back). Refused
 * (`erasureUnderway`) while the manager's erasure is unfinished: it deletes the conversation.
 */
export async function saveFacilitated(deps: TalentReviewDeps, managerId: string, reviewId: string, input: { text: string; share?: boolean; pressKey?: string }): Promise<TalentReview> {
  await refuseWhileErasing(deps.verantwoording, managerId);
  // Only the direct manager, as the directory says now (the review is read again under its ETag).
  await loadOwnReview(deps, managerId, reviewId);
  const now = deps.clock.now();
  const key = input.pressKey ? prepPressKey(input.pressKey, managerId, { kind: 'facilitated', text: input.text, share: input.share }) : undefined;
  // Words of only invisible characters (emoji endings too: variation selectors, tags) are none: refused as empty.
  return deps.reviews.update(managerId, reviewId, (r) => recordFacilitated(r, { text: emptyIfNothingShows(input.text), share: input.share }, now, key));
}

/** Conversations still ahead, by the date in each conversation's own time zone. */
export async function upcomingReviews(deps: TalentReviewDeps, managerId: string): Promise<TalentReview[]> {
  const now = deps.clock.now();
  // A review whose report erased their data stays only as the manager's own account.
  return (await deps.reviews.listByManager(managerId)).filter((r) => !conversationHeld(r, now) && r.reportId !== ERASED_ID);
}
