import { Group, GroupSchedule, Weekday } from './group';
import { HolidayCalendar } from './holidays';
import { Mutate } from './ports';
import { addDays, firstPlannableDay, IsoDate, isIsoDate, laterOf, mondayOf, PlannedWeek, planWeeks, sessionInstant, sessionInstants, WeekRules, fitWeek } from './rhythm';

/**
 * The group's plan for the year: the dates of each active week, made ahead when the group is
 * set up, and changed only by explicit steps (skip a week, move a week, new settings). One small
 * document in the group's partition (at most 52 weeks), replaced with its ETag.
 */
export interface RhythmPlan {
  id: string;
  type: 'plan';
  groupId: string;
  /** Every planned week, in order; weeks already started keep the dates they started with. */
  weeks: PlannedWeek[];
  /** Mondays of the calendar weeks the group skipped: re-planning passes over them. */
  skipped: IsoDate[];
  /** What the plan was made from; when the group changes these, the weeks not yet started are re-planned. */
  basis: { days: Weekday[]; plannedWeeks: number; region: string };
  updatedAt: string;
  /**
   * The key of the skip or move that last changed the plan, written with it: a press whose write
   * went through but whose answer was lost finds its own key on the retry, and so knows it made
   * the change (its jobs and its message to the chat are still its to do).
   */
  changedBy?: string;
  /**
   * The keys of the latest presses that went through (at most `RECENT_PLAN_CHANGES`), those that
   * found their change made already too: a press that Teams delivers again after others changed
   * the plan since finds its own, and changes nothing.
   */
  recentChanges?: string[];
  /**
   * Weeks the group moved, and the day each was moved to: planning the weeks before one again (a
   * skip, a move of an earlier week, new settings) keeps it there while it still comes after the
   * week before it; a week that must move past it takes it along.
   */
  moved?: { week: number; start: IsoDate }[];
  /**
   * The week whose start job is opening it, until the end of its first session's hour: written by
   * the job before the week opens, under the plan's ETag, so a move or skip of that week at the
   * same moment (another instance) is refused as started instead of both going through.
   */
  opening?: { week: number; until: string; date?: IsoDate };
}

export const RECENT_PLAN_CHANGES = 20;

/** Port: the plan document of a group. */
export interface PlanRepository {
  get(groupId: string): Promise<RhythmPlan | undefined>;
  /** Creates the plan; returns the stored one when it already exists (two first turns at once). */
  create(plan: RhythmPlan): Promise<{ plan: RhythmPlan; created: boolean }>;
  update(groupId: string, mutate: Mutate<RhythmPlan>): Promise<RhythmPlan>;
}

export function planIdFor(groupId: string): string {
  return `${groupId}_plan`;
}

/** What the plan rules need to know about now. */
export interface PlanContext {
  /** Today in the group's time zone. */
  today: IsoDate;
  /** Weeks the group has started (their dates are history). */
  startedWeeks: number;
  holidays: HolidayCalendar;
  at: string;
}

type PlanGroup = Pick<Group, 'id' | 'schedule' | 'plannedWeeks'>;

function rulesOf(group: PlanGroup, ctx: PlanContext, skipped: readonly IsoDate[]): WeekRules & { skipped: ReadonlySet<IsoDate> } {
  return { days: group.schedule.days, holidays: ctx.holidays, skipped: new Set(skipped) };
}

/**
 * The first day anything may be planned on (or moved to): today until today's start time has
 * passed in the group's zone, tomorrow after it.
 */
export function earliestDay(group: Pick<Group, 'schedule'>, ctx: PlanContext): IsoDate {
  return firstPlannableDay(ctx.today, new Date(ctx.at), group.schedule.startTime, group.schedule.timeZone);
}

/**
 * How far ahead a week may be moved: a year, or to the end of the last calendar week the plan
 * already holds where that is later (a plan of 52 weeks passes over holiday weeks and reaches
 * past a year). A date beyond (a typo in the year, a date picker's far end) would push every
 * later week with it, up to past what a date can hold.
 */
export const MOVE_HORIZON_DAYS = 366;

