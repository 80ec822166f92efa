import { DateTime } from 'luxon';
import { Language } from '../framework/framework';
import { DomainError } from '../shared/errors';
import { HolidayCalendar } from '../week-cycle/holidays';
import { workingDayFrom } from '../shared/working-days';

/** Reminders go out at this local hour. */
export const REMINDER_HOUR = 9;
export const MAX_OPEN_DAYS = 60;

export type Delivery = 'channel' | 'private';

/** One team a poll goes to, and where in it. */
export interface PollTarget {
  /** Stable per team: a team's results are compared across polls by it. */
  id: string;
  teamId: string;
  teamName: string;
  aadGroupId?: string;
  /** The channel that gets the card (channel delivery) or the announcement (private delivery). */
  channelId: string;
  channelName?: string;
  serviceUrl: string;
  botId?: string;
  /** Team members when the poll was delivered: the base of the response rate. */
  memberCount?: number;
  /**
   * Of those, the members the poll had already reached through a team delivered before this one
   * (teams share members: a department and its sub-team). Each person answers a poll once, so
   * the all-teams response counts them once (`peopleReached`). Absent: none, or not known.
   */
  sharedMembers?: number;
  /** The channel message of this poll: reminders are replies in its thread. */
  cardActivityId?: string;
  /** All of this team's messages are in the outbox. */
  delivered: boolean;
  /**
   * Why the team was not delivered, where the reason is for good: `tooMany`, its members would
   * take the tally's invitee lists (all the poll's teams together) past their bound; `overlapsOpen`,
   * at its delivery its members shared too many people with a team of another open poll (see
   * `mayShareMembers`; the start's check saw the rosters of its moment). Nothing was sent to it and
   * nobody can answer for it; HR's status card says why.
   */
  notDelivered?: NotDeliveredReason;
}

export type NotDeliveredReason = 'tooMany' | 'overlapsOpen';

/**
 * Whether two polls open at once may have this many people in common between a cut of one (a
 * team, or its teams together) and a cut of the other. The people in both answer in both, so one
 * cut's figures minus the other's are the answers of those in only one of them. Each cut shows
 * figures only with at least `minRespondents` answers, so with at most half that many in common
 * each side brings at least as many answers of its own as are shared, and the difference holds
 * the answers of at least `minRespondents` people ("no two published cuts may be subtracted to
 * isolate fewer people than the minimum"). HR or a manager in two teams stays possible; a
 * department and its sub-team do not.
 */
export function mayShareMembers(shared: number, minRespondents: number): boolean {
  return shared <= Math.floor(minRespondents / 2);
}

export type PollScope = { kind: 'team'; teamId: string } | { kind: 'all' };

/** A B3-spiegel pulse poll. Holds no answers and nothing about who answered. */
export interface Poll {
  id: string;
  pollId: string;
  type: 'poll';
  tenantId: string;
  scope: PollScope;
  language: Language;
  delivery: Delivery;
  /** Non-respondents get a private nudge with each reminder. */
  privateNudges: boolean;
  /**
   * The reminder rounds (their index in `reminders`) whose nudges are all queued. A round's nudges
   * wait until it is listed here: a round retried after queuing part of them queues them again,
   * and one already sent (it leaves no record) would go out twice.
   */
  nudgesQueued?: number[];
  status: 'open' | 'closed';
  opensAt: string;
  /** The last day to answer (local date); the poll closes at the end of it. */
  closesOn: string;
  closesAt: string;
  reminders: string[];
  targets: PollTarget[];
  /**
   * Where HR started the poll: the "results are ready" card goes there, in the language HR was
   * answered in there (`language`; polls from before it: the poll's own).
   */
  hrChannel: { conversationId: string; serviceUrl: string; botId?: string; language?: 'nl' | 'en' };
  /** The Teams id of whoever started it, so their copy of that card refreshes to the results. */
  startedByTeamsId?: string;
  /** The app id of whoever started it, so their erasure finds the poll (and clears both ids). */
  startedBy?: string;
  /**
   * An opaque key of the start attempt that stored it: a create retried after its answer was
   * lost finds its own key, a redelivered command another one (and announces nothing again).
   */
  openedBy?: string;
  /** The last day answers were taken: the closing date, or the day HR closed it early. */
  closedOn?: string;
  /** By its closing date, or early by HR (`peiling sluiten`): cards word the two differently. */
  closedBy?: 'date' | 'hr';
  /** The instant it was closed. */
  closedAt?: string;
  /**
   * An opaque key of the close command that closed it (from Teams' activity id): the same command
   * delivered again finds the poll it closed, not the next open one (closing is final).
   */
  closedByCommand?: string;
  /** When the closing messages (closed cards, HR's results, each team's mirror) were queued. */
  announcedAt?: string;
}

export type ReminderPoint = { kind: 'share'; percent: number } | { kind: 'daysBefore'; days: number };

/**
 * When the poll closes: the end of the closing date in the organisation's time zone (`timeZone`,
 * as every date and reminder time of a poll). Checks the date is usable.
 */
export function closingInstant(closesOn: string, now: Date, timeZone: string): Date {
  const day = DateTime.fromISO(closesOn, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn) || !day.isValid) throw new DomainError('badDate', { params: { date: closesOn, maxDays: String(MAX_OPEN_DAYS) } });
  const closesAt = day.plus({ days: 1 }).startOf('day').toJSDate();
  const tooSoon = closesAt.getTime() - now.getTime() < 3600_000;
  // By calendar days where the organisation lives: a 23- or 25-hour day (summer time) between now
  // and the closing date moves no limit by the hour HR happens to type the command.
  const tooLate = day.startOf('day') > DateTime.fromJSDate(now, { zone: timeZone }).startOf('day').plus({ days: MAX_OPEN_DAYS });
  if (tooSoon || tooLate) throw new DomainError('badDate', { params: { date: closesOn, maxDays: String(MAX_OPEN_DAYS) } });
  return closesAt;
}

