import { DomainError } from '../shared/errors';
import { keyedDigest, stableId } from '../shared/ids';
import { overLimit, trimText, withoutControlCharacters } from '../shared/text';
import { conversationHeld, TalentReview } from './review';

/** The longest message a professional sends with a request for a talentontwikkelgesprek. */
export const MAX_REQUEST_MESSAGE_LENGTH = 500;

/**
 * A professional asks their manager for a talentontwikkelgesprek: the professional owns their
 * story, so they may take the initiative. The manager's card names only the professional and
 * carries only this message: nothing of their notes or what they share.
 */
export interface ReviewRequest {
  professionalId: string;
  /** How the manager's card names the professional; absent: "one of your team". */
  professionalName?: string;
  managerId: string;
  /** The professional's own words, if any: shown to the manager as plain text. */
  message?: string;
}

/** The message as it is sent: trimmed, without control characters; refused over the limit; empty is none. */
export function requestMessage(text: string | undefined): string | undefined {
  const message = trimText(withoutControlCharacters(text ?? ''));
  const over = overLimit(message, MAX_REQUEST_MESSAGE_LENGTH);
  if (over) {
    throw new DomainError('invalidInput', { detail: 'request message too long', input: { field: 'text', rule: 'tooLong', params: { max: MAX_REQUEST_MESSAGE_LENGTH, count: over } } });
  }
  return message || undefined;
}

/** The first conversation with this manager still ahead (today counts), if any. */
export function plannedAhead(reviews: TalentReview[], professionalId: string, now: Date): TalentReview | undefined {
  return reviews
    .filter((r) => r.reportId === professionalId && !conversationHeld(r, now))
    .sort((a, b) => a.date.localeCompare(b.date))[0];
}

/**
 * The key of one request: the press that sent it (set when the form was rendered), so Teams
 * delivering that press again sends nothing twice, while a new form sends a new request.
 */
export function requestKey(professionalId: string, pressKey: string): string {
  return `talentReview.request:${stableId('rq', professionalId, pressKey)}`;
}

/**
 * The digest of a request's message its queued card carries, so a try that finds the card queued
 * knows whether its own words are the ones going: equal only for the same words under the same
 * press. Keyed with the press key itself (random, set when the form was rendered, never stored),
 * not with `requestKey`: that one is the record's id (reviewRequestRecordId) under another prefix,
 * stored in the same job, so a digest under it let anyone reading the job test guesses of the words.
 */
export function requestWordsDigest(pressKey: string, message: string): string {
  return keyedDigest('lerend-werken/review-request-words/v1', pressKey, message);
}

/**
 * Port: delivers a request to the manager's own 1:1 chat with the bot, in the manager's language.
 * `key` sends it once however often it is handed over; erasing the professional removes it.
 * Resolves `alreadyQueued` when a request was queued under this key before (a try whose answer
 * was lost): that one goes, with its own message, not the one handed over now;
 * `alreadyQueuedSameWords` when the request queued before is known to carry this very message (the
 * same press delivered twice at once): what goes is these words, so they may be kept; `erasedKey`
 * when the key is held by what an erasure (the professional's or the manager's) left of that
 * request: nothing goes, and nothing of the press is to be kept again.
 */
export interface ReviewRequestDelivery {
  deliver(request: ReviewRequest, key: string): Promise<'alreadyQueued' | 'alreadyQueuedSameWords' | 'erasedKey' | undefined>;
}

/**
 * A request as the professional keeps it (they asked; it is theirs to look back on), in their own
 * `personal` partition: when, to which manager (by id only: the name is read from the directory
 * when shown), and their message as sent. Kept only when a request was sent. A manager who erases
 * their data leaves the record without their id (see ReviewRequestsErasure); the professional's
 * own erasure deletes it with the rest of their partition.
 */
export interface ReviewRequestRecord {
  id: string;
  type: 'reviewRequest';
  /** The professional (the partition). */
  userId: string;
  /** The manager it went to; absent once that manager erased their data. */
  managerId?: string;
  sentAt: string;
  /** Their message as sent; absent when they wrote none. */
  message?: string;
  /**
   * Another delivery of the same press (Teams delivering it again, or to another instance) found
   * this record and answered "sent" on it: the delivery that created it no longer takes it back
   * (its save window's take-back deletes only a record as it wrote it), and answers "sent" as well.
   * Absent on older records, and on a record only its creating delivery answered on.
   */
  confirmed?: true;
}

/** The record's id: one per professional and press of the form's send button (Teams delivering it again finds it). */
export function reviewRequestRecordId(professionalId: string, pressKey: string): string {
  return stableId('rqr', professionalId, pressKey);
}

