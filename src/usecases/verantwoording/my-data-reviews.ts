import { MaturityPhase } from '../../domain/talent-review/maturity';
import { managerPartShown } from '../talent-review/for-professional';
import { prepRefreshJobId, TalentReview } from '../../domain/talent-review/review';
import { ReviewManagersDoc } from '../../domain/talent-review/review-managers';
import { DeletedTeamAccount, recipientCount, TeamAccountRecord } from '../../domain/talent-review/team-account';
import { ReviewRequestRecord, WithdrawnReviewRequest } from '../../domain/talent-review/review-request';
import { Anonymiser, ERASED_ID } from '../../domain/verantwoording/erasure';
import { forgetReportInReview } from '../../domain/verantwoording/erasure-reviews';
import { REVIEW_JOB } from '../talent-review/deps';
import { prepJobIds } from '../talent-review/plan-review';
import { PREP_REFRESH_JOB } from '../talent-review/prep';
import { VerantwoordingDeps } from './deps';

/**
 * The talentontwikkelgesprekken in "mijn gegevens": as the manager who planned them, and as the
 * professional they were about. This file is the one place that decides what each side gets.
 */
export interface ReviewsExport {
  /** Conversations this person planned as a manager: their own record, all of it. */
  asManager: Omit<TalentReview, 'type' | 'conversationRef'>[];
  /** Conversations about this person, planned by their manager. */
  asReport: ReportReviewExport[];
  /**
   * The managers their own partition keeps as having planned a conversation about them (the
   * `reviewManagers` record: how their verantwoording finds those conversations, and whose prep
   * cards follow what they share). It outlives a cancelled conversation, so it is theirs to see
   * on its own: who is kept, nothing more.
   */
  plannedBy: string[];
  /**
   * As a manager: their accounts to their team, as kept for them to look back on (their words,
   * when, in which language, to how many, and whether it went up to their own manager), oldest first.
   * Absent when they keep none. They live in the person's own partition, so their erasure deletes
   * them with the rest of it.
   */
  teamAccounts?: TeamAccountExport[];
  /**
   * What the accounts they deleted from their list left for a week (their ids taken, so their cards
   * still waiting go and a send press Teams delivers again keeps nothing; since stop 60): the id,
   * when, and until when it is kept, as `requestsWithdrawn` lists a withdrawn request's; nothing the
   * account said, nor to whom or how many. Oldest first; absent when none.
   */
  teamAccountsDeleted?: DeletedTeamAccountExport[];
  /**
   * As a professional: the requests for a talentontwikkelgesprek they sent and keep (when, to which
   * manager by id, their message as sent), oldest first; absent when they keep none. In their own
   * partition, so their erasure deletes them with the rest of it.
   */
  requestsMade?: ReviewRequestExport[];
  /**
   * What the requests they withdrew left for three days (their ids taken, so a send press Teams
   * delivers again keeps nothing): the id, when, and until when it is kept, as `deletedNotes` lists
   * a deleted note's; nothing the request said, nor to whom. Oldest first; absent when none.
   */
  requestsWithdrawn?: WithdrawnRequestExport[];
  /**
   * As a manager: the requests for a talentontwikkelgesprek their reports sent them and keep (who
   * asked by id, when, the message their card showed), oldest first; absent when none. The
   * records are the reports' (their erasure deletes them; this manager's takes the id off them).
   */
  requestsReceived?: ReceivedRequestExport[];
}

/** A request sent to this manager, as their export lists it. */
export interface ReceivedRequestExport {
  id: string;
  from: string;
  sentAt: string;
  message?: string;
}

