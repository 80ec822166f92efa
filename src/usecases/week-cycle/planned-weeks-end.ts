import { endsPlannedWeeks } from '../../domain/week-cycle/cycle';
import { Group, Member } from '../../domain/week-cycle/group';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { JOB_KINDS, WeekCycleDeps } from './deps';

/**
 * The year's rhythm closes its loop: when the group's last planned week is complete, each member
 * is invited, in their own 1:1 chat, to look back on those weeks for themselves (what they learned,
 * what they now apply, what they want to learn next) and keep it in Mijn verantwoording. A job
 * does it, so the close stays quick and the invitation survives a restart; its payload names the
 * group and week only. Scheduled before the week is marked complete, so a failure in between
 * loses nothing (a close retried after it finds the week complete and schedules nothing more); a
 * job that runs before the week is marked complete asks again later (see membersAtWeeksEnd).
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

/**
 * The group changed its planned weeks: when the plan's last week is now the last one started and
 * it is complete (a group that says "this was it" after its week), the look-back comes now. The
 * job's id makes it once per week: a week that already ended the plan invites nobody again.
 */
export async function endPlannedWeeksIfDone(deps: WeekCycleDeps, group: Group): Promise<void> {
  if (group.cyclesStarted !== group.plannedWeeks) return;
  const cycle = await deps.cycles.get(group.id, cycleIdFor(group.id, group.plannedWeeks));
  if (cycle?.completedAt) await schedulePlannedWeeksEnd(deps, group, cycle);
}

type ReachableMember = Member & { teamsId: string };

/** How long after its last planned day a week not yet marked complete is waited for. */
const COMPLETION_WAIT_DAYS = 7;

/**
 * Who is invited when the job runs: the group's members now (someone who left is not; someone who
 * joined in the last week is), whom the app can reach in a 1:1 chat. Nothing when the week is no
 * longer the plan's last (the group raised its planned weeks meanwhile) or is gone (erased).
 * `notYet`: the week is not marked complete yet (the job runs in the moment between its scheduling
 * and that write, or the write failed and a retry of the close will make it): ask again later, for
 * up to a week after its last planned day.
 */
export async function membersAtWeeksEnd(deps: WeekCycleDeps, groupId: string, cycleId: string): Promise<{ group?: Group; members: ReachableMember[]; notYet?: true }> {
  const group = await deps.groups.get(groupId);
  if (!group) return { members: [] };
  const cycle = await deps.cycles.get(groupId, cycleId);
  if (!cycle || !endsPlannedWeeks(cycle.weekNumber, group.plannedWeeks)) return { members: [] };
  if (!cycle.completedAt) return stillWaiting(deps, cycle.sessionDates) ? { members: [], notYet: true } : { members: [] };
  return { group, members: group.members.filter((m): m is ReachableMember => !!m.teamsId) };
}

function stillWaiting(deps: Pick<WeekCycleDeps, 'clock'>, sessionDates: string[]): boolean {
  const last = sessionDates.at(-1);
  if (!last) return false;
  return deps.clock.now().getTime() < new Date(`${last}T00:00:00Z`).getTime() + (COMPLETION_WAIT_DAYS + 1) * 24 * 60 * 60_000;
}

/** The invitation's idempotency key: one per member and week, however often the job runs. */
export function weeksEndKey(cycleId: string, memberId: string): string {
  return `weeksEnd:${cycleId}:${memberId}`;
}

/** The group's own line, in its chat: the planned weeks are over, the look-back is each one's own. */
export function weeksEndGroupKey(cycleId: string): string {
  return `weeksEnd:${cycleId}:group`;
}
