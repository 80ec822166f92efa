import { Group, isPaused } from '../../domain/week-cycle/group';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { claimOpening, FollowingWeeks, followingWeeks, PlannedSession, plannedSession, RhythmPlan, weekOf } from '../../domain/week-cycle/plan';
import { WeekCycleDeps } from './deps';
import { catchUpRhythm, RHYTHM_ACTOR_ID, scheduleRhythm, SessionSlot } from './plan-rhythm';
import { openWeek } from './start-cycle';
import { NextSession, startNextSession } from './start-session';

interface CurrentSlot {
  group: Group;
  plan: RhythmPlan;
  session: PlannedSession;
}

/**
 * A group whose members all left its chat (Teams told the app): nobody to remind or to hold a
 * session with. Its rhythm skips, it does not stop: each start still plans on (the weeks that pass
 * unheld are planned again, as after a pause, and nobody is told), so when someone joins again (by
 * acting on the group's cards or commands, or a setup) the next slot reminds and opens as ever.
 * Nothing is stored for it: the group's members say it.
 */
function nobodyIn(group: Pick<Group, 'members'>): boolean {
  return group.members.length === 0;
}

/**
 * The slot as the plan and the group's schedule have it now; undefined for a job of an older plan
 * or schedule, and for a paused group (the app was removed from its chat, where Teams refuses
 * its messages): its jobs do nothing and schedule no next week until the app is back.
 */
async function currentSlot(deps: WeekCycleDeps, groupId: string, slot: SessionSlot): Promise<CurrentSlot | undefined> {
  const [group, plan] = await Promise.all([deps.groups.get(groupId), deps.plans.get(groupId)]);
  if (!group || !plan || isPaused(group)) return undefined;
  // Named by the job's own moment: on the night the clocks go back, either of the two is the slot's.
  const session = plannedSession(plan, group.schedule, slot.week, slot.day, slot.at);
  return session && session.at.toISOString() === slot.at ? { group, plan, session } : undefined;
}

/**
 * The day a planned slot opens, when it is still to be held: the group has not moved on to a later
 * week, and no session of this day (or a later one) of the week was opened by hand already. The
 * week's next day, which is the slot's own unless a day of the week passed unheld (the scheduler
 * was down): then it is an earlier one, and the week's last day has no slot left.
 */
async function dayToHold(deps: WeekCycleDeps, group: Group, slot: SessionSlot): Promise<number | undefined> {
  if (group.cyclesStarted > slot.week) return undefined;
  if (group.cyclesStarted < slot.week) return group.cyclesStarted === slot.week - 1 ? 1 : undefined;
  const state = await deps.sessions.loadCycle(group.id, cycleIdFor(group.id, slot.week));
  if (!state || state.cycle.completedAt || state.sessions.some((s) => s.day >= slot.day)) return undefined;
  // A session of the week still open (started by hand before its time): this slot opens nothing.
  if (state.sessions.some((s) => s.status === 'open')) return undefined;
  return Math.max(0, ...state.sessions.map((s) => s.day)) + 1;
}

/** The reminder before a planned session, when it is still coming: what to say, or nothing. */
export async function dueReminder(deps: WeekCycleDeps, groupId: string, slot: SessionSlot): Promise<{ group: Group; session: PlannedSession; day: number } | undefined> {
  const current = await currentSlot(deps, groupId, slot);
  if (!current || nobodyIn(current.group) || deps.clock.now().getTime() >= current.session.at.getTime()) return undefined;
  const day = await dayToHold(deps, current.group, slot);
  return day ? { group: current.group, session: current.session, day } : undefined;
}

/** A planned slot that opened an earlier day of its week than its own: a day passed unheld. */
export interface BehindInWeek {
  group: Group;
  week: number;
  /** The day that opened now, and the slot's own. */
  day: number;
  planned: number;
}