/** The last day a week may be moved to (see MOVE_HORIZON_DAYS). */
export function latestMoveDay(ctx: Pick<PlanContext, 'today'>, plan: Pick<RhythmPlan, 'weeks'>): IsoDate {
  const lastPlanned = plan.weeks.flatMap((w) => w.dates).reduce<IsoDate | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  const yearAhead = addDays(ctx.today, MOVE_HORIZON_DAYS);
  return lastPlanned ? laterOf(yearAhead, addDays(mondayOf(lastPlanned), 6)) : yearAhead;
}

/** The first day week `week` may be planned on: the earliest day, and the calendar week after the week before it. */
function earliestFor(weeks: readonly PlannedWeek[], week: number, earliest: IsoDate): IsoDate {
  const previous = weeks.find((w) => w.week === week - 1);
  return previous ? laterOf(earliest, addDays(mondayOf(previous.dates[previous.dates.length - 1]!), 7)) : earliest;
}

function sortedDays(group: PlanGroup): Weekday[] {
  return [...group.schedule.days].sort((a, b) => a - b);
}

/** The last week a plan covers: the planned weeks, or as many as the group started when it went on past them. */
function lastWeekOf(group: PlanGroup, ctx: PlanContext): number {
  return Math.max(group.plannedWeeks, ctx.startedWeeks);
}

/** Keeps the weeks before `week` and plans `week`..`last` after them, from `from` at the earliest. */
function replan(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext, week: number, from: IsoDate, skipped = plan.skipped, last = lastWeekOf(group, ctx), keepPins = true): RhythmPlan {
  const kept = plan.weeks.filter((w) => w.week < week);
  const start = laterOf(from, earliestFor(kept, week, earliestDay(group, ctx)));
  // Only weeks the plan still holds keep where they were moved: a week dropped (fewer planned
  // weeks) and planned again later is a new week, planned on from the one before it.
  const moved = keepPins ? (plan.moved ?? []).filter((m) => m.week <= last) : (plan.moved ?? []).filter((m) => m.week < week);
  const pins = new Map(moved.filter((m) => m.week >= week).map((m) => [m.week, m.start]));
  return {
    ...plan,
    ...(plan.moved ? { moved } : {}),
    weeks: [...kept, ...planWeeks(week, last, start, rulesOf(group, ctx, skipped), pins)],
    skipped,
    basis: { days: sortedDays(group), plannedWeeks: group.plannedWeeks, region: ctx.holidays.region },
    updatedAt: ctx.at,
  };
}

/**
 * A new plan. The first week not yet started begins on the earliest day: today until today's
 * start time has passed (a group set up on a Monday morning meets that week), else tomorrow (set up
 * on a Monday afternoon, a Monday-Thursday group meets Tuesday-Friday, so all four sessions are
 * still ahead and each gets its start), and after the last started week (`startedDates`, for groups
 * that began before they had a plan).
 */
export function makePlan(group: PlanGroup, ctx: PlanContext, startedDates: PlannedWeek[] = []): RhythmPlan {
  const empty: RhythmPlan = { id: planIdFor(group.id), type: 'plan', groupId: group.id, weeks: startedDates, skipped: [], basis: { days: [], plannedWeeks: 0, region: '' }, updatedAt: ctx.at };
  return replan(empty, group, ctx, ctx.startedWeeks + 1, ctx.today);
}

/**
 * After a change of settings (days, number of weeks, holiday region) the weeks not yet started
 * are planned again; the same object back when nothing that matters changed.
 */
export function reconcilePlan(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext): RhythmPlan {
  const b = plan.basis;
  const same = b.plannedWeeks === group.plannedWeeks && b.region === ctx.holidays.region && b.days.join(',') === sortedDays(group).join(',');
  if (same) return plan;
  return replan(plan, group, ctx, ctx.startedWeeks + 1, ctx.today);
}

/** A plan that also covers week `week` (a group going on past its planned weeks); the same object when it does. */
export function extendPlan(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext, week: number): RhythmPlan {
  if (weekOf(plan, week)) return plan;
  const next = Math.max(0, ...plan.weeks.map((w) => w.week)) + 1;
  // Weeks added past the plan were never moved by the group: no pin of a week once dropped applies.
  return replan(plan, group, ctx, next, ctx.today, plan.skipped, week, false);
}

/**
 * When the first session of the next week to start is behind us and the week did not start, it
 * cannot be held as planned: with no session left ahead the rhythm would never start it nor any
 * after it, and with some left it would open the week a day late with day 1's agenda and never
 * hold its last day. (The app was away from the group's chat, its jobs ran after their hour, or
 * the group moved its start time to a moment already past today.) The weeks not yet started are
 * then planned again from the earliest day, as a skip shifts them; the group keeps its number of
 * active weeks. The same object when the next week's first session is still ahead.
 */
