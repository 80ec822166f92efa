import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';

/** Every session of a Vitale Weekcyclus is one hour of learning time. */
export const HOURS_PER_SESSION = 1;
export const MAX_HOURS_PER_CYCLE = 40;
/** Hours are kept in whole or half hours. */
export const HOURS_STEP = 0.5;

/**
 * The learning time a professional used in one cycle. Computed from the sessions they attended;
 * this record exists only once they corrected the hours or changed who may see them.
 */
export interface TimeUsed {
  id: string;
  type: 'timeUsed';
  userId: string;
  groupId: string;
  cycleId: string;
  /** The professional's own figure; undefined means "as attended". */
  hours?: number;
  visibility: Visibility;
  /**
   * Counts the corrections of `hours` (as a note's `rev` counts its text edits), so a correction
   * made from a view opened earlier (a time card in the chat, the tab) is refused instead of
   * silently putting back an older figure. Absent on a record stored before revisions were kept
   * (and on one that only holds a visibility): read it with `timeUsedRev`.
   */
  rev?: number;
  /** Counts the changes of who may see it (see `withVisibility`); absent: never changed. */
  visibilityRev?: number;
  updatedAt: string;
}

export function timeUsedId(userId: string, cycleId: string): string {
  return stableId('tu', userId, cycleId);
}

export function attendedHours(sessionsAttended: number): number {
  return sessionsAttended * HOURS_PER_SESSION;
}

export function hoursUsed(sessionsAttended: number, record: TimeUsed | undefined): number {
  return record?.hours ?? attendedHours(sessionsAttended);
}

/**
 * Whole or half hours, so a figure reads like time spent, not like a measurement. Another figure
 * is refused (rule `format`), never rounded: what is stored and shown as the person's own figure
 * is the one they gave.
 */
export function checkHours(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS_PER_CYCLE) {
    throw new DomainError('invalidInput', { detail: 'hours', input: { field: 'hours', rule: 'range', params: { min: 0, max: MAX_HOURS_PER_CYCLE } } });
  }
  // `step` tells this refusal from a figure that is no number at all (also `format`).
  if (!Number.isInteger(hours / HOURS_STEP)) throw new DomainError('invalidInput', { detail: 'hours not in half hours', input: { field: 'hours', rule: 'format', params: { step: HOURS_STEP } } });
  return hours;
}

export function blankTimeUsed(userId: string, groupId: string, cycleId: string, now: Date): TimeUsed {
  return { id: timeUsedId(userId, cycleId), type: 'timeUsed', userId, groupId, cycleId, visibility: 'private', updatedAt: now.toISOString() };
}

/**
 * The revision of the hours as stored: 0 while they are as attended (no record, or one that only
 * holds a visibility), 1 for a figure of the person's own stored before revisions were kept.
 */
export function timeUsedRev(record: TimeUsed | undefined): number {
  if (!record) return 0;
  return record.rev ?? (record.hours === undefined ? 0 : 1);
}

/** A stored record with its revision spelled out, so every reader (the tab, a card) can send it back. */
export function withTimeUsedRev(record: TimeUsed): TimeUsed {
  return record.rev === undefined ? { ...record, rev: timeUsedRev(record) } : record;
}

/**
 * The professional's own figure, corrected from the revision the form showed (`seenRev`). A
 * figure of theirs stored since (the tab, another card) is not overwritten unseen: `conflict`.
 *
 * `seenRev` undefined is a form from before revisions (a card still open in the chat, a tab loaded
 * earlier): what it showed cannot be known, and it was made before any figure stored with a
 * revision. It is read as "as attended" (0): refused whenever a figure of their own is stored that
 * it would replace. The refusal shows both figures and carries the revision, so keeping the typed
 * one costs one more press, where a save let through could silently undo a newer correction.
 */
export function correctHours(record: TimeUsed, hours: number, seenRev: number | undefined, now: Date): TimeUsed {
  const h = checkHours(hours);
  // A save that changes nothing overwrites nothing either (also the same save arriving twice).
  if (record.hours === h) return record;
  const stored = timeUsedRev(record);
  // Only a figure of their own can be lost; hours as attended (also after an erasure) are no conflict.
  if (record.hours !== undefined && (seenRev ?? 0) !== stored) throw new DomainError('conflict', 'hours changed since they were shown');
  return { ...record, hours: h, rev: stored + 1, updatedAt: now.toISOString() };
}
