import { endsPlannedWeeks } from '../../domain/week-cycle/cycle';
import { Group, Member } from '../../domain/week-cycle/group';
import { JOB_KINDS, WeekCycleDeps } from './deps';

/**
 * The year's rhythm closes its loop: when the group's last planned week is complete, each member
 * is invited, in their own 1:1 chat, to look back on those weeks for themselves (what they learned,
 * what they now apply, what they want to learn next) and keep it in Mijn verantwoording. A job
 * does it, so the close stays quick and the invitation survives a restart; its payload names the
 * group and week only. Scheduled before the week is marked complete: a close retried after a
 * fault schedules it again (the same id), never a second time.
 */
export async function schedulePlannedWeeksEnd(deps: WeekCycleDeps, group: Pick<Group, 'id' | 'plannedWeeks'>, cycle: { id: string; weekNumber: number }): Promise<void> {
  if (!endsPlannedWeeks(cycle.weekNumber, group.plannedWeeks)) return;
  await deps.scheduler.schedule({
    id: `${cycle.id}_weeksEnd`,
    kind: JOB_KINDS.plannedWeeksEnd,
    dueAt: deps.clock.now().toISOString(),
    payload: { groupId: group.id, cycleId: cycle.id },
  });
}

type ReachableMember = Member & { teamsId: string };

/**
 * Who is invited when the job runs: the group's members now (someone who left is not; someone who
 * joined in the last week is), whom the app can reach in a 1:1 chat. Nothing when the week is no
 * longer the plan's last (the group raised its planned weeks meanwhile) or is gone (erased).
 */
export async function membersAtWeeksEnd(deps: WeekCycleDeps, groupId: string, cycleId: string): Promise<{ group?: Group; members: ReachableMember[] }> {
  const group = await deps.groups.get(groupId);
  if (!group) return { members: [] };
  const cycle = await deps.cycles.get(groupId, cycleId);
  if (!cycle?.completedAt || !endsPlannedWeeks(cycle.weekNumber, group.plannedWeeks)) return { members: [] };
  return { group, members: group.members.filter((m): m is ReachableMember => !!m.teamsId) };
}

/** The invitation's idempotency key: one per member and week, however often the job runs. */
export function weeksEndKey(cycleId: string, memberId: string): string {
  return `weeksEnd:${cycleId}:${memberId}`;
}

/** The group's own line, in its chat: the planned weeks are over, the look-back is each one's own. */
export function weeksEndGroupKey(cycleId: string): string {
  return `weeksEnd:${cycleId}:group`;
}
