import { DomainError } from '../../domain/shared/errors';
import { MaturityPhase } from '../../domain/talent-review/maturity';
import { planReview, prepDueAt, recordFacilitated, TalentReview } from '../../domain/talent-review/review';
import { ERASED_ID } from '../../domain/week-cycle/session-items';
import { DirectoryPerson } from '../../domain/directory/manager-directory';
import { REVIEW_JOB, TalentReviewDeps } from './deps';

/** Only the direct manager, as the directory says now, may plan for or read about a report. */
export async function requireDirectManager(deps: TalentReviewDeps, managerId: string, reportId: string): Promise<void> {
  if ((await deps.directory.managerOf(reportId)) !== managerId) throw new DomainError('forbidden', 'not the direct manager');
}

export async function directReports(deps: TalentReviewDeps, managerId: string): Promise<DirectoryPerson[]> {
  return deps.directory.directReports(managerId);
}

/** The scheduled job that sends a review's prep card (erasure removes it with the review). */
export function prepJobId(reviewId: string): string {
  return `${reviewId}_prep`;
}

export interface PlanInput {
  reportId: string;
  date: string;
  timeZone: string;
  prepDaysBefore?: number;
  conversationRef: Record<string, unknown>;
}

/** Plans a conversation with a direct report and schedules its prep card (once, durably). */
export async function planConversation(deps: TalentReviewDeps, managerId: string, input: PlanInput): Promise<TalentReview> {
  await requireDirectManager(deps, managerId, input.reportId);
  const report = (await deps.directory.directReports(managerId)).find((r) => r.id === input.reportId);
  if (!report) throw new DomainError('forbidden', 'not a direct report');
  const now = deps.clock.now();
  const planned = planReview(
    { managerId, reportId: report.id, reportName: report.name, date: input.date, timeZone: input.timeZone, prepDaysBefore: input.prepDaysBefore ?? deps.prepDaysBefore, conversationRef: input.conversationRef },
    now,
  );
  const { review } = await deps.reviews.create(planned);
  await deps.scheduler.schedule({ id: prepJobId(review.id), kind: REVIEW_JOB, dueAt: prepDueAt(review, now).toISOString(), payload: { managerId, reviewId: review.id } });
  return review;
}

export async function loadOwnReview(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<TalentReview> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review) throw new DomainError('notFound', 'review');
  await requireDirectManager(deps, managerId, review.reportId);
  return review;
}

export async function pickPhase(deps: TalentReviewDeps, managerId: string, reviewId: string, phase: MaturityPhase): Promise<TalentReview> {
  await loadOwnReview(deps, managerId, reviewId);
  return deps.reviews.update(managerId, reviewId, (r) => (r.managerPhasePick === phase ? r : { ...r, managerPhasePick: phase }));
}

export async function saveFacilitated(deps: TalentReviewDeps, managerId: string, reviewId: string, text: string): Promise<TalentReview> {
  await loadOwnReview(deps, managerId, reviewId);
  return deps.reviews.update(managerId, reviewId, (r) => recordFacilitated(r, text));
}

export async function upcomingReviews(deps: TalentReviewDeps, managerId: string): Promise<TalentReview[]> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  // A review whose report erased their data stays only as the manager's own account.
  return (await deps.reviews.listByManager(managerId)).filter((r) => r.date >= today && r.reportId !== ERASED_ID);
}
