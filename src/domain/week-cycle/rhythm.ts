import { DateTime } from 'luxon';
import { DomainError } from '../shared/errors';
import { Weekday } from './group';
import { HolidayCalendar } from './holidays';

/**
 * The date rules of the rhythm of the year: which four days a week takes, and when a session
 * starts. Dates are calendar dates (yyyy-mm-dd) without a time zone; only a session's start is
 * an instant, made in the group's time zone (so 09:00 stays 09:00 across summer time).
 */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function calendarDay(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'UTC' });
}

export function isIsoDate(value: string): value is IsoDate {
  return ISO_DATE.test(value) && calendarDay(value).isValid;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return calendarDay(date).plus({ days }).toISODate()!;
}

/** The Monday of the (ISO) calendar week a date is in. */
export function mondayOf(date: IsoDate): IsoDate {
  return calendarDay(date).startOf('week').toISODate()!;
}

export function weekdayOf(date: IsoDate): Weekday {
  return calendarDay(date).weekday as Weekday;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Today's date where the group lives. */
export function todayIn(now: Date, timeZone: string): IsoDate {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/**
 * Every moment the group's local start time occurs on `date`, in order: one; two in the night the
 * clocks go back (the hour happens twice); and where the clocks go forward past it (the time does
 * not exist), the moment as far after the gap as the time was into it (02:30 becomes 03:30).
 */
export function sessionInstants(date: IsoDate, startTime: string, timeZone: string): Date[] {
  const [hour, minute] = startTime.split(':').map(Number) as [number, number];
  const local = DateTime.fromISO(date, { zone: timeZone }).set({ hour, minute });
  const wallAsUtc = DateTime.fromISO(date, { zone: 'UTC' }).set({ hour, minute }).toMillis();
  // The zone's offsets around that moment (a change of offset lasts hours at most, never days).
  const offsets = new Set([-6, 0, 6].map((h) => local.plus({ hours: h }).offset));
  const occurs = [...offsets]
    .map((offset) => DateTime.fromMillis(wallAsUtc - offset * 60_000, { zone: timeZone }))
    .filter((d) => d.hour === hour && d.minute === minute && d.toISODate() === date)
    .map((d) => d.toJSDate())
    .sort((a, b) => a.getTime() - b.getTime());
  return occurs.length ? occurs : [local.toJSDate()];
}

/**
 * The moment a session on `date` starts: the group's local start time in its own time zone. Where
 * that time occurs twice (the clocks go back), the first, or, planning ahead of `after`, the first
 * not yet past then: a start time saved between the two (at 02:15 the second time round, for
 * 02:30) is still ahead on the wall clock, and its session is held then, not dropped as past.
 */
export function sessionInstant(date: IsoDate, startTime: string, timeZone: string, after?: Date): Date {
  const occurs = sessionInstants(date, startTime, timeZone);
  return (after && occurs.find((at) => at.getTime() >= after.getTime())) || occurs[0]!;
}

/**
 * The first day a session may still be planned on: today until today's start time has passed
 * where the group lives (at the start time itself the session begins now: a group set up then may
 * start it by hand), otherwise tomorrow. A session is never planned at a moment already past: it
 * would get no start job, and its week would open a day late with the wrong agenda.
 */
export function firstPlannableDay(today: IsoDate, now: Date, startTime: string, timeZone: string): IsoDate {
  return now.getTime() <= sessionInstant(today, startTime, timeZone, now).getTime() ? today : addDays(today, 1);
}

/**
 * The four weekdays a week may take, in order of preference. A group that meets on four
 * consecutive working days (Monday-Thursday or Tuesday-Friday) may shift by one day within the
 * working week, so a week started on a Tuesday, or with a holiday on its Monday, runs Tuesday to
 * Friday; any other choice of days is the group's own and is kept exactly.
 */
export function weekWindows(days: readonly Weekday[]): Weekday[][] {
  const own = [...new Set(days)].sort((a, b) => a - b);
  const workingRun = own.length === 4 && own[3]! - own[0]! === 3 && own[3]! <= 5;
  if (!workingRun) return [own];
  return [own, own[0] === 1 ? [2, 3, 4, 5] : [1, 2, 3, 4]];
}

export interface WeekRules {
  days: readonly Weekday[];
  holidays: HolidayCalendar;
}

/**
 * The dates of one week in the calendar week that starts on `monday`, none before `earliest`
 * and none on a holiday; undefined when no window fits (the week then moves on). A window lies
 * within one calendar week, so a week never spans a weekend.
 */
export function fitWeek(monday: IsoDate, earliest: IsoDate, rules: WeekRules): IsoDate[] | undefined {
  for (const window of weekWindows(rules.days)) {
    const dates = window.map((weekday) => addDays(monday, weekday - 1));
    if (dates.every((d) => d >= earliest && !rules.holidays.isHoliday(d))) return dates;
  }
  return undefined;
}

export interface PlannedWeek {
  /** The active week's number (1 = the group's first week). */
  week: number;
  /** Its four session dates, in order. */
  dates: IsoDate[];
}

/** How far planning looks past the weeks it needs before it gives up (days no week can fit on). */
const SLACK_WEEKS = 104;

/**
 * Plans weeks `first`..`last`, one per calendar week, from the calendar week of `from` on and
 * not before `from`. Calendar weeks the group skipped, and weeks in which four days do not fit
 * (holidays), are passed over, so every planned week is a real one.
 */
export function planWeeks(first: number, last: number, from: IsoDate, rules: WeekRules & { skipped?: ReadonlySet<IsoDate> }, pins: ReadonlyMap<number, IsoDate> = new Map()): PlannedWeek[] {
  const out: PlannedWeek[] = [];
  let monday = mondayOf(from);
  for (let looked = 0, week = first; week <= last; looked++, monday = addDays(monday, 7)) {
    if (looked > last - first + SLACK_WEEKS) throw new DomainError('invalidInput', 'no week fits the group\'s days');
    // A week the group moved goes to the calendar week it was moved to, if that is still ahead of
    // where the weeks before it ended (else it follows on like any other).
    const pin = pins.get(week);
    if (pin && mondayOf(pin) > monday) monday = mondayOf(pin);
    if (rules.skipped?.has(monday)) continue;
    // In the calendar week it was moved to: from the day it was moved to, or else (other days now)
    // anywhere in that week, so it keeps its week.
    const pinnedHere = pin !== undefined && mondayOf(pin) === monday && pin > from;
    const dates = (pinnedHere ? fitWeek(monday, pin, rules) : undefined) ?? fitWeek(monday, from, rules);
    if (!dates) continue;
    out.push({ week, dates });
    week++;
  }
  return out;
}
