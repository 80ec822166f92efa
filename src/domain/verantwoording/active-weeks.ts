import { DateTime } from 'luxon';
import { stableId } from '../shared/ids';
import { ProfTraject } from './prof-traject';

/**
 * A calendar week in which the professional was active: they attended at least one session (of
 * any of their groups) or recorded learning time for it. Kept in their own partition, one record
 * per week (its id is the week), so two groups meeting in one week make one active week, and
 * writing it again (a job run twice, two instances) changes nothing.
 *
 * The record says why the week counts (`sessions`, `timeRecorded`), so time lowered back to 0
 * takes away only its own reason: a week with no reason left counts no longer, and its record is
 * deleted. Every change to it, the delete too, is under the ETag of the read, so a session close
 * adding its reason at the same moment is never lost (see dropTimeReason). A record emptied before
 * deletes were made (stop 47) counts no longer, and goes at the next correction of its week. A
 * record from before the reasons were kept (neither field) counts for good and is never changed:
 * why it was written is not known.
 */
export interface ActiveWeek {
  id: string;
  type: 'activeWeek';
  userId: string;
  /** The ISO week, `2026-W48`. */
  week: string;
  /** The sessions they attended in this week (ids); absent on a record from before stop 47. */
  sessions?: string[];
  /** The group weeks (cycle ids) of this calendar week they recorded time for, above 0; absent on a record from before stop 47. */
  timeRecorded?: string[];
  recordedAt: string;
  /** The last change of its reasons. */
  updatedAt?: string;
}

/** One reason a week counts: a session attended, or time recorded for a group's week (cycle). */
export type ActiveWeekReason = { session: string } | { time: string };

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

/** A new record of the week with its reasons. */
export function activeWeek(userId: string, week: string, now: Date, reasons: readonly ActiveWeekReason[]): ActiveWeek {
  const fresh: ActiveWeek = { id: activeWeekId(userId, week), type: 'activeWeek', userId, week, sessions: [], timeRecorded: [], recordedAt: now.toISOString() };
  return withReasons(fresh, reasons, now, { touch: false });
}

/** A record from before the reasons were kept: it counts for good, and nothing changes it. */
export function isWithoutReasons(w: Pick<ActiveWeek, 'sessions' | 'timeRecorded'>): boolean {
  return w.sessions === undefined && w.timeRecorded === undefined;
}

/** Whether the record makes its week an active week: a reason left, or one from before reasons were kept. */
export function countsAsActive(w: Pick<ActiveWeek, 'sessions' | 'timeRecorded'>): boolean {
  return isWithoutReasons(w) || !!(w.sessions?.length || w.timeRecorded?.length);
}

/** Whether the record holds this reason already (a record without reasons holds every one). */
export function holdsReason(w: Pick<ActiveWeek, 'sessions' | 'timeRecorded'>, reason: ActiveWeekReason): boolean {
  if (isWithoutReasons(w)) return true;
  return 'session' in reason ? !!w.sessions?.includes(reason.session) : !!w.timeRecorded?.includes(reason.time);
}

/** The record with these reasons added; the same object when it holds them all (no write). */
export function withReasons(w: ActiveWeek, reasons: readonly ActiveWeekReason[], now: Date, opts: { touch?: boolean } = {}): ActiveWeek {
  const missing = reasons.filter((r) => !holdsReason(w, r));
  if (!missing.length) return w;
  const sessions = new Set([...(w.sessions ?? []), ...missing.flatMap((r) => ('session' in r ? [r.session] : []))]);
  const timeRecorded = new Set([...(w.timeRecorded ?? []), ...missing.flatMap((r) => ('time' in r ? [r.time] : []))]);
  return { ...w, sessions: [...sessions], timeRecorded: [...timeRecorded], ...(opts.touch === false ? {} : { updatedAt: now.toISOString() }) };
}

/**
 * The record without the time reason of this group's week (its hours lowered back to 0); the same
 * object when it has none (no write). A session attended keeps the week; a record without
 * reasons is left as it is.
 */
export function withoutTimeReason(w: ActiveWeek, cycleId: string, now: Date): ActiveWeek {
  if (isWithoutReasons(w) || !w.timeRecorded?.includes(cycleId)) return w;
  return { ...w, sessions: w.sessions ?? [], timeRecorded: w.timeRecorded.filter((c) => c !== cycleId), updatedAt: now.toISOString() };
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
