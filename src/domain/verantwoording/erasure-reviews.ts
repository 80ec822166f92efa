import { DateTime } from 'luxon';
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

/**
 * What stays of a talentontwikkelgesprek when the manager who planned it is erased: that it was
 * planned and when, about whom, as the professional's own story and HR's finished months read it
 * (deleting it changed a month HR had read by that one manager's conversations and quote). Listed
 * field by field on purpose, as MANAGERS_OWN is. Nothing of the manager stays: not their id (the
 * erasure's marker instead), nor their chat (only its tenant, by which HR's report finds the
 * tenant's conversations), nor their words (the account and its share: theirs to erase, so a
 * month's accounts and quotes change as they do when a professional is erased), nor any key or id
 * that hashes their id (the press keys, `movedFrom`). The phase they proposed stays: it is about
 * the professional's traject, which the professional was shown.
 */
const CONVERSATION_FACTS = ['reportId', 'reportName', 'date', 'timeZone', 'prepDaysBefore', 'phaseProposal', 'prepAt', 'prepSentAt', 'createdAt'] as const satisfies readonly (keyof TalentReview)[];

export function forgetManagerInReview(review: TalentReview, a: Anonymiser): TalentReview {
  const kept: Partial<TalentReview> = {};
  for (const field of CONVERSATION_FACTS) if (review[field] !== undefined) (kept as Record<string, unknown>)[field] = review[field];
  const tenantId = (review.conversationRef.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return {
    ...(kept as Pick<TalentReview, (typeof CONVERSATION_FACTS)[number]>),
    // Not from the old id (a hash over the manager's id, testable with the marker next to it); the
    // moment it was planned keeps two about erased professionals on one day apart. A run again
    // writes the same.
    id: stableId('review', a.marker, review.reportId, review.date, review.createdAt),
    type: 'talentReview',
    managerId: a.marker,
    conversationRef: { conversation: { id: ERASED_ID, ...(typeof tenantId === 'string' ? { tenantId } : {}) } },
  };
}

/**
 * Whether the conversation's day has come in its own time zone: a manager's erasure keeps it then
 * (forgetManagerInReview), as a month it is in may be over for HR already where the organisation
 * is. One still ahead will not take place with them: it goes, as before.
 */
export function keptAfterManagerErasure(review: Pick<TalentReview, 'date' | 'timeZone'>, now: Date): boolean {
  return DateTime.fromJSDate(now, { zone: review.timeZone }).toISODate()! >= review.date;
}
