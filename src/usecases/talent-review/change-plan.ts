import { DomainError } from '../../domain/shared/errors';
import { conversationHeld, dateRefused, movedReview, movedTo, PrepCardMessage, prepDueAt, prepJobId, pressedBefore, requireChatWithBot, TalentReview, withPrepMoment } from '../../domain/talent-review/review';
import { refuseWhileErasing } from '../verantwoording/erasure-ticket';
import { REVIEW_JOB, TalentReviewDeps } from './deps';
import { prepJobIds, requireDirectManager, tellProfessional } from './plan-review';

/**
 * What became of a move or a cancellation: done (also when pressed again after it was), not
 * planned (any more), already held, or moved meanwhile by another press (another change card, or
 * the move pressed at the same moment as this cancellation): nothing changed, `review` is the
 * conversation as it stands.
 */
export type PlanChange =
  | { status: 'moved'; review: TalentReview; from: TalentReview | undefined }
  | { status: 'cancelled'; review: TalentReview }
  | { status: 'notPlanned' }
  | { status: 'held'; review: TalentReview }
  | { status: 'movedMeanwhile'; review: TalentReview };

/** How often a move or cancellation reads the conversation again when it changed under it (a proposal, a prep card shown) before it gives up. */
const CHANGED_RETRIES = 5;

/** Per message and change, so a press delivered again queues each withdrawal once. */
function withdrawalKey(review: TalentReview, card: PrepCardMessage, change: 'moved' | 'cancelled'): string {
  return `${review.id}:${card.conversationId}:${card.activityId}:${change}`;
}

/** The conversation's prep card taken out of the manager's chat: each message, once per change. */
async function withdrawPrepCards(deps: TalentReviewDeps, review: TalentReview, change: 'moved' | 'cancelled'): Promise<void> {
  for (const card of review.prepCards ?? []) await deps.prepCards.withdraw(review, card, withdrawalKey(review, card, change));
}

/** The conversation's prep card off the schedule (every id its job may have). */
async function forgetPrepJobs(deps: TalentReviewDeps, review: TalentReview): Promise<void> {
  await Promise.all(prepJobIds(review, deps.holidays).map((id) => deps.scheduler.forget(id)));
}

/**
 * Takes a conversation's prep card off the schedule and out of the manager's chat, then the
 * conversation itself. In this order, so a retry after a failure part-way finds the conversation
 * still there and finishes: the job goes first (it would send a card for a date no longer
 * planned), and the messages are withdrawn before the list that names them is deleted.
 * (finishMove only: a move and a cancellation delete under the version they read.)
 */
async function retire(deps: TalentReviewDeps, review: TalentReview, change: 'moved' | 'cancelled'): Promise<void> {
  await forgetPrepJobs(deps, review);
  await withdrawPrepCards(deps, review, change);
  await deps.reviews.delete(review.managerId, review.id);
}

/**
 * What a move finds when the conversation it was pressed for is gone: moved by this press (Teams
 * delivering it again: its key is on the moved one; a card without a key cannot tell and takes it
 * as its own), to the date this press asked for, moved elsewhere by another press
 * (`movedMeanwhile`: the manager's form comes back saying so), or cancelled (`notPlanned`).
 */
function afterMoveGone(moved: TalentReview | undefined, input: { date: string; key?: string }): PlanChange {
  if (!moved) return { status: 'notPlanned' };
  const ours = input.key === undefined || !!moved.moveKeys?.includes(input.key) || moved.date === input.date;
  return ours ? { status: 'moved', review: moved, from: undefined } : { status: 'movedMeanwhile', review: moved };
}

/**
 * The manager moves a planned conversation to another date: it becomes the plan for that date,
 * with the phase they proposed and a prep card of its own; the old date's job and prep cards go.
 * Only the manager who planned it (it is in their partition), while the directory still makes
 * them the report's manager, and only before the conversation was held (its account stays with
 * it). A move pressed again, after it was done, finds the moved conversation and changes nothing:
 * by the press's key (the card's), also after later moves; without one, by the id it moved from.
 * Only in the manager's own chat with the bot (requireChatWithBot); the moved conversation's prep
 * card goes to the chat it was planned in.
 *
 * The move itself is one transaction: the conversation as read (its ETag) goes and the moved one
 * comes, both or neither, so no crash leaves both, and two presses at once (a second change card,
 * the cancel button, a phase proposed on the prep card) cannot both be told they were saved. One
 * that changed the conversation since it was read (a proposal) makes the move read it again and
 * carry it along; one that moved or cancelled it first wins, and this press is answered with what
 * stands (`movedMeanwhile`, `notPlanned`) and its prep job forgotten. The new date's job is
 * scheduled before (a job without its conversation sends nothing), the old date's prep cards are
 * withdrawn before (a crash after leaves the conversation planned, its card to open again), and
 * the old date's job is forgotten after (a crash before leaves a job that finds nothing to send).
 * Refused (`erasureUnderway`) while the manager's erasure is unfinished (one point read): the
 * erasure deletes the conversations they planned, the moved one too.
 */
