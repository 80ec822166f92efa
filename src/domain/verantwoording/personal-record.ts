import { answerRev, PersonalAnswer, Visibility } from '../personal/personal-answer';
import { AccountabilityNote, DeletedNote } from './accountability-note';
import { UserPreferences } from './preferences';
import { ProfTraject, trajectRev } from './prof-traject';
import { DomainError } from '../shared/errors';
import { TimeUsed } from './time-used';
import { ErasureTicket } from './erasure-ticket';
import { ErasureReceipt } from './erasure-receipt';
import { MembershipIndexDoc } from '../week-cycle/membership-index';
import { ActiveWeek, TrajectEndMark } from './active-weeks';

/** Everything kept in one professional's own partition, and beside them the erasure receipts (in a partition of their own, naming nobody). */
export type PersonalRecord = AccountabilityNote | DeletedNote | SharedAnswer | ProfTraject | TimeUsed | UserPreferences | MembershipIndexDoc | ErasureTicket | ErasureReceipt | ActiveWeek | TrajectEndMark;

/**
 * A personal answer as the verantwoording keeps its sharing: with `visibilityRev` (see
 * `withVisibility`), as notes, the Prof-traject and time used have it. The answer's own type
 * belongs to the session flow (domain/personal), which never changes who sees it.
 */
export type SharedAnswer = PersonalAnswer & { visibilityRev?: number };

/** The records a professional can share with their manager, entry by entry. */
export type ShareableRecord = AccountabilityNote | SharedAnswer | ProfTraject | TimeUsed;

export type ShareableKind = 'note' | 'answer' | 'profTraject' | 'time';

export const KIND_OF_TYPE: Record<ShareableRecord['type'], ShareableKind> = {
  note: 'note',
  personalAnswer: 'answer',
  profTraject: 'profTraject',
  timeUsed: 'time',
};

export function isShareable(r: PersonalRecord): r is ShareableRecord {
  return r.type in KIND_OF_TYPE;
}

export function ofType<T extends PersonalRecord['type']>(records: PersonalRecord[], type: T): Extract<PersonalRecord, { type: T }>[] {
  return records.filter((r): r is Extract<PersonalRecord, { type: T }> => r.type === type);
}

/** How many times who may see the entry changed (absent on records from before it was counted: 0). */
export function visibilityRevOf(record: Pick<ShareableRecord, 'visibilityRev'> | undefined): number {
  return record?.visibilityRev ?? 0;
}

/**
 * Who may see an entry, as chosen on a view that showed its sharing at `seenRev` (a card's
 * "Delen met leidinggevende" or "Privé maken"). A choice made on an older view than the last
 * change (a press Teams delivers again after the owner changed her mind, a card left open
 * elsewhere) changes nothing: the newer choice stands, least of all is something taken back
 * from the manager given to them again. Without `seenRev` (a card or tab from before it was
 * sent) the choice wins, as it did. Changing who sees an entry never touches its content, so it
 * merges with any concurrent edit.
 */
export function withVisibility<R extends ShareableRecord>(record: R, visibility: Visibility, now: Date, seenRev?: number): R {
  if (record.visibility === visibility) return record;
  const rev = visibilityRevOf(record);
  if (seenRev !== undefined && seenRev !== rev) return record;
  return { ...record, visibility, visibilityRev: rev + 1, updatedAt: now.toISOString() };
}

/** The `conflict` detail of a share refused because its text changed since the view showed it (`requireTextSeen`). */
export const TEXT_CHANGED_SINCE_SHOWN = 'text changed since the view showed it';

/** The revision of an entry's own text (a note's, the Prof-traject's, a personal answer's); time used has none to check. */
export function textRevOf(record: ShareableRecord): number | undefined {
  if (record.type === 'note') return record.rev;
  if (record.type === 'profTraject') return trajectRev(record);
  if (record.type === 'personalAnswer') return answerRev(record);
  return undefined;
}

/**
 * Sharing an entry with a text of its own (a note, the Prof-traject, a personal answer) puts that
 * text before the manager: it must be the text the view pressed on showed (`seen.textRev`, its
 * revision). Written since on another surface (the tab, the chat's card, the session for an
 * answer), the share is refused with `conflict` (TEXT_CHANGED_SINCE_SHOWN), so words written as
 * private never reach the manager unseen. A view that sent no revision (a card from before it was
 * sent) cannot tell, and is refused too, unless the answer never changed (`onlyTextEver`): the
 * person sees the newest text and shares again. Only a share that would happen is checked:
 * taking one back, or a choice already made or made elsewhere since (`withVisibility`), is not.
 */
export function requireTextSeen(record: ShareableRecord, visibility: Visibility, seen: { visibilityRev?: number; textRev?: number }): void {
  if (record.visibility !== 'private' || visibility !== 'shared') return;
  if (seen.visibilityRev !== undefined && seen.visibilityRev !== visibilityRevOf(record)) return;
  const rev = textRevOf(record);
  if (rev === undefined || seen.textRev === rev) return;
  if (seen.textRev === undefined && onlyTextEver(record)) return;
  throw new DomainError('conflict', TEXT_CHANGED_SINCE_SHOWN);
}

/**
 * A personal answer never changed has had one text only, so any view of it (also one from before
 * answers had a revision, which sends none) showed the words a share puts before the manager.
 */
function onlyTextEver(record: ShareableRecord): boolean {
  return record.type === 'personalAnswer' && answerRev(record) === 1;
}

/** The `conflict` detail of an edit refused because its entry was shared since the view showed it (`requireSharingSeen`). */
export const SHARED_SINCE_SHOWN = 'shared since the view showed it';

/**
 * The mirror of `requireTextSeen`: new words saved on an entry shared with the manager go to the
 * manager, so they must be written on a view that showed it shared as it is (`seenVisibilityRev`,
 * its sharing's revision). Shared since (on the phone, in the chat) while the view still said
 * "privé", or from a view that sent no revision (a card or tab from before it was sent, which
 * cannot tell), the edit is refused with `conflict` (SHARED_SINCE_SHOWN); the person sees it is
 * shared and saves again if the manager may read it. An entry that is private now takes any edit.
 */
export function requireSharingSeen(record: Pick<ShareableRecord, 'visibility' | 'visibilityRev'>, seenVisibilityRev: number | undefined): void {
  if (record.visibility !== 'shared' || seenVisibilityRev === visibilityRevOf(record)) return;
  throw new DomainError('conflict', SHARED_SINCE_SHOWN);
}
