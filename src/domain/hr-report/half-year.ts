import { DateTime } from 'luxon';
import { RefusedField } from '../shared/errors';
import { stableId } from '../shared/ids';
import { workingDayFrom } from '../shared/working-days';

/**
 * The half-yearly rhythm (halfjaarritme): the two months of the year in which the organisation
 * holds its talentontwikkelgesprekken and HR/L&O accounts to the board. Kept with the year's
 * Jaarplan targets; June and December unless HR chose others. Sorted, two distinct months (1-12).
 */
export type HalfYearMoments = [number, number];

export const DEFAULT_MOMENTS: HalfYearMoments = [6, 12];

/** The form's two inputs for the months, by the domain's name. */
export const MOMENT_FIELDS = ['firstMoment', 'secondMoment'] as const;
export type MomentField = (typeof MOMENT_FIELDS)[number];

/** The reminders come at this hour (organisation time) on the month's first working day. */
export const HALF_YEAR_HOUR = 9;

/** The year's months: stored ones, else the default. */
export function momentsOf(plan: { moments?: HalfYearMoments } | undefined): HalfYearMoments {
  return plan?.moments ?? DEFAULT_MOMENTS;
}

export interface MomentProblem {
  input: RefusedField & { field: MomentField };
}

/**
 * Reads the two months as the form sent them (text or number). Both left out: no change (a form
 * from before the months existed). Otherwise both must be a month (1-12) and differ; the second
 * input carries the refusal of two equal months. Stored sorted, so "December and June" is June first.
 */
export function readMoments(values: Partial<Record<MomentField, unknown>>): { moments?: HalfYearMoments; problems: MomentProblem[] } {
  const texts = MOMENT_FIELDS.map((f) => {
    const raw = values[f];
    return typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  });
  if (texts.every((t) => t === '')) return { problems: [] };
  const problems: MomentProblem[] = [];
  const months = texts.map((text, i) => {
    const field = MOMENT_FIELDS[i]!;
    if (text === '') problems.push({ input: { field, rule: 'required' } });
    else if (!/^\d{1,2}$/.test(text) || Number(text) < 1 || Number(text) > 12) problems.push({ input: { field, rule: 'format', params: { min: 1, max: 12 } } });
    return Number(text);
  });
  if (!problems.length && months[0] === months[1]) problems.push({ input: { field: 'secondMoment', rule: 'range', params: { sameMonth: 1 } } });
  if (problems.length) return { problems };
  return { moments: [Math.min(months[0]!, months[1]!), Math.max(months[0]!, months[1]!)], problems: [] };
}

/** One moment of one year: its month, and when its reminders go (ISO). */
export interface HalfYearMoment {
  year: number;
  month: number;
  dueAt: string;
}

/** "2026-06": names the moment, and with it the half-year it closes. */
export function momentLabel(m: Pick<HalfYearMoment, 'year' | 'month'>): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** The first working day of the month (no weekend, no public holiday), 09:00 in the organisation's time zone. */
export function momentDueAt(year: number, month: number, timeZone: string, isHoliday: (isoDate: string) => boolean): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1, hour: HALF_YEAR_HOUR }, { zone: timeZone });
  return workingDayFrom(first, isHoliday, 1);
}

/**
 * The first moment whose reminders are still ahead of `now`, this year or the next, each year by
 * its own months (`momentsFor`: the stored plan's, else the default).
 */
export function nextMoment(now: Date, timeZone: string, isHoliday: (isoDate: string) => boolean, momentsFor: (year: number) => HalfYearMoments): HalfYearMoment {
  const year = DateTime.fromJSDate(now, { zone: timeZone }).year;
  for (const y of [year, year + 1]) {
    for (const month of momentsFor(y)) {
      const due = momentDueAt(y, month, timeZone, isHoliday);
      if (due.toMillis() > now.getTime()) return { year: y, month, dueAt: due.toUTC().toISO()! };
    }
  }
  // Unreachable: next year's second month is always ahead. Kept total for the type.
  const [, last] = momentsFor(year + 1);
  return { year: year + 1, month: last, dueAt: momentDueAt(year + 1, last, timeZone, isHoliday).toUTC().toISO()! };
}

