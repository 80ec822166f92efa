import { DEFAULT_TRAJECT_WEEKS } from '../verantwoording/prof-traject';

/** The organisation's default: four one-hour sessions in each active week. */
export const DEFAULT_LEARNING_HOURS_PER_WEEK = 4;

/** The learning time granted: what the organisation gives per active week, times the active weeks. */
export interface GrantedTime {
  hours: number;
  hoursPerWeek: number;
  weeks: number;
  /** Where the weeks come from: the professional's Prof-traject, or the default when there is none (or it is not shared). */
  weeksFrom: 'traject' | 'default';
}

/**
 * Granted time comes from the organisation's setting and the professional's own plan (their
 * Prof-traject's active weeks), not from how many weeks happened to be shared or held.
 */
export function grantedTime(hoursPerWeek: number, trajectWeeks: number | undefined): GrantedTime {
  const weeks = trajectWeeks ?? DEFAULT_TRAJECT_WEEKS;
  return { hours: Math.round(hoursPerWeek * weeks * 10) / 10, hoursPerWeek, weeks, weeksFrom: trajectWeeks === undefined ? 'default' : 'traject' };
}
