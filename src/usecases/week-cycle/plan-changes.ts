import { randomUUID } from 'node:crypto';
import { stableId } from '../../domain/shared/ids';
import { Group } from '../../domain/week-cycle/group';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { FollowingWeeks, followingWeeks, moveWeek, PlanChange, RECENT_PLAN_CHANGES, reconcilePlan, RhythmPlan, skipWeek } from '../../domain/week-cycle/plan';
import { Actor, WeekCycleDeps } from './deps';
import { loadGroup, requireMember } from './membership';
import { rhythmChanges } from './set-up-group';
import { planContext, planFor, readPlan, scheduleRhythm } from './plan-rhythm';

export interface PlanChangeResult {
  group: Group;
  plan: RhythmPlan;
  /** What the change came to: refused with a reason, or done (`changed` false when it was already so). */
  outcome: PlanChange;
  /** The weeks after the changed one, as this press changed them (when it did): what the chat is told. */
  following?: FollowingWeeks;
  /** The weeks behind the group (`weeksDone`), as before the change (a change moves no week that started). */
  weeksDone: number;
}

/**
 * Applies one change to the plan with its ETag, re-applied on a conflict, so two members
 * pressing at once change it once; the other finds it done. Then the next week's jobs follow.
 * The change carries the press's key (Teams' activity id, the same when it delivers it again):
 * when the store kept the write but lost its answer, the retry finds the change already made, and
 * the key says it was this press's (as `warnOnce`); a press delivered again after others changed
 * the plan since finds its key among the recent changes and changes nothing (a skip would skip
 * again a week someone moved back meanwhile). A press that found the change made already keeps its
 * key too, for the same reason. The jobs are scheduled on every press that was not refused, also
 * when nothing changed (their ids make it idempotent): a change whose jobs could not be written
 * is pressed again, finds nothing to change, and that press schedules them.
 */
async function changePlan(deps: WeekCycleDeps, groupId: string, actor: Actor, week: number, key: string | undefined, change: (plan: RhythmPlan, group: Group) => PlanChange): Promise<PlanChangeResult> {
  let group = await requireMember(deps, groupId, actor);
  // Read before the change: after it, a failed read would give an error card for a change that was made.
  const done = await weeksDone(deps, group);
  const { plan: before } = await readPlan(deps, group);
  const attempt = key ? stableId('pc', groupId, key) : randomUUID();
  let outcome: PlanChange = { ok: true, plan: before, changed: false };
  // The plan this press changed, as it was (a retry after a lost answer finds its change made: none).
  let changedFrom: RhythmPlan | undefined;
  let plan: RhythmPlan | undefined;
  // The group this press read first: its jobs are among those cancelled when a later read differs.
  const firstRead = group;
  for (let reread = 0; ; reread++) {
    const current = group;
    // Set when the plan was made from other settings than the group this press read: a settings
    // save came in since (its re-plan won the ETag race), and re-applying the change with the group
    // as read would put the old settings back. Nothing is written then; the group is read again
    // and the change applied anew. Past the rereads (saves one after another), the plan follows
    // the group as last read, as a plan read does.
    let basisMoved = false;
    const stored = await deps.plans.update(groupId, (found) => {
      // A redo after the write (see below) keeps what the write changed: the weeks after it, as told.
      if (!plan) changedFrom = undefined;
      basisMoved = false;
      if (found.recentChanges?.includes(attempt)) {
        // This press's change is in the plan (written by it, or its answer lost). The plan follows
        // the group as read now, as a plan read does: a settings save between this press's plan
        // read and its write may have been undone by that read (re-planned to the settings before).
        const settled = reconcilePlan(found, current, planContext(deps, current));
        outcome = { ok: true, plan: settled, changed: false };
        return settled;
      }
      const settled = reconcilePlan(found, current, planContext(deps, current));
      if (settled !== found && reread < GROUP_REREADS) {
        basisMoved = true;
        return found;
      }
      outcome = change(settled, current);
      if (!outcome.ok) return found;
      const recentChanges = [...(found.recentChanges ?? []), attempt].slice(-RECENT_PLAN_CHANGES);
      if (outcome.changed) {
        changedFrom = settled;
        return { ...outcome.plan, changedBy: attempt, recentChanges };
      }
      // Found done (another member's press): only the key is written, under the ETag, so Teams
      // delivering this press again after someone undid that change does not make it after all.
      // Without a key the press cannot come again: nothing to write.
      return key ? { ...found, recentChanges } : found;
    });
    if (basisMoved) {
      group = await requireMember(deps, groupId, actor);
      continue;
    }
    plan = stored;
    if (!outcome.ok || reread >= GROUP_REREADS) break;
    // The plan is written; the group is read once more (found in review, stop 62). A settings save
    // may have come in since this press read it without touching the plan (a new start time or time
    // zone: the plan's basis holds neither), or after this press's plan read had put its re-plan
    // back to the settings before. Then the jobs would be scheduled at the old hour (and do
    // nothing: the rhythm would stop) or the plan keep the settings that lost: the change is done
    // again from the group as now stored, which finds it made and follows the settings.
    const fresh = await loadGroup(deps, groupId);
    const moved = rhythmChanges(current, fresh).length > 0;
    group = fresh;
    if (!moved) break;
  }
  if (outcome.ok) outcome = { ...outcome, plan, changed: plan.changedBy === attempt };
  // The jobs of the plan this press changed are cancelled where they no longer apply: after a
  // settings save came in between, that is the plan the save left, not the one read before, and
  // at the hour of the group as stored as well as of the one this press first read.
  const from = changedFrom ?? before;
  if (outcome.ok) await scheduleRhythm(deps, group, plan, rhythmChanges(firstRead, group).length ? [{ group: firstRead, plan: from }, { group, plan: from }] : { group, plan: from });
  const following = outcome.ok && outcome.changed && changedFrom ? followingWeeks(changedFrom, plan, week) : undefined;
  return { group, plan, outcome, weeksDone: done, ...(following ? { following } : {}) };
}

