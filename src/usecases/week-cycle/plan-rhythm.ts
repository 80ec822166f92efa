import { ScheduledJob } from '../../domain/scheduling/job';
import { Group } from '../../domain/week-cycle/group';
import { catchUpPlan, extendPlan, makePlan, PlanContext, PlannedSession, reconcilePlan, RhythmPlan, upcomingSessions } from '../../domain/week-cycle/plan';
import { PlannedWeek, todayIn } from '../../domain/week-cycle/rhythm';
import { JOB_KINDS, WeekCycleDeps } from './deps';

/** Who started a week that opened by itself at its planned time. */
export const RHYTHM_ACTOR_ID = 'rhythm';

/** A planned session as a job names it: checked against the plan when the job runs. */
export interface SessionSlot {
  week: number;
  day: number;
  /** The start the job was scheduled for (ISO instant). */
  at: string;
}

export function planContext(deps: WeekCycleDeps, group: Group, now = deps.clock.now()): PlanContext {
  return { today: todayIn(now, group.schedule.timeZone), startedWeeks: group.cyclesStarted, holidays: deps.rhythm.holidays, at: now.toISOString() };
}

/** The week a group without a plan is in (it began before plans existed), so its plan follows on from it. */
async function startedDatesOf(deps: WeekCycleDeps, group: Group): Promise<PlannedWeek[]> {
  if (!group.currentCycleId || !group.cyclesStarted) return [];
  const cycle = await deps.cycles.get(group.id, group.currentCycleId);
  return cycle && cycle.sessionDates.length === 4 ? [{ week: cycle.weekNumber, dates: cycle.sessionDates }] : [];
}

export interface PlanRead {
  plan: RhythmPlan;
  /** The plan as it was before this turn changed it (made, re-planned or extended), to re-schedule from. */
  previous?: RhythmPlan;
  changed: boolean;
}

/**
 * The group's plan: made when the group has none, re-planned when its settings changed, and
 * extended when the group goes on past its planned weeks (`week`). Idempotent: a second turn
 * at the same moment finds the plan made and changes nothing.
 *
 * `catchUp`: a new start time or time zone can put the next week's first session behind us (moved
 * to earlier today): that week is planned again at once (catchUpPlan), and the caller schedules
 * it. Never on a plain read: in the seconds between a start time and its start job, a first
 * session is "behind us" too, and a read that moved the week would leave the job without its slot.
 */
export async function planFor(deps: WeekCycleDeps, group: Group, week?: number, opts: { catchUp?: boolean } = {}): Promise<PlanRead> {
  const ctx = planContext(deps, group);
  const settle = (p: RhythmPlan) => {
    const reconciled = reconcilePlan(p, group, ctx);
    if (week) return extendPlan(reconciled, group, ctx, week);
    return opts.catchUp ? catchUpPlan(reconciled, group, ctx) : reconciled;
  };
  const stored = await deps.plans.get(group.id);
  if (!stored) {
    const { plan, created } = await deps.plans.create(settle(makePlan(group, ctx, await startedDatesOf(deps, group))));
    return { plan, changed: created };
  }
  if (settle(stored) === stored) return { plan: stored, changed: false };
  return { plan: await deps.plans.update(group.id, settle), previous: stored, changed: true };
}

/**
 * The plan as a card or a press reads it (planFor). A read can re-plan it (new settings or a new
 * holiday region since, or a settings save whose plan write failed) and store it: then the
 * re-planned week's jobs are scheduled here, and the stored plan's stale ones cancelled, or the
 * rhythm would stop at jobs that no longer match the plan. `changed` says it re-planned (a reader
 * then reads the group once more: showPlan).
 */
export async function readPlan(deps: WeekCycleDeps, group: Group): Promise<{ plan: RhythmPlan; changed: boolean }> {
  const { plan, previous, changed } = await planFor(deps, group);
  if (changed) await scheduleRhythm(deps, group, plan, previous ? { group, plan: previous } : undefined);
  return { plan, changed };
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[^0-9]/g, '').slice(0, 12);
}

function slotPayload(group: Group, s: PlannedSession): Record<string, unknown> {
  return { groupId: group.id, week: s.week, day: s.day, at: s.at.toISOString() };
}

