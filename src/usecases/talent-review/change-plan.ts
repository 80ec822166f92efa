import { conversationHeld, dateRefused, movedReview, PrepCardMessage, prepDueAt, prepJobId, pressedBefore, requireChatWithBot, TalentReview, withPrepMoment } from '../../domain/talent-review/review';
import { refuseWhileErasing } from '../verantwoording/erasure-ticket';
import { REVIEW_JOB, TalentReviewDeps } from './deps';
import { prepJobIds, requireDirectManager, tellProfessional } from './plan-review';

/** What became of a move or a cancellation: done (also when pressed again after it was), not planned (any more), or already held. */
export type PlanChange =
  | { status: 'moved'; review: TalentReview; from: TalentReview | undefined }
  | { status: 'cancelled'; review: TalentReview }
  | { status: 'notPlanned' }
  | { status: 'held'; review: TalentReview };

/** Per message and change, so a press delivered again queues each withdrawal once. */
function withdrawalKey(review: TalentReview, card: PrepCardMessage, change: 'moved' | 'cancelled'): string {
  return `${review.id}:${card.conversationId}:${card.activityId}:${change}`;
}

/**
 * Takes a conversation's prep card off the schedule and out of the manager's chat, then the
 * conversation itself. In this order, so a retry after a failure part-way finds the conversation
 * still there and finishes: the job goes first (it would send a card for a date no longer
 * planned), and the messages are withdrawn before the list that names them is deleted.
 */
async function retire(deps: TalentReviewDeps, review: TalentReview, change: 'moved' | 'cancelled'): Promise<void> {
  await Promise.all(prepJobIds(review, deps.holidays).map((id) => deps.scheduler.forget(id)));
  for (const card of review.prepCards ?? []) await deps.prepCards.withdraw(review, card, withdrawalKey(review, card, change));
  // A cancelled conversation's presses outlive it (cancelled-press.ts): delivered again, they plan nothing. A moved one's go along with it.
  if (change === 'cancelled' && review.moveKeys?.length) await deps.reviews.rememberCancelledPresses(review.moveKeys);
  await deps.reviews.delete(review.managerId, review.id);
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
 * The new plan is written before the old one goes, each step idempotent: a failure part-way
 * leaves both, and the manager's retry (or Teams delivering the press again) finishes the move.
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
  const review = await deps.reviews.get(managerId, reviewId);
  // Another plan of the same date than the card showed (cancelled and planned anew since): not this press's.
  if (review && input.planned && review.createdAt !== input.planned) return { status: 'notPlanned' };
  if (!review) {
    const moved = (mine ?? (await deps.reviews.listByManager(managerId))).find((r) => r.movedFrom === reviewId);
    return moved ? { status: 'moved', review: moved, from: undefined } : { status: 'notPlanned' };
  }
  if (conversationHeld(review, now)) throw dateRefused('held');
  await requireDirectManager(deps, managerId, review.reportId);
  if (input.date === review.date) return { status: 'moved', review, from: undefined };
  const planned = withPrepMoment(movedReview(review, input, now), deps.holidays);
  const there = await deps.reviews.get(managerId, planned.id);
  if (there && there.movedFrom !== review.id) throw dateRefused('taken');
  await deps.scheduler.schedule({ id: prepJobId(planned, deps.holidays), kind: REVIEW_JOB, dueAt: prepDueAt(planned, now, deps.holidays).toISOString(), payload: { managerId, reviewId: planned.id } });
  const { review: stored } = await deps.reviews.create(planned);
  await retire(deps, review, 'moved');
  await tellProfessional(deps, stored, { kind: 'moved', fromDate: review.date }, input.managerName);
  return { status: 'moved', review: stored, from: review };
}

/**
 * A move found stored by its key (pressed again, or delivered again): done, unless it stopped
 * after storing the new plan (a failure retiring the old one): then the old one is retired now
 * and the professional told, as the first press would have (the notice's key keeps it once).
 */
async function finishMove(deps: TalentReviewDeps, done: TalentReview, mine: TalentReview[], managerName: string | undefined): Promise<PlanChange> {
  const left = done.movedFrom ? mine.find((r) => r.id === done.movedFrom && r.id !== done.id) : undefined;
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
 */
export async function cancelConversation(deps: TalentReviewDeps, managerId: string, reviewId: string, opts: { managerName?: string; planned?: string } = {}): Promise<PlanChange> {
  const review = await deps.reviews.get(managerId, reviewId);
  // Gone, or a plan of the same date made after the card (its press delivered again after a new plan): nothing to cancel.
  if (!review || (opts.planned && review.createdAt !== opts.planned)) return { status: 'notPlanned' };
  if (conversationHeld(review, deps.clock.now())) return { status: 'held', review };
  await retire(deps, review, 'cancelled');
  await tellProfessional(deps, review, { kind: 'cancelled' }, opts.managerName);
  return { status: 'cancelled', review };
}