export function catchUpPlan(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext): RhythmPlan {
  const next = weekOf(plan, ctx.startedWeeks + 1);
  if (!next) return plan;
  const now = new Date(ctx.at);
  const first = sessionsOf(next, group.schedule, now)[0];
  if (!first || first.at.getTime() > now.getTime()) return plan;
  const caughtUp = replan(plan, group, ctx, ctx.startedWeeks + 1, ctx.today);
  // At the start time itself the week keeps its day (the group may start it by hand): nothing moved.
  return JSON.stringify(caughtUp.weeks) === JSON.stringify(plan.weeks) ? plan : caughtUp;
}

export function weekOf(plan: RhythmPlan, week: number): PlannedWeek | undefined {
  return plan.weeks.find((w) => w.week === week);
}

/** The weeks after a changed one: which the change moved, and which stayed where they were. */
export interface FollowingWeeks {
  shifted: number[];
  stayed: number[];
}

/**
 * What a change of week `week` did to the weeks after it, as the group is told: a week someone
 * moved stays put (see `moved`), and a move within a week's own calendar week moves none after it.
 */
export function followingWeeks(before: RhythmPlan, after: RhythmPlan, week: number): FollowingWeeks {
  const was = new Map(before.weeks.map((w) => [w.week, w.dates.join()]));
  const later = after.weeks.filter((w) => w.week > week).sort((a, b) => a.week - b.week);
  return {
    shifted: later.filter((w) => was.get(w.week) !== w.dates.join()).map((w) => w.week),
    stayed: later.filter((w) => was.get(w.week) === w.dates.join()).map((w) => w.week),
  };
}

/** Whether week `week` has started, or its start job is opening it now (see `RhythmPlan.opening`). */
function hasStarted(plan: RhythmPlan, ctx: PlanContext, week: number): boolean {
  const claim = plan.opening;
  // A claim whose week was planned again since (its start failed, and its hour passed) holds nothing.
  const claimed = claim?.week === week && ctx.at < claim.until && (claim.date === undefined || weekOf(plan, week)?.dates[0] === claim.date);
  return week <= ctx.startedWeeks || claimed;
}

/**
 * The start job's claim on week `week`'s first session at `at` (ISO), until `until`: the plan
 * unchanged when it already holds it, undefined when the plan no longer has the session there (a
 * member moved or skipped it first: the job opens nothing).
 */
export function claimOpening(plan: RhythmPlan, schedule: GroupSchedule, week: number, day: number, at: string, until: string): RhythmPlan | undefined {
  if (plannedSession(plan, schedule, week, day, at)?.at.toISOString() !== at) return undefined;
  const date = weekOf(plan, week)!.dates[0]!;
  return plan.opening?.week === week && plan.opening.until === until && plan.opening.date === date ? plan : { ...plan, opening: { week, until, date } };
}

/** Why a skip or a move was refused; each has its own explanation for the group. */
export type PlanRefusal = 'started' | 'notPlanned' | 'invalidDate' | 'past' | 'tooFar' | 'notAfterPrevious' | 'doesNotFit' | 'changedMeanwhile';

export type PlanChange = { ok: true; plan: RhythmPlan; changed: boolean } | { ok: false; reason: PlanRefusal };

/**
 * The group skips week `week`, which the card showed starting on `shownStart`. That calendar
 * week is passed over and the week and all after it shift on; the group keeps its number of
 * active weeks. Pressed twice (two members at once, a redelivered action), it skips once.
 */
export function skipWeek(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext, week: number, shownStart: IsoDate): PlanChange {
  const current = weekOf(plan, week);
  if (!current) return { ok: false, reason: 'notPlanned' };
  if (hasStarted(plan, ctx, week)) return { ok: false, reason: 'started' };
  const skippedMonday = mondayOf(shownStart);
  if (current.dates[0] !== shownStart) {
    return plan.skipped.includes(skippedMonday) ? { ok: true, plan, changed: false } : { ok: false, reason: 'changedMeanwhile' };
  }
  const skipped = [...new Set([...plan.skipped, skippedMonday])].sort();
  // A week skipped is no longer where anyone moved it.
  const unpinned = { ...plan, moved: (plan.moved ?? []).filter((m) => m.week !== week) };
  return { ok: true, plan: replan(unpinned, group, ctx, week, addDays(skippedMonday, 7), skipped), changed: true };
}