/** The requests kept as sent to this manager, oldest first. */
async function requestsReceivedBy(deps: VerantwoordingDeps, managerId: string): Promise<ReceivedRequestExport[]> {
  const records = (await deps.dataRights.reviewRequests?.toManager(managerId)) ?? [];
  return records
    .filter((r) => r.managerId === managerId)
    .map((r) => ({ id: r.id, from: r.userId, sentAt: r.sentAt, ...(r.message ? { message: r.message } : {}) }))
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

/** A withdrawn request's mark as the export lists it. */
export interface WithdrawnRequestExport {
  id: string;
  withdrawnAt: string;
  keptUntil: string;
}

/** The marks withdrawn requests left, oldest first. */
function requestsWithdrawnOf(own: readonly { type: string }[], userId: string): WithdrawnRequestExport[] {
  return own
    .filter((r): r is WithdrawnReviewRequest => r.type === 'reviewRequestWithdrawn' && (r as WithdrawnReviewRequest).userId === userId)
    .map((r) => ({ id: r.id, withdrawnAt: r.withdrawnAt, keptUntil: new Date(Date.parse(r.withdrawnAt) + r.ttl * 1000).toISOString() }))
    .sort((a, b) => a.withdrawnAt.localeCompare(b.withdrawnAt) || a.id.localeCompare(b.id));
}

/** A deleted account's mark as the export lists it. */
export interface DeletedTeamAccountExport {
  id: string;
  deletedAt: string;
  keptUntil: string;
}

/** The marks deleted accounts left, oldest first. */
function teamAccountsDeletedOf(own: readonly { type: string }[], userId: string): DeletedTeamAccountExport[] {
  return own
    .filter((r): r is DeletedTeamAccount => r.type === 'teamAccountDeleted' && (r as DeletedTeamAccount).userId === userId)
    .map((r) => ({ id: r.id, deletedAt: r.deletedAt, keptUntil: new Date(Date.parse(r.deletedAt) + r.ttl * 1000).toISOString() }))
    .sort((a, b) => a.deletedAt.localeCompare(b.deletedAt) || a.id.localeCompare(b.id));
}

/** A kept request as the professional exports it: all of it but its type and partition key. */
export type ReviewRequestExport = Omit<ReviewRequestRecord, 'type' | 'userId'>;

/** The professional's kept requests, from the records of their own partition, oldest first. */
function requestsMadeOf(own: readonly { type: string }[], userId: string): ReviewRequestExport[] {
  return own
    .filter((r): r is ReviewRequestRecord => r.type === 'reviewRequest' && (r as ReviewRequestRecord).userId === userId)
    .map((r) => ({ id: r.id, ...(r.managerId ? { managerId: r.managerId } : {}), sentAt: r.sentAt, ...(r.message ? { message: r.message } : {}) }))
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

/** A kept account to the team as the list shows it: to how many, never who (an older record that named them is read as its count). */
export type TeamAccountExport = Pick<TeamAccountRecord, 'id' | 'text' | 'sentAt' | 'language' | 'toOwnManager'> & { recipientCount: number };

/** The manager's kept accounts, from the records of their own partition, oldest first. */
function teamAccountsOf(own: readonly { type: string }[], userId: string): TeamAccountExport[] {
  return own
    .filter((r): r is TeamAccountRecord => r.type === 'teamAccount' && (r as TeamAccountRecord).userId === userId)
    .map((r) => ({ id: r.id, text: r.text, sentAt: r.sentAt, language: r.language, recipientCount: recipientCount(r), toOwnManager: r.toOwnManager }))
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}

export interface ReportReviewExport {
  reviewId: string;
  managerId: string;
  date: string;
  timeZone: string;
  plannedAt: string;
  prepSentAt?: string;
  /** The phase the manager proposes for the conversation (the professional's own choice is unchanged). */
  phaseProposal?: { phase: MaturityPhase; at: string };
  /** What the manager facilitated: as in the verantwoording, only once the conversation was held. */
  facilitated?: { text: string; at?: string };
}

/** The manager's record, without the technical address of their chat with the bot. */
function reviewForManager(r: TalentReview): ReviewsExport['asManager'][number] {
  const { type: _type, conversationRef: _ref, ...own } = r;
  return own;
}

/** What the professional gets of a conversation about them: exactly what their verantwoording shows them. */
function reviewForReport(r: TalentReview, now: Date): ReportReviewExport {
  const shown = managerPartShown(r, now);
  return {
    reviewId: r.id,
    managerId: r.managerId,
    date: r.date,
    timeZone: r.timeZone,
    plannedAt: r.createdAt,
    ...(r.prepSentAt ? { prepSentAt: r.prepSentAt } : {}),
    ...(shown.phaseProposal ? { phaseProposal: shown.phaseProposal } : {}),
    ...(shown.facilitated ? { facilitated: shown.facilitated } : {}),
  };
}

/** The managers kept in the person's own `reviewManagers` record (`own`: the records of their own partition). */
function managersKeptAbout(own: readonly { type: string }[], userId: string): string[] {
  const kept = own.find((r): r is ReviewManagersDoc => r.type === 'reviewManagers' && (r as ReviewManagersDoc).userId === userId);
  return kept ? [...kept.managerIds] : [];
}

/** `own`: the records of the person's own partition, as the export read them. */
export async function exportReviews(deps: VerantwoordingDeps, userId: string, own: readonly { type: string }[]): Promise<ReviewsExport> {
  const [{ asManager, asReport }, requestsReceived] = await Promise.all([reviewTraces(deps, userId), requestsReceivedBy(deps, userId)]);
  const byDate = <T extends { date: string }>(list: T[]) => list.sort((a, b) => a.date.localeCompare(b.date));
  const teamAccounts = teamAccountsOf(own, userId);
  const teamAccountsDeleted = teamAccountsDeletedOf(own, userId);
  const requestsMade = requestsMadeOf(own, userId);
  const requestsWithdrawn = requestsWithdrawnOf(own, userId);
  return {
    asManager: byDate(asManager.map(reviewForManager)),
    asReport: byDate(asReport.map((r) => reviewForReport(r, deps.clock.now()))),
    plannedBy: managersKeptAbout(own, userId),
    ...(teamAccounts.length ? { teamAccounts } : {}),
    ...(teamAccountsDeleted.length ? { teamAccountsDeleted } : {}),
    ...(requestsMade.length ? { requestsMade } : {}),
    ...(requestsWithdrawn.length ? { requestsWithdrawn } : {}),
    ...(requestsReceived.length ? { requestsReceived } : {}),
  };
}

/** The person's reviews, on both sides. */
export interface ReviewTraces {
  asManager: TalentReview[];
  asReport: TalentReview[];
}

export async function reviewTraces(deps: VerantwoordingDeps, userId: string): Promise<ReviewTraces> {
  const [asManager, asReport] = await Promise.all([deps.dataRights.reviews.asManager(userId), deps.dataRights.reviews.asReport(userId)]);
  return { asManager, asReport: asReport.filter((r) => r.reportId === userId) };
}

/**
 * A review's prep jobs: by the ids its plan gives, and then any other of its own (a plan made
 * before its moment was fixed, under holidays since changed, has one under an id none of these name).
 */
async function forgetPrepJobs(deps: VerantwoordingDeps, review: TalentReview): Promise<void> {
  for (const id of prepJobIds(review, deps.dataRights.holidays)) await deps.dataRights.jobs.forget(id);
  await deps.dataRights.jobs.forgetWithPayload(REVIEW_JOB, { reviewId: review.id });
}

/**
 * Erasing a manager removes the conversations they planned; erasing a report keeps only the
 * manager's own part of each conversation about them (forgetReportInReview). Either way the
 * scheduled prep card goes too, and a prep card already in a manager's chat is rebuilt in place
 * without anything of the report. Safe to run again: the new review's id comes from the marker.
 */
export async function eraseReviews(deps: VerantwoordingDeps, traces: ReviewTraces, who: Anonymiser): Promise<number> {
  // First, while the reviews still know the messages that show their prep cards (the erasure's
  // ticket makes those rebuilds show nothing of the report, see refreshPrepCards).
  if (traces.asReport.some((r) => r.reportId !== ERASED_ID)) await deps.sharingErased?.(who.userId);
  // A retry of an earlier rebuild has nothing left to do, and its payload names the person: the
  // retry after a failure, and any that waits for the directory (an id of its own per window).
  await deps.dataRights.jobs.forget(prepRefreshJobId(who.userId));
  await deps.dataRights.jobs.forgetWithPayload(PREP_REFRESH_JOB, { reportId: who.userId });
  for (const r of traces.asManager) {
    await forgetPrepJobs(deps, r);
    await deps.dataRights.reviews.remove(r);
  }
  await deps.dataRights.reviewManagers.forgetManager(who.userId);
  for (const r of traces.asReport) {
    if (r.reportId === ERASED_ID) continue;
    await forgetPrepJobs(deps, r);
    await deps.dataRights.reviews.replace(r, forgetReportInReview(r, who));
  }
  return traces.asManager.length + traces.asReport.length;
}