export async function moveConversation(deps: TalentReviewDeps, managerId: string, reviewId: string, input: { date: string; conversationRef: Record<string, unknown>; key?: string; managerName?: string; planned?: string }): Promise<PlanChange> {
  requireChatWithBot(input.conversationRef);
  await refuseWhileErasing(deps.verantwoording, managerId);
  const now = deps.clock.now();
  const mine = input.key ? await deps.reviews.listByManager(managerId) : undefined;
  const done = mine && pressedBefore(mine, input.key);
  if (done) return finishMove(deps, done, mine!, input.managerName);
  let read = await deps.reviews.getVersioned(managerId, reviewId);
  // Another plan of the same date than the card showed (cancelled and planned anew since): not this press's.
  if (read && input.planned && read.review.createdAt !== input.planned) return { status: 'notPlanned' };
  if (!read) return afterMoveGone(movedTo(mine ?? (await deps.reviews.listByManager(managerId)), reviewId), input);
  if (conversationHeld(read.review, now)) throw dateRefused('held');
  await requireDirectManager(deps, managerId, read.review.reportId);
  if (input.date === read.review.date) return { status: 'moved', review: read.review, from: undefined };
  let planned = withPrepMoment(movedReview(read.review, input, now), deps.holidays);
  const there = await deps.reviews.get(managerId, planned.id);
  if (there && there.movedFrom !== read.review.id) throw dateRefused('taken');
  const jobId = prepJobId(planned, deps.holidays);
  await deps.scheduler.schedule({ id: jobId, kind: REVIEW_JOB, dueAt: prepDueAt(planned, now, deps.holidays).toISOString(), payload: { managerId, reviewId: planned.id } });
  for (let attempt = 0; ; attempt++) {
    const review = read.review;
    // Read again after a change: what changed (a phase proposed meanwhile) comes along.
    planned = withPrepMoment(movedReview(review, input, now), deps.holidays);
    await withdrawPrepCards(deps, review, 'moved');
    // A move stored before moves were one transaction may have left the moved one next to this one: only this one goes then.
    const outcome = await deps.reviews.move({ review, version: read.version }, there ? undefined : planned);
    if (outcome === 'moved') {
      const stored = there ?? planned;
      await forgetPrepJobs(deps, review);
      await tellProfessional(deps, stored, { kind: 'moved', fromDate: review.date }, input.managerName);
      return { status: 'moved', review: stored, from: review };
    }
    if (outcome === 'taken') {
      // Planned on that date meanwhile (another press): its job is its own when it has this one's id.
      const taken = await deps.reviews.get(managerId, planned.id);
      if (!taken || prepJobId(taken, deps.holidays) !== jobId) await deps.scheduler.forget(jobId);
      throw dateRefused('taken');
    }
    const again = outcome === 'changed' && attempt < CHANGED_RETRIES ? await deps.reviews.getVersioned(managerId, reviewId) : undefined;
    if (again) {
      read = again;
      continue;
    }
    if (outcome === 'changed') throw new DomainError('conflict', 'review kept changing while it was moved');
    // Gone: moved or cancelled by another press (one read more, on this path only).
    const moved = movedTo(await deps.reviews.listByManager(managerId), reviewId);
    // This very transaction, whose answer was lost and whose retry found it done.
    if (moved && moved.id === planned.id && moved.createdAt === planned.createdAt) {
      await forgetPrepJobs(deps, review);
      await tellProfessional(deps, moved, { kind: 'moved', fromDate: review.date }, input.managerName);
      return { status: 'moved', review: moved, from: review };
    }
    // The new date's job is this press's alone unless the conversation that stands has it (moved to the same date).
    if (!moved || prepJobId(moved, deps.holidays) !== jobId) await deps.scheduler.forget(jobId);
    return afterMoveGone(moved, input);
  }
}