/** How often a plan change reads the group again when the plan follows newer settings than it read (see changePlan). */
const GROUP_REREADS = 2;

/** The group skips a week that has not started: it and the weeks after it shift on. */
export function skipPlannedWeek(deps: WeekCycleDeps, groupId: string, actor: Actor, input: { week: number; shownStart: string; key?: string }): Promise<PlanChangeResult> {
  return changePlan(deps, groupId, actor, input.week, input.key, (plan, group) => skipWeek(plan, group, planContext(deps, group), input.week, input.shownStart));
}

/** The group moves a week that has not started to another start date; the weeks after it follow. */
export function movePlannedWeek(deps: WeekCycleDeps, groupId: string, actor: Actor, input: { week: number; shownStart: string; newStart: string; key?: string }): Promise<PlanChangeResult> {
  return changePlan(deps, groupId, actor, input.week, input.key, (plan, group) => moveWeek(plan, group, planContext(deps, group), input.week, input.shownStart, input.newStart));
}

/**
 * What skipping a week would do, for the card that asks first: the weeks after it that would
 * shift, and those that would stay (a week someone moved stays put). None when it cannot be skipped.
 */
export function previewSkip(deps: WeekCycleDeps, group: Group, plan: RhythmPlan, week: number, shownStart: string): FollowingWeeks | undefined {
  const skipped = skipWeek(plan, group, planContext(deps, group), week, shownStart);
  return skipped.ok && skipped.changed ? followingWeeks(plan, skipped.plan, week) : undefined;
}

/**
 * The plan as a card shows it (made when a group has none yet), with the weeks behind the group.
 * A read that re-planned and stored the plan reads the group once more (stop 63, as a skip or a
 * move does since stop 62): a settings save landing between this read of the group and of the plan
 * had its plan put back to the settings read before it. Then the plan is read again with the group
 * as now stored, which re-plans it to the settings that won; one read more, only when it re-planned.
 */
export async function showPlan(deps: WeekCycleDeps, groupId: string): Promise<{ group: Group; plan: RhythmPlan; weeksDone: number }> {
  let group = await loadGroup(deps, groupId);
  let { plan, changed } = await readPlan(deps, group);
  for (let reread = 0; changed && reread < GROUP_REREADS; reread++) {
    const fresh = await loadGroup(deps, groupId);
    const read = group;
    group = fresh;
    if (rhythmChanges(read, fresh).length === 0) break;
    const shown = plan;
    let previous: RhythmPlan | undefined;
    ({ plan, previous, changed } = await planFor(deps, group));
    // The jobs the read before scheduled at the settings that lost are among those cancelled.
    await scheduleRhythm(deps, group, plan, [{ group: read, plan: shown }, ...(previous ? [{ group, plan: previous }] : [])]);
  }
  return { group, plan, weeksDone: await weeksDone(deps, group) };
}

/**
 * How many weeks are behind the group: those before the last one started, and that one too once
 * it is complete (its last day closed: `completedAt`), though no next week started yet.
 */
export async function weeksDone(deps: WeekCycleDeps, group: Pick<Group, 'id' | 'cyclesStarted'>): Promise<number> {
  const last = group.cyclesStarted;
  if (!last) return 0;
  const cycle = await deps.cycles.get(group.id, cycleIdFor(group.id, last));
  return cycle?.completedAt ? last : last - 1;
}