/**
 * This year's moment whose month it is now (organisation time) when its reminders' time has
 * passed: a month HR chose (or first used the app in) after its first working day. Undefined in
 * any other month, and in the moment's month before that time (`nextMoment` has it then).
 */
export function momentUnderWay(now: Date, timeZone: string, isHoliday: (isoDate: string) => boolean, moments: HalfYearMoments): HalfYearMoment | undefined {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!moments.includes(local.month)) return undefined;
  const due = momentDueAt(local.year, local.month, timeZone, isHoliday);
  if (due.toMillis() > now.getTime()) return undefined;
  return { year: local.year, month: local.month, dueAt: due.toUTC().toISO()! };
}

/**
 * The half-year a moment closes: from the first day after the moment before it to the last day of
 * the moment's month. The moment before the year's second is the year's first; before the year's
 * first, last year's second as chosen for last year (`previousYear`: its plan's, else the default),
 * not this year's: when HR changes the months between years, the half-years still meet without
 * overlap. With June and December: January to June, July to December; every month belongs to
 * exactly one account.
 */
export function halfYearOf(m: Pick<HalfYearMoment, 'year' | 'month'>, moments: HalfYearMoments, previousYear: HalfYearMoments): { from: string; to: string } {
  const end = DateTime.fromObject({ year: m.year, month: m.month, day: 1 }, { zone: 'utc' });
  const [first, second] = moments;
  const previous = m.month === second ? DateTime.fromObject({ year: m.year, month: first, day: 1 }, { zone: 'utc' }) : DateTime.fromObject({ year: m.year - 1, month: previousYear[1], day: 1 }, { zone: 'utc' });
  return { from: previous.plus({ months: 1 }).toISODate()!, to: end.endOf('month').toISODate()! };
}

/**
 * The half-year as announced: it starts after the latest half-year already announced that ended
 * before its moment month (`announcedUntil`: this year's and last year's plans), when that is later
 * than `halfYearOf`'s start. HR moving a month after its reminder came (December announced July to
 * December, then 2026's second month moved to October) would otherwise count the months between
 * (November, December) in the next half-year too. Months are counted once; a month moved later after
 * its reminder leaves the months between in no account, as before (kept: its half-year was announced).
 */
