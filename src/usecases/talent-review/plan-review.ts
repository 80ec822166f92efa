import { DomainError } from '../../domain/shared/errors';
import { MaturityPhase } from '../../domain/talent-review/maturity';
import { conversationHeld, planReview, prepDueAt, proposePhase, recordFacilitated, TalentReview } from '../../domain/talent-review/review';
import { ERASED_ID } from '../../domain/week-cycle/session-items';
import { DirectoryPerson } from '../../domain/directory/manager-directory';
import { REVIEW_JOB, TalentReviewDeps } from './deps';
import { teamsOfReport } from './report-teams';

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
  await deps.reviewManagers.record(report.id, managerId);
  await deps.scheduler.schedule({ id: prepJobId(review.id), kind: REVIEW_JOB, dueAt: prepDueAt(review, now).toISOString(), payload: { managerId, reviewId: review.id } });
  return review;
}

export async function loadOwnReview(deps: TalentReviewDeps, managerId: string, reviewId: string): Promise<TalentReview> {
  const review = await deps.reviews.get(managerId, reviewId);
  if (!review) throw new DomainError('notFound', 'review');
  await requireDirectManager(deps, managerId, review.reportId);
  return review;
}

/** The manager proposes a phase for the conversation; the professional's own choice stays theirs, and they see the proposal. */
export async function proposeReviewPhase(deps: TalentReviewDeps, managerId: string, reviewId: string, phase: MaturityPhase): Promise<TalentReview> {
  await loadOwnReview(deps, managerId, reviewId);
  const now = deps.clock.now();
  return deps.reviews.update(managerId, reviewId, (r) => proposePhase(r, phase, now));
}

/**
 * The manager's account of what they facilitated, shown to the professional after the
 * conversation; HR quotes it (grouped under the report's teams) only when `share` is ticked.
 */
export async function saveFacilitated(deps: TalentReviewDeps, managerId: string, reviewId: string, input: { text: string; share?: boolean }): Promise<TalentReview> {
  const review = await loadOwnReview(deps, managerId, reviewId);
  const tenant = (review.conversationRef.conversation as { tenantId?: string } | undefined)?.tenantId;
  const teams = input.share ? (await teamsOfReport(deps, review.reportId, tenant)).map((t) => t.name ?? t.teamId) : [];
  const now = deps.clock.now();
  return deps.reviews.update(managerId, reviewId, (r) => recordFacilitated(r, { text: input.text, share: input.share, teams }, now));
}

/** Conversations still ahead, by the date in each conversation's own time zone. */
export async function upcomingReviews(deps: TalentReviewDeps, managerId: string): Promise<TalentReview[]> {
  const now = deps.clock.now();
  // A review whose report erased their data stays only as the manager's own account.
  return (await deps.reviews.listByManager(managerId)).filter((r) => !conversationHeld(r, now) && r.reportId !== ERASED_ID);
}