/** The day (yyyy-mm-dd) an instant falls on in a time zone. */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/**
 * Whether a conversation answers a request: it was planned (stored) after the request was sent.
 * A conversation planned before it (held by then, or the send would have been refused) does not,
 * whatever its date. A record without its planning time is read by its date in its own time zone
 * (the zone `plannedAhead` reads it in), against the day the request was sent there.
 */
export function answersRequest(review: Pick<TalentReview, 'date' | 'timeZone' | 'createdAt'>, sentAt: string): boolean {
  if (review.createdAt) return review.createdAt >= sentAt;
  return review.date >= dayIn(sentAt, review.timeZone);
}

/**
 * The professional's latest request to this manager, while it is unanswered: no conversation with
 * that manager about them was planned after it was sent (`reviews`: the manager's conversations
 * about them; see answersRequest). A request to another manager (the directory's manager changed
 * since), or one answered by a plan, is not open: "Wat ziet mijn leidinggevende?" lists it among
 * the kept ones, to withdraw, and it stays in their export until they do.
 */
export function openRequest(records: readonly ReviewRequestRecord[], managerId: string, professionalId: string, reviews: readonly TalentReview[]): ReviewRequestRecord | undefined {
  const latest = newestFirst(records.filter((r) => r.managerId === managerId))[0];
  if (!latest) return undefined;
  const answered = reviews.some((r) => r.managerId === managerId && r.reportId === professionalId && answersRequest(r, latest.sentAt));
  return answered ? undefined : latest;
}

/** Kept requests newest first (ties by id, so the order is stable). */
export function newestFirst<T extends Pick<ReviewRequestRecord, 'id' | 'sentAt'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id));
}

/**
 * What a withdrawn request leaves for a few days, under the request's own id (as a deleted note
 * does, DeletedNote): that it was withdrawn, and nothing it said or whom it went to. Teams may
 * deliver the send press again (or the form is still open elsewhere) after the withdraw; that
 * send then finds this where the record was and keeps nothing, at no extra request (a create whose
 * id is taken reads what holds it anyway). Never shown; the export lists it as it lists a deleted
 * note's. Expires by itself (`ttl`).
 */
export interface WithdrawnReviewRequest {
  id: string;
  type: 'reviewRequestWithdrawn';
  userId: string;
  withdrawnAt: string;
  /** Seconds after the withdraw until the store removes it. */
  ttl: number;
}

/** How long a withdrawn request's id stays taken: three days, as a deleted note's (DELETED_NOTE_TTL_SECONDS); Teams redelivers within minutes. */
export const WITHDRAWN_REQUEST_TTL_SECONDS = 3 * 24 * 3600;

/** The record withdrawn: its id kept for a few days, without its message or manager. */
export function withdrawnRequest(record: Pick<ReviewRequestRecord, 'id' | 'userId'>, now: Date): WithdrawnReviewRequest {
  return { id: record.id, type: 'reviewRequestWithdrawn', userId: record.userId, withdrawnAt: now.toISOString(), ttl: WITHDRAWN_REQUEST_TTL_SECONDS };
}

/** Port: the professional's kept requests, in their own partition. */
export interface ReviewRequestRepository {
  /**
   * Idempotent: the stored record when the id is taken (a press delivered again); `withdrawn` when
   * the id holds what a withdraw left (nothing is kept then).
   */
  create(record: ReviewRequestRecord): Promise<{ record: ReviewRequestRecord; created: boolean; version?: string } | { withdrawn: true }>;
  /**
   * Marks the record `confirmed` under its ETag (nothing written when it is already), before a
   * delivery that found it (did not create it) answers "sent": one write, `known` being the record
   * and its version as the create found it. Withdrawn since (its mark): left alone. Gone (taken back
   * by the delivery that created it, its save answered too late): throws, the error card, so
   * nothing said sent is gone.
   */
  confirm(professionalId: string, id: string, known?: { record: ReviewRequestRecord; version: string }): Promise<void>;
  /** Every request this professional keeps: one query in their own partition. */
  list(professionalId: string): Promise<ReviewRequestRecord[]>;
  /** A point read in their own partition; another's id finds nothing. */
  get(professionalId: string, id: string): Promise<ReviewRequestRecord | undefined>;
  /**
   * Withdraws their own record under its ETag: replaced by what keeps its id taken (withdrawnRequest,
   * `now`); false when there was none (withdrawn already, or not theirs).
   */
  withdraw(professionalId: string, id: string, now: Date): Promise<boolean>;
}

/**
 * Port: a manager's erasure takes their id off the requests professionals keep of asking them (the
 * record stays the professional's), and their export lists those requests. A query across
 * partitions, asked only by the erasure and the export (at the person's own request).
 */
export interface ReviewRequestsErasure {
  forgetManager(managerId: string): Promise<number>;
  /** Every kept request that names this manager (the same query): what they were sent, for their own export only. */
  toManager(managerId: string): Promise<ReviewRequestRecord[]>;
}
