import { PersonalAnswer, Visibility } from '../personal/personal-answer';
import { AccountabilityNote } from './accountability-note';
import { UserPreferences } from './preferences';
import { ProfTraject } from './prof-traject';
import { TimeUsed } from './time-used';
import { ErasureTicket } from './erasure-ticket';
import { MembershipIndexDoc } from '../week-cycle/membership-index';

/** Everything kept in one professional's own partition. */
export type PersonalRecord = AccountabilityNote | PersonalAnswer | ProfTraject | TimeUsed | UserPreferences | MembershipIndexDoc | ErasureTicket;

/** The records a professional can share with their manager, entry by entry. */
export type ShareableRecord = AccountabilityNote | PersonalAnswer | ProfTraject | TimeUsed;

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

/** Changing who sees an entry never touches its content, so it merges with any concurrent edit. */
export function withVisibility<R extends ShareableRecord>(record: R, visibility: Visibility, now: Date): R {
  if (record.visibility === visibility) return record;
  return { ...record, visibility, updatedAt: now.toISOString() };
}