/**
 * A planned session starts by itself: its week opens if it has not (the rhythm starts it), then
 * the week's next session, unless the group is ahead or the hour has passed. Whatever happened, the
 * next planned sessions get their jobs, so the rhythm goes on week after week.
 *
 * A week whose sessions all passed unheld (the scheduler was down, or its jobs ran after their
 * hour) is planned again from the earliest day, as after a pause: the group holds its weeks in
 * order and keeps their number, and the plan card shows where each went. Letting a later week's
 * slot open it instead would hold week 1 on dates the plan calls week 2 and leave the last week
 * unplanned; skipping it would drop a week the group never chose to drop. Without either, every
 * later job found `cyclesStarted` one week behind and did nothing, for good and without a word.
 */
/** A week that passed unheld and is planned again: its number and its new dates. */
export interface CaughtUpWeek {
  group: Group;
  week: number;
  dates: readonly string[];
  /** What planning it again did to the weeks after it. */
  following: FollowingWeeks;
}

export async function startPlannedSession(deps: WeekCycleDeps, groupId: string, slot: SessionSlot, caughtUp?: (week: CaughtUpWeek) => Promise<void>, behind?: (b: BehindInWeek) => Promise<void>): Promise<NextSession | undefined> {
  const current = await currentSlot(deps, groupId, slot);
  if (!current) return undefined;
  const hourEnds = current.session.at.getTime() + deps.session.minutes * 60_000;
  let failed = false;
  try {
    // A start that runs after its hour is over (the app was down) does not open a session late;
    // nor one for a group whose members all left (it plans on below).
    const over = hourEnds <= deps.clock.now().getTime();
    if (over || nobodyIn(current.group) || !(await dayToHold(deps, current.group, slot))) return undefined;
    if (current.group.cyclesStarted < slot.week) {
      // Claimed in the plan first: a member moving this week at the same moment either finds it
      // opening (refused as started) or moved it already (this job opens nothing).
      const until = new Date(current.session.at.getTime() + deps.session.minutes * 60_000).toISOString();
      let claimed = false;
      await deps.plans.update(groupId, (p) => {
        const next = claimOpening(p, current.group.schedule, slot.week, slot.day, slot.at, until);
        claimed = next !== undefined;
        return next ?? p;
      });
      if (!claimed) return undefined;
      await openWeek(deps, current.group, slot.week, RHYTHM_ACTOR_ID);
    }
    const next = await startNextSession(deps, groupId, undefined, { cycleId: cycleIdFor(groupId, slot.week) });
    if (next?.kind === 'session' && next.created && next.state.session.day < slot.day && behind) await behind({ group: current.group, week: slot.week, day: next.state.session.day, planned: slot.day });
    return next;
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    // A start that failed within its hour runs again (the scheduler retries it): planning the week
    // again now, its start time being past, would put it on tomorrow and leave the retry no slot.
    if (!(failed && deps.clock.now().getTime() < hourEnds)) await planOn(deps, groupId, current, caughtUp);
  }
}

/** After a start job: the plan caught up and the next jobs scheduled, as the group and plan are now. */
async function planOn(deps: WeekCycleDeps, groupId: string, current: CurrentSlot, caughtUp?: (week: CaughtUpWeek) => Promise<void>): Promise<void> {
  // As they are now: this run may have opened the week (and extended the plan).
  const [group, stored] = await Promise.all([deps.groups.get(groupId), deps.plans.get(groupId)]);
  const now = group ?? current.group;
  const { plan, previous } = await catchUpRhythm(deps, now, stored ?? current.plan);
  await scheduleRhythm(deps, now, plan, previous ? { group: now, plan: previous } : undefined);
  // Told here, not by the caller: also when starting failed, the plan was changed for the group.
  // Nobody is told in a chat whose members all left: the plan card shows it to whoever joins.
  const moved = previous && !nobodyIn(now) ? weekOf(plan, now.cyclesStarted + 1) : undefined;
  if (moved && previous && caughtUp) await caughtUp({ group: now, week: moved.week, dates: moved.dates, following: followingWeeks(previous, plan, moved.week) });
}

/** A start job from before the plan (it names only its cycle): the cycle's next session, unless the group is paused or its members all left. */
export async function startCycleSession(deps: WeekCycleDeps, groupId: string, cycleId: string | undefined): Promise<NextSession | undefined> {
  const group = await deps.groups.get(groupId);
  if (!group || isPaused(group) || nobodyIn(group)) return undefined;
  return startNextSession(deps, groupId, undefined, { cycleId });
}