/**
 * The group moves week `week` (shown starting on `shownStart`) to start on `newStart`: its four
 * days must fit from that date in that calendar week, after the week before it and not in the
 * past. The weeks after it follow on from it. Moving to where it already is changes nothing.
 */
export function moveWeek(plan: RhythmPlan, group: PlanGroup, ctx: PlanContext, week: number, shownStart: IsoDate, newStart: string): PlanChange {
  if (!isIsoDate(newStart)) return { ok: false, reason: 'invalidDate' };
  const current = weekOf(plan, week);
  if (!current) return { ok: false, reason: 'notPlanned' };
  if (hasStarted(plan, ctx, week)) return { ok: false, reason: 'started' };
  if (current.dates[0] === newStart) return { ok: true, plan, changed: false };
  if (current.dates[0] !== shownStart) return { ok: false, reason: 'changedMeanwhile' };
  // Today counts as past once today's start time has passed: the first session would lie behind us.
  if (newStart < earliestDay(group, ctx)) return { ok: false, reason: 'past' };
  if (newStart > latestMoveDay(ctx, plan)) return { ok: false, reason: 'tooFar' };
  const previous = weekOf(plan, week - 1);
  if (previous && mondayOf(newStart) <= mondayOf(previous.dates[previous.dates.length - 1]!)) return { ok: false, reason: 'notAfterPrevious' };
  const monday = mondayOf(newStart);
  // The group picked this calendar week explicitly, so it is no longer a skipped one.
  const skipped = plan.skipped.filter((m) => m !== monday);
  const dates = fitWeek(monday, newStart, rulesOf(group, ctx, skipped));
  if (!dates || dates[0] !== newStart) return { ok: false, reason: 'doesNotFit' };
  const kept = plan.weeks.filter((w) => w.week < week);
  const pinned = [...(plan.moved ?? []).filter((m) => m.week !== week && m.week > ctx.startedWeeks), { week, start: newStart }].sort((a, b) => a.week - b.week);
  const moved = { ...plan, weeks: [...kept, { week, dates }], skipped, moved: pinned };
  return { ok: true, plan: replan(moved, group, ctx, week + 1, addDays(monday, 7), skipped), changed: true };
}

/** One planned session: the week, its day (1-4), the date and the moment it starts. */
export interface PlannedSession {
  week: number;
  day: number;
  date: IsoDate;
  at: Date;
}

/** A week's sessions; where a start time occurs twice on a date, the first not yet past at `after` (see sessionInstant). */
function sessionsOf(w: PlannedWeek, schedule: GroupSchedule, after?: Date): PlannedSession[] {
  return w.dates.map((date, i) => ({ week: w.week, day: i + 1, date, at: sessionInstant(date, schedule.startTime, schedule.timeZone, after) }));
}

/**
 * Session `day` of week `week` as planned. `at` (ISO), the moment a job was scheduled for: where
 * the start time occurs twice that night (the clocks go back), the session at whichever of the
 * two it names (a start time saved between them is held at the second); else the first.
 */
export function plannedSession(plan: RhythmPlan, schedule: GroupSchedule, week: number, day: number, at?: string): PlannedSession | undefined {
  const w = weekOf(plan, week);
  const session = w ? sessionsOf(w, schedule)[day - 1] : undefined;
  const named = session && at !== undefined ? sessionInstants(session.date, schedule.startTime, schedule.timeZone).find((i) => i.toISOString() === at) : undefined;
  return session && named ? { ...session, at: named } : session;
}

/**
 * The sessions still to come of the first planned week that has any after `now`: what is scheduled
 * next. A start time that occurs twice tonight, the first time past, is still to come the second time.
 */
export function upcomingSessions(plan: RhythmPlan, schedule: GroupSchedule, now: Date): PlannedSession[] {
  for (const w of [...plan.weeks].sort((a, b) => a.week - b.week)) {
    const ahead = sessionsOf(w, schedule, now).filter((s) => s.at.getTime() > now.getTime());
    if (ahead.length) return ahead;
  }
  return [];
}