/**
 * The jobs that make the next planned week happen by itself: for each of its sessions still to
 * come, a reminder in the chat and the start. Ids are made from the slot and its time, so
 * scheduling twice is a no-op and a moved session gets new jobs.
 */
export function rhythmJobs(deps: WeekCycleDeps, group: Group, plan: RhythmPlan, now: Date): ScheduledJob[] {
  return upcomingSessions(plan, group.schedule, now).flatMap((s) => {
    const base = `${group.id}_w${s.week}_d${s.day}_${stamp(s.at)}`;
    const remindAt = new Date(s.at.getTime() - deps.rhythm.reminderMinutes * 60_000);
    const start: ScheduledJob = { id: `${base}_start`, kind: JOB_KINDS.sessionStart, dueAt: s.at.toISOString(), payload: slotPayload(group, s) };
    const remind: ScheduledJob = { id: `${base}_remind`, kind: JOB_KINDS.sessionReminder, dueAt: remindAt.toISOString(), payload: slotPayload(group, s) };
    return remindAt.getTime() > now.getTime() ? [remind, start] : [start];
  });
}

/**
 * Schedules the next planned week's jobs, and cancels those an earlier plan or schedule made that
 * no longer apply (`before`: one, or several when the group was read at different settings). A
 * job that escapes the cancel still checks the plan when it runs.
 */
export async function scheduleRhythm(deps: WeekCycleDeps, group: Group, plan: RhythmPlan, before?: { group: Group; plan: RhythmPlan } | { group: Group; plan: RhythmPlan }[]): Promise<void> {
  const now = deps.clock.now();
  const jobs = rhythmJobs(deps, group, plan, now);
  if (before) {
    const kept = new Set(jobs.map((j) => j.id));
    for (const b of Array.isArray(before) ? before : [before]) {
      for (const old of rhythmJobs(deps, b.group, b.plan, now)) {
        if (kept.has(old.id)) continue;
        kept.add(old.id);
        await deps.scheduler.cancel(old.id);
      }
    }
  }
  for (const job of jobs) await deps.scheduler.schedule(job);
}

/** After setup (or new settings): the plan is made or follows the settings, and the next week is scheduled. */
export async function planAhead(deps: WeekCycleDeps, group: Group, before?: Group): Promise<RhythmPlan> {
  const scheduleChanged = !!before && (before.schedule.startTime !== group.schedule.startTime || before.schedule.timeZone !== group.schedule.timeZone);
  const { plan, previous, changed } = await planFor(deps, group, undefined, { catchUp: scheduleChanged });
  // Scheduled also when nothing changed (the jobs' ids make it idempotent): a save whose jobs
  // could not be written is saved again unchanged, and that save schedules them.
  await scheduleRhythm(deps, group, plan, (changed || scheduleChanged) && (before || previous) ? { group: before ?? group, plan: previous ?? plan } : undefined);
  return plan;
}

/**
 * The plan with the next week to start planned again when it passed unheld (catchUpPlan), stored
 * under its ETag; `previous` is the plan it replaced, to re-schedule from. Unchanged while the next
 * week still has a session ahead.
 */
export async function catchUpRhythm(deps: WeekCycleDeps, group: Group, current: RhythmPlan): Promise<{ plan: RhythmPlan; previous?: RhythmPlan }> {
  const ctx = planContext(deps, group);
  if (catchUpPlan(current, group, ctx) === current) return { plan: current };
  return { plan: await deps.plans.update(group.id, (p) => catchUpPlan(p, group, ctx)), previous: current };
}

/**
 * The rhythm of a group coming back from a pause (`group` as it will be, live): the weeks that
 * passed meanwhile are planned again from the earliest day (catchUpPlan), and the next week's jobs
 * are scheduled. While paused the jobs did nothing and scheduled no next week; the pending ones of
 * a week still to come keep their ids and stay. Idempotent, like scheduleRhythm.
 */
export async function resumeRhythm(deps: WeekCycleDeps, group: Group): Promise<void> {
  const { plan: current } = await planFor(deps, group);
  const { plan, previous } = await catchUpRhythm(deps, group, current);
  await scheduleRhythm(deps, group, plan, previous ? { group, plan: previous } : undefined);
}