/**
 * Moves an instant into working hours: before 09:00 to 09:00 that day, after 17:00 to 09:00 the
 * next day, and a Saturday, Sunday or public holiday to 09:00 on the next working day
 * (`direction` 1) or the working day before (-1).
 */
function atWorkingHour(instant: DateTime, timeZone: string, isDayOff: (date: string) => boolean, direction: 1 | -1): DateTime {
  let local: DateTime = instant.setZone(timeZone);
  const nine = { hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 };
  if (local.hour >= 17) local = local.plus({ days: 1 }).set(nine);
  else if (local.hour < REMINDER_HOUR) local = local.set(nine);
  // A weekend or a public holiday: the next working day, or for a point counted back from the closing date, the one before.
  const working = workingDayFrom(local, isDayOff, direction);
  if (!working.equals(local)) local = working.set(nine);
  return local.set({ second: 0, millisecond: 0 });
}

/**
 * When a reminder may go out that is due at `now` (a run late: the app was down, the scheduler
 * lagged): `now` itself in working hours on a working day, else the next such moment as planned
 * reminders are placed (`atWorkingHour`), so a catch-up does not post in the night or at a weekend.
 */
export function reminderMomentFrom(now: Date, timeZone: string, holidays?: Pick<HolidayCalendar, 'isHoliday'>): Date {
  const at = atWorkingHour(DateTime.fromJSDate(now), timeZone, (date) => holidays?.isHoliday(date) ?? false, 1);
  return at.toMillis() > now.getTime() ? at.toJSDate() : now;
}

/** The reminder instants for a poll, in order; points that fall outside the open period are dropped. */
export function reminderInstants(opensAt: Date, closesOn: string, closesAt: Date, points: ReminderPoint[], timeZone: string, holidays?: Pick<HolidayCalendar, 'isHoliday'>): string[] {
  const open = DateTime.fromJSDate(opensAt);
  const span = closesAt.getTime() - opensAt.getTime();
  const isDayOff = (date: string) => holidays?.isHoliday(date) ?? false;
  const instants = points.map((p) =>
    p.kind === 'share'
      ? atWorkingHour(open.plus({ milliseconds: (span * p.percent) / 100 }), timeZone, isDayOff, 1)
      : // "N days before": on the working day before when that day is off, so it still comes before the close.
        atWorkingHour(DateTime.fromISO(closesOn, { zone: timeZone }).minus({ days: p.days }).set({ hour: REMINDER_HOUR }), timeZone, isDayOff, -1),
  );
  const fitting = instants
    .filter((i) => i.toMillis() > opensAt.getTime() + 3600_000 && i.toMillis() < closesAt.getTime() - 3600_000)
    .map((i) => i.toUTC().toISO()!)
    .sort();
  // Two reminders on the same day would be one too many.
  const byDay = new Map<string, string>();
  for (const i of fitting) byDay.set(localDate(new Date(i), timeZone), byDay.get(localDate(new Date(i), timeZone)) ?? i);
  return [...byDay.values()];
}

/** Whole days left to answer, counting today when the poll is still open today. */
export function daysLeft(poll: Pick<Poll, 'closesOn'>, now: Date, timeZone: string): number {
  const today = DateTime.fromJSDate(now).setZone(timeZone).startOf('day');
  const last = DateTime.fromISO(poll.closesOn, { zone: timeZone }).startOf('day');
  return Math.max(0, Math.round(last.diff(today, 'days').days) + 1);
}

/** The date it is at `now` in the organisation's time zone, as yyyy-mm-dd. */
export function localDate(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;
}

/** Closed at its date when the date has passed, else early; `closedOn` is the last day answers were taken. */
export function closePoll(poll: Poll, now: Date, timeZone: string): Poll {
  if (poll.status === 'closed') return poll;
  const byDate = now >= new Date(poll.closesAt);
  return { ...poll, status: 'closed', closedBy: byDate ? 'date' : 'hr', closedOn: byDate ? poll.closesOn : localDate(now, timeZone), closedAt: now.toISOString() };
}

/** Answers are taken until the poll is closed, or its closing instant has passed. */
export function isOpenAt(poll: Pick<Poll, 'status' | 'closesAt'>, now: Date): boolean {
  return poll.status === 'open' && now < new Date(poll.closesAt);
}

export function findTarget(poll: Poll, targetId: string): PollTarget {
  const target = poll.targets.find((t) => t.id === targetId);
  if (!target) throw new DomainError('notFound', 'poll target');
  return target;
}

/**
 * How many people a poll's teams reached, each person once: the base of the all-teams response.
 * Someone in two of the poll's teams is asked once and can answer once (one marker per poll and
 * person), so a sum of team sizes would count them as a non-respondent in the other team. Known
 * when every team's size is. Only for all of a poll's teams: a team's own size is its `memberCount`.
 */
export function peopleReached(targets: readonly Pick<PollTarget, 'memberCount' | 'sharedMembers'>[]): number | undefined {
  if (!targets.every((t) => t.memberCount !== undefined)) return undefined;
  return targets.reduce((n, t) => n + Math.max(0, (t.memberCount ?? 0) - (t.sharedMembers ?? 0)), 0);
}
