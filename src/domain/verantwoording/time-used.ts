import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';

/** Every session of a Vitale Weekcyclus is one hour of learning time. */
export const HOURS_PER_SESSION = 1;
export const MAX_HOURS_PER_CYCLE = 40;

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

/** Half hours at most, so a figure reads like time spent, not like a measurement. */
export function checkHours(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS_PER_CYCLE) {
    throw new DomainError('invalidInput', { detail: 'hours', input: { field: 'hours', rule: 'range', params: { min: 0, max: MAX_HOURS_PER_CYCLE } } });
  }
  return Math.round(hours * 2) / 2;
}

export function blankTimeUsed(userId: string, groupId: string, cycleId: string, now: Date): TimeUsed {
  return { id: timeUsedId(userId, cycleId), type: 'timeUsed', userId, groupId, cycleId, visibility: 'private', updatedAt: now.toISOString() };
}

export function correctHours(record: TimeUsed, hours: number, now: Date): TimeUsed {
  const h = checkHours(hours);
  return record.hours === h ? record : { ...record, hours: h, updatedAt: now.toISOString() };
}
