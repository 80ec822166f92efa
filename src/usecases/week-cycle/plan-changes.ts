import { randomUUID } from 'node:crypto';
import { Group } from '../../domain/week-cycle/group';
import { moveWeek, PlanChange, RhythmPlan, skipWeek } from '../../domain/week-cycle/plan';
import { Actor, WeekCycleDeps } from './deps';
import { loadGroup, requireMember } from './membership';
import { planContext, planFor, scheduleRhythm } from './plan-rhythm';

export interface PlanChangeResult {
  group: Group;
  plan: RhythmPlan;
  /** What the change came to: refused with a reason, or done (`changed` false when it was already so). */
  outcome: PlanChange;
}

/**
 * Applies one change to the plan with its ETag, re-applied on a conflict, so two members
 * pressing at once change it once; the other finds it done. Then the next week's jobs follow.
 * The change carries this attempt's key: when the store kept the write but lost its answer, the
 * retry finds the change already made, and the key says it was this press's (as `warnOnce`).
 */
async function changePlan(deps: WeekCycleDeps, groupId: string, actor: Actor, change: (plan: RhythmPlan, group: Group) => PlanChange): Promise<PlanChangeResult> {
  const group = await requireMember(deps, groupId, actor);
  const { plan: before } = await planFor(deps, group);
  const attempt = randomUUID();
  let outcome: PlanChange = { ok: true, plan: before, changed: false };
  const plan = await deps.plans.update(groupId, (current) => {
    outcome = change(current, group);
    return outcome.ok && outcome.changed ? { ...outcome.plan, changedBy: attempt } : current;
  });
  if (outcome.ok) outcome = { ...outcome, plan, changed: plan.changedBy === attempt };
  if (outcome.ok && outcome.changed) await scheduleRhythm(deps, group, plan, { group, plan: before });
  return { group, plan, outcome };
}

/** The group skips a week that has not started: it and the weeks after it shift on. */
export function skipPlannedWeek(deps: WeekCycleDeps, groupId: string, actor: Actor, input: { week: number; shownStart: string }): Promise<PlanChangeResult> {
  return changePlan(deps, groupId, actor, (plan, group) => skipWeek(plan, group, planContext(deps, group), input.week, input.shownStart));
}

/** The group moves a week that has not started to another start date; the weeks after it follow. */
export function movePlannedWeek(deps: WeekCycleDeps, groupId: string, actor: Actor, input: { week: number; shownStart: string; newStart: string }): Promise<PlanChangeResult> {
  return changePlan(deps, groupId, actor, (plan, group) => moveWeek(plan, group, planContext(deps, group), input.week, input.shownStart, input.newStart));
}

/** The plan as a card shows it (made when a group has none yet). */
export async function showPlan(deps: WeekCycleDeps, groupId: string): Promise<{ group: Group; plan: RhythmPlan }> {
  const group = await loadGroup(deps, groupId);
  return { group, plan: (await planFor(deps, group)).plan };
}
