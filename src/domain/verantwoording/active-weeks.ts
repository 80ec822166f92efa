import { DateTime } from 'luxon';
import { stableId } from '../shared/ids';
import { ProfTraject } from './prof-traject';

/**
 * A calendar week in which the professional was active: they attended at least one session (of
 * any of their groups) or recorded learning time for it. Kept in their own partition, one record
 * per week (its id is the week), so two groups meeting in one week make one active week, and
 * writing it again (a job run twice, two instances) changes nothing.
 */
export interface ActiveWeek {
  id: string;
  type: 'activeWeek';
  userId: string;
  /** The ISO week, `2026-W48`. */
  week: string;
  recordedAt: string;
}

/**
 * That the look-back at one end of the Prof-traject (its planned weeks, counted from `countsFrom`)
 * was queued for the person: once per end, also after the outbox has long forgotten its key.
 * `queuedAt` is set once the card is in the outbox; a mark without it is an attempt a fault cut
 * short, and the next check queues the card again (under the same outbox key).
 */
export interface TrajectEndMark {
  id: string;
  type: 'trajectEnd';
  userId: string;
  plannedWeeks: number;
  countsFrom?: string;
  queuedAt?: string;
  createdAt: string;
}

const WEEK_FORMAT = "kkkk-'W'WW";

/** The ISO week of a moment (or a local date `yyyy-mm-dd`) in `timeZone`. */
export function weekOf(moment: string, timeZone: string): string {
  const local = /^\d{4}-\d{2}-\d{2}$/.test(moment) ? DateTime.fromISO(moment, { zone: timeZone }) : DateTime.fromISO(moment, { zone: 'utc' }).setZone(timeZone);
  return local.toFormat(WEEK_FORMAT);
}

/** The ISO week after `week`. */
export function weekAfter(week: string): string {
  return DateTime.fromISO(week).plus({ weeks: 1 }).toFormat(WEEK_FORMAT);
}

export function activeWeekId(userId: string, week: string): string {
  return stableId('aw', userId, week);
}

export function activeWeek(userId: string, week: string, now: Date): ActiveWeek {
  return { id: activeWeekId(userId, week), type: 'activeWeek', userId, week, recordedAt: now.toISOString() };
}

/** How far the person is in their Prof-traject: their own active weeks of `plannedWeeks`. Shown to them alone. */
export interface TrajectProgress {
  activeWeeks: number;
  plannedWeeks: number;
}

/**
 * Their active weeks that count for this Prof-traject: all of them, or, for a traject sketched
 * anew after an earlier one ended, those from its first week (`countsFrom`).
 */
export function trajectProgress(traject: Pick<ProfTraject, 'plannedWeeks' | 'countsFrom'>, weeks: Iterable<string>): TrajectProgress {
  const counted = new Set([...weeks].filter((w) => !traject.countsFrom || w >= traject.countsFrom));
  return { activeWeeks: counted.size, plannedWeeks: traject.plannedWeeks };
}

/** The mark of one end: per person, first counted week and planned weeks (raising them makes a new end). */
export function trajectEndId(userId: string, traject: Pick<ProfTraject, 'plannedWeeks' | 'countsFrom'>): string {
  return stableId('te', userId, traject.countsFrom ?? '', String(traject.plannedWeeks));
}

/** The outbox key of the look-back card of one end: a retry or a second instance queues one. */
export function trajectEndKey(userId: string, traject: Pick<ProfTraject, 'plannedWeeks' | 'countsFrom'>): string {
  return `trajectEnd:${trajectEndId(userId, traject)}`;
}

export function trajectEndMark(userId: string, traject: Pick<ProfTraject, 'plannedWeeks' | 'countsFrom'>, now: Date): TrajectEndMark {
  return { id: trajectEndId(userId, traject), type: 'trajectEnd', userId, plannedWeeks: traject.plannedWeeks, ...(traject.countsFrom ? { countsFrom: traject.countsFrom } : {}), createdAt: now.toISOString() };
}

/**
 * Where a Prof-traject sketched anew starts counting: this week, unless the person was already
 * active in it (the week belongs to the traject that just ended), then the next.
 */
export function freshCountsFrom(now: Date, timeZone: string, weeks: Iterable<string>): string {
  const current = weekOf(now.toISOString(), timeZone);
  return new Set(weeks).has(current) ? weekAfter(current) : current;
}
