import { stableId } from '../shared/ids';
import { TalentReview } from '../talent-review/review';
import { Anonymiser, ERASED_ID, ERASED_NAME } from './erasure';

/**
 * What stays of a planned talentontwikkelgesprek when its report is erased: the manager's own
 * part only. Listed field by field on purpose, so a field added to TalentReview later (say, a
 * phase the manager proposes for the report) is dropped here until someone decides it is the
 * manager's. The manager's facilitation account ("wat heb ik gefaciliteerd?") is their own
 * accountability and stays; HR's count of facilitation accounts still adds up. So does when it was
 * first written (the manager's own moment, nothing of the report's): the report counts an account
 * only in a month it was written before the end of (computeFacilitation). Its share does not stay
 * (`shareFacilitation`, and with it `sharedSince`, when sharing began): the quote of a conversation
 * with someone erased leaves the report at once, as a withdrawal's would, and comes back in no
 * month.
 */
const MANAGERS_OWN = ['managerId', 'date', 'timeZone', 'prepDaysBefore', 'conversationRef', 'facilitated', 'firstFacilitatedAt', 'prepSentAt', 'createdAt'] as const satisfies readonly (keyof TalentReview)[];

export function forgetReportInReview(review: TalentReview, a: Anonymiser): TalentReview {
  const kept: Partial<TalentReview> = {};
  for (const field of MANAGERS_OWN) if (review[field] !== undefined) (kept as Record<string, unknown>)[field] = review[field];
  // An account from before stop 50 has only its last change: kept as its first, as the report reads it.
  if (review.facilitated && !review.firstFacilitatedAt && review.facilitatedAt) kept.firstFacilitatedAt = review.facilitatedAt;
  return {
    ...(kept as Pick<TalentReview, (typeof MANAGERS_OWN)[number]>),
    // The old id is a hash of manager, report and date; a new one from the erasure's random marker
    // points to nobody, and is the same when an interrupted erasure runs again.
    id: stableId('review', review.managerId, a.marker, review.date),
    type: 'talentReview',
    reportId: ERASED_ID,
    reportName: ERASED_NAME[a.language],
  };
}