export function afterAnnounced(halfYear: { from: string; to: string }, announcedUntil: readonly (string | undefined)[]): { from: string; to: string } {
  const monthStart = `${halfYear.to.slice(0, 8)}01`;
  const last = announcedUntil.filter((d): d is string => !!d && d < monthStart).sort().at(-1);
  if (!last) return halfYear;
  const from = DateTime.fromISO(last, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
  return from > halfYear.from ? { from, to: halfYear.to } : halfYear;
}

/**
 * How long after its due time the scheduler may pick a run up and the run still counts as due
 * then: its passes come seconds apart, one held up by other work a while longer. A run picked up
 * later waited for the app (down, or restarting), and counts when it was picked up.
 */
export const PICK_UP_LAG_MS = 60 * 60_000;

/** From this hour (organisation time) a run late waits for the next working day (`catchUpMoment`). */
export const HALF_YEAR_DAY_ENDS_HOUR = 17;

/**
 * When a run picked up late (past `PICK_UP_LAG_MS`: the app was down at the due time) may send its
 * reminders: undefined when now will do (in working hours, 09:00 to 17:00 on a working day,
 * organisation time), else 09:00 on the next working day. A catch-up then does not message HR and
 * the managers in the night or at a weekend; a run on time is at 09:00 on a working day anyway.
 */
export function catchUpMoment(run: { dueAt: Date; pickedUpAt: Date }, timeZone: string, isHoliday: (isoDate: string) => boolean): Date | undefined {
  if (run.pickedUpAt.getTime() - run.dueAt.getTime() <= PICK_UP_LAG_MS) return undefined;
  const nine = { hour: HALF_YEAR_HOUR, minute: 0, second: 0, millisecond: 0 };
  let local: DateTime = DateTime.fromJSDate(run.pickedUpAt, { zone: timeZone });
  if (local.hour >= HALF_YEAR_DAY_ENDS_HOUR) local = local.plus({ days: 1 }).set(nine);
  else if (local.hour < HALF_YEAR_HOUR) local = local.set(nine);
  const working = workingDayFrom(local, isHoliday, 1);
  if (!working.equals(local)) local = working.set(nine);
  return local.toMillis() > run.pickedUpAt.getTime() ? local.toJSDate() : undefined;
}

/** The moment after `m`: the year's second after its first, else next year's first by next year's months (`nextYear`). */
export function momentAfter(m: Pick<HalfYearMoment, 'year' | 'month'>, moments: HalfYearMoments, nextYear: HalfYearMoments): { year: number; month: number } {
  return m.month === moments[0] ? { year: m.year, month: moments[1] } : { year: m.year + 1, month: nextYear[0] };
}

/**
 * When a moment's run says its half-year. The due time decides, not the pick-up time, when the
 * scheduler picked the run up in its normal course (within `PICK_UP_LAG_MS`): a run due in the
 * year's last minute and picked up after midnight is on time. Counted so: within the moment month,
 * `onTime`; after it, within the half-year the moment opens (until the next moment month, `next`,
 * starts), `late`: the app was down for the rest of the month, and the reminder still comes, saying
 * so; from the next moment month on (or before the moment month), `over`: the next half-year's
 * reminder is due, the missed one is not told any more.
 */
export function momentRunTiming(
  m: Pick<HalfYearMoment, 'year' | 'month'>,
  next: { year: number; month: number },
  run: { dueAt: Date; pickedUpAt: Date },
  timeZone: string,
): 'onTime' | 'late' | 'over' {
  const countsAt = run.pickedUpAt.getTime() - run.dueAt.getTime() <= PICK_UP_LAG_MS ? run.dueAt : run.pickedUpAt;
  const local = DateTime.fromJSDate(countsAt, { zone: timeZone });
  const index = (y: number, month: number) => y * 12 + month;
  const at = index(local.year, local.month);
  if (at === index(m.year, m.month)) return 'onTime';
  return at > index(m.year, m.month) && at < index(next.year, next.month) ? 'late' : 'over';
}

/**
 * How many of a manager's direct reports have no conversation with this manager dated in the
 * half-year: the manager's own plans, held or ahead. Counts plans, never anyone's behaviour.
 */
export function reportsWithoutConversation(reports: { id: string }[], reviews: { reportId: string; date: string }[], halfYear: { from: string; to: string }): number {
  const planned = new Set(reviews.filter((r) => r.date >= halfYear.from && r.date <= halfYear.to).map((r) => r.reportId));
  return new Set(reports.map((r) => r.id).filter((id) => !planned.has(id))).size;
}

/** The job of one tenant's moment: its id follows from both, so a restart or a second instance schedules it once. */
export function halfYearJobId(kind: string, tenantId: string, m: Pick<HalfYearMoment, 'year' | 'month'>): string {
  return `${kind}:${stableId('t', tenantId)}:${momentLabel(m)}`;
}

/** Where the chat platform is reached for a tenant's proactive cards (Teams: service URL and bot id). */
export interface HalfYearRoute {
  serviceUrl: string;
  botId?: string;
}

/** HR's card: the half-year's period for the report, and whether the year has targets yet. */
export interface HrHalfYearView {
  year: number;
  halfYear: { from: string; to: string };
  hasTargets: boolean;
  /** Sent after the moment month (the app was down then): the card says so (`momentRunTiming`). */
  late?: boolean;
}

/** The manager's card: the half-year and how many of their own reports have no conversation planned in it. */
export interface ManagerHalfYearView {
  halfYear: { from: string; to: string };
  withoutConversation: number;
  /** Sent after the moment month, as HR's (`HrHalfYearView.late`). */
  late?: boolean;
}

/**
 * Port: the half-year's cards, each in its reader's own 1:1 chat with the app, queued under its
 * key (per person and half-year): a second run or a second instance queues nothing new.
 */
export interface HalfYearNotices {
  /** `keyed`: `key` is a digest under the app's secret, so the job may keep nothing naming anyone once it ended. */
  toHr(to: { tenantId: string; route: HalfYearRoute; userId: string }, view: HrHalfYearView, key: string, keyed?: boolean): Promise<void>;
  toManager(to: { tenantId: string; route: HalfYearRoute; userId: string }, view: ManagerHalfYearView, key: string, keyed?: boolean): Promise<void>;
  /** Whether a card was queued under `key` (and still kept: a week after it ended). */
  queuedUnder?(key: string): Promise<boolean>;
}