/**
 * A move found stored by its key (pressed again, or delivered again): done. The professional is
 * told again, as the first press would have (the notice's key keeps it once: a move that failed
 * after it was stored, before the notice was queued, is told now). A move stored before moves
 * were one transaction may have stopped before the old plan was retired: that is retired now.
 */
async function finishMove(deps: TalentReviewDeps, done: TalentReview, mine: TalentReview[], managerName: string | undefined): Promise<PlanChange> {
  const left = done.movedFrom ? mine.find((r) => r.id === done.movedFrom && r.id !== done.id) : undefined;
  if (!left && done.movedFromDate && !conversationHeld(done, deps.clock.now())) await tellProfessional(deps, done, { kind: 'moved', fromDate: done.movedFromDate }, managerName);
  if (!left || conversationHeld(left, deps.clock.now())) return { status: 'moved', review: done, from: undefined };
  await retire(deps, left, 'moved');
  await tellProfessional(deps, done, { kind: 'moved', fromDate: left.date }, managerName);
  return { status: 'moved', review: done, from: left };
}

/**
 * The manager cancels a planned conversation: no prep card comes, the ones shown are withdrawn,
 * and the conversation (with the phase they proposed) is gone. Their own plan, in their own
 * partition: no directory check, so a manager can still cancel after the report moved on. A held
 * conversation stays (its account is the professional's to read). Pressed again: not planned.
 * Not refused while the manager's erasure is unfinished: it keeps nothing the erasure would have
 * to delete (the cancelled press's record names nobody), and the professional hears of it, where
 * the erasure would take the conversation away unsaid.
 *
 * The conversation is deleted under the version read: changed meanwhile (a proposal), it is read
 * again and cancelled as it is now; moved meanwhile by another press (the move pressed at the same
 * moment), nothing is cancelled and the answer says where it stands now (`movedMeanwhile`; one
 * list read more, only when the conversation is gone), also when the press is delivered again.
 */
export async function cancelConversation(deps: TalentReviewDeps, managerId: string, reviewId: string, opts: { managerName?: string; planned?: string } = {}): Promise<PlanChange> {
  let read = await deps.reviews.getVersioned(managerId, reviewId);
  if (!read) return movedMeanwhileOr(deps, managerId, reviewId, { status: 'notPlanned' });
  // A plan of the same date made after the card (its press delivered again after a new plan): nothing to cancel.
  if (opts.planned && read.review.createdAt !== opts.planned) return { status: 'notPlanned' };
  for (let attempt = 0; ; attempt++) {
    const review = read.review;
    if (conversationHeld(review, deps.clock.now())) return { status: 'held', review };
    await forgetPrepJobs(deps, review);
    await withdrawPrepCards(deps, review, 'cancelled');
    // A cancelled conversation's presses outlive it (cancelled-press.ts): delivered again, they plan nothing. A moved one's go along with it.
    if (review.moveKeys?.length) await deps.reviews.rememberCancelledPresses(review.moveKeys);
    const outcome = await deps.reviews.deleteIfUnchanged(read);
    const again = outcome === 'changed' && attempt < CHANGED_RETRIES ? await deps.reviews.getVersioned(managerId, reviewId) : undefined;
    if (again) {
      read = again;
      continue;
    }
    if (outcome === 'changed') throw new DomainError('conflict', 'review kept changing while it was cancelled');
    // Gone without this delete: moved by another press, or cancelled by one (or this delete's answer was lost).
    const cancelled: PlanChange = { status: 'cancelled', review };
    const change = outcome === 'deleted' ? cancelled : await movedMeanwhileOr(deps, managerId, reviewId, cancelled);
    if (change.status === 'cancelled') await tellProfessional(deps, review, { kind: 'cancelled' }, opts.managerName);
    return change;
  }
}

/** The conversation a gone one was moved to by another press, if it was (one list read): `movedMeanwhile`; else `otherwise`. */
async function movedMeanwhileOr(deps: TalentReviewDeps, managerId: string, reviewId: string, otherwise: PlanChange): Promise<PlanChange> {
  const moved = movedTo(await deps.reviews.listByManager(managerId), reviewId);
  return moved ? { status: 'movedMeanwhile', review: moved } : otherwise;
}
