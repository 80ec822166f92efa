import { randomUUID } from 'node:crypto';
import { stableId } from '../../domain/shared/ids';
import { Cycle } from '../../domain/week-cycle/cycle';
import { Group, Member } from '../../domain/week-cycle/group';
import { plannedSession } from '../../domain/week-cycle/plan';
import { JOB_KINDS, WeekCycleDeps } from './deps';

/**
 * The Prof-traject is offered at the group's first cycle, to each member privately: once the
 * first session is over (so it does not interrupt the first hour), and at once to a member who
 * joins during the first cycle. A job does it, so the turn that starts the week stays quick and
 * the offer survives a restart; its payload names the group only.
 */
export async function scheduleProfTrajectOffer(deps: WeekCycleDeps, group: Group, cycle: Cycle, joinedId?: string): Promise<void> {
  const now = deps.clock.now();
  const plan = joinedId ? undefined : await deps.plans.get(group.id);
  const firstStart = plan && plannedSession(plan, group.schedule, cycle.weekNumber, 1)?.at;
  const afterFirstSession = firstStart ? new Date(firstStart.getTime() + deps.session.minutes * 60_000) : now;
  await deps.scheduler.schedule({
    // A join's job has a random id: one derived from the member's id would outlive their erasure
    // (offerKey already makes a second run, for a redelivered join, offer nothing twice).
    id: joinedId ? `${cycle.id}_trajectOffer_${randomUUID()}` : `${cycle.id}_trajectOffer`,
    kind: JOB_KINDS.profTrajectOffer,
    dueAt: new Date(Math.max(now.getTime(), afterFirstSession.getTime())).toISOString(),
    payload: { groupId: group.id, cycleId: cycle.id },
  });
}

/** A member joined: during the first cycle, they are offered their Prof-traject too. */
export async function offerProfTrajectOnJoin(deps: WeekCycleDeps, group: Group, joinedIds: string[]): Promise<void> {
  if (group.cyclesStarted !== 1 || !group.currentCycleId) return;
  const cycle = await deps.cycles.get(group.id, group.currentCycleId);
  if (!cycle || cycle.completedAt) return;
  for (const id of joinedIds) await scheduleProfTrajectOffer(deps, group, cycle, id);
}

/**
 * Who gets the offer now: members of a group still in its first cycle, whom the app can reach
 * in a 1:1 chat, without a Prof-traject. Each offer carries `offerKey`, so a member gets it once
 * however often this runs.
 */
type ReachableMember = Member & { teamsId: string };

export async function membersToOffer(deps: WeekCycleDeps, groupId: string, cycleId: string): Promise<{ group?: Group; members: ReachableMember[] }> {
  const group = await deps.groups.get(groupId);
  if (!group || group.cyclesStarted !== 1 || group.currentCycleId !== cycleId) return { members: [] };
  const reachable = group.members.filter((m): m is ReachableMember => !!m.teamsId);
  const without = await Promise.all(reachable.map(async (m) => ((await deps.profTrajects.hasProfTraject(m.id)) ? undefined : m)));
  return { group, members: without.filter((m): m is ReachableMember => !!m) };
}

/** The offer's idempotency key: one per member and group. */
export function offerKey(groupId: string, memberId: string): string {
  return `profTraject.offer:${groupId}:${memberId}`;
}

/**
 * Erasure: the join offers' job ids from before they were random named the member (a hash of
 * their id per cycle). Deletes those of the given cycles; safe to run again.
 */
export async function forgetLegacyOfferJobs(jobs: { forget(jobId: string): Promise<void> }, userId: string, cycleIds: string[]): Promise<void> {
  for (const cycleId of new Set(cycleIds)) await jobs.forget(`${cycleId}_trajectOffer_${stableId('m', userId)}`);
}
