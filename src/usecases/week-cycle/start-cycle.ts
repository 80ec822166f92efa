import { checkAgenda, Cycle, defaultAgenda } from '../../domain/week-cycle/cycle';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { DomainError } from '../../domain/shared/errors';
import { Actor, JOB_KINDS, WeekCycleDeps } from './deps';
import { requireMember } from './membership';
import { nextSessionDates, sessionStartInstant } from './schedule-dates';

export { cycleIdFor } from '../../domain/week-cycle/ids';

/**
 * Starts the group's next week. Idempotent per week number: pressing "start" twice, or Teams
 * redelivering the action, opens one cycle. `expectedWeek` is what the card showed, so a stale
 * card cannot start a week twice.
 */
export async function startCycle(deps: WeekCycleDeps, groupId: string, actor: Actor, expectedWeek?: number): Promise<Cycle> {
  const group = await requireMember(deps, groupId, actor);
  const weekNumber = expectedWeek ?? group.cyclesStarted + 1;
  if (weekNumber < 1 || weekNumber > group.cyclesStarted + 1) throw new DomainError('conflict', 'stale week');
  const id = cycleIdFor(groupId, weekNumber);
  const framework = deps.frameworks[group.language];
  const now = deps.clock.now();
  const { cycle, created } = await deps.cycles.create({
    id,
    type: 'cycle',
    groupId,
    weekNumber,
    agenda: defaultAgenda(framework),
    sessionDates: nextSessionDates(group.schedule, now),
    startedBy: actor.id,
    startedAt: now.toISOString(),
  });
  // Idempotent follow-ups, done also when a redelivered start finds the cycle created.
  if (created || group.cyclesStarted < weekNumber) {
    await deps.groups.update(groupId, (g) =>
      g.cyclesStarted >= weekNumber ? g : { ...g, cyclesStarted: weekNumber, currentCycleId: id },
    );
    for (const [i, date] of cycle.sessionDates.entries()) {
      const dueAt = sessionStartInstant(group.schedule, date);
      if (dueAt.getTime() <= now.getTime()) continue;
      await deps.scheduler.schedule({ id: `${id}_start${i + 1}`, kind: JOB_KINDS.sessionStart, dueAt: dueAt.toISOString(), payload: { groupId, cycleId: id } });
    }
  }
  return cycle;
}

/** The group changes which questions it takes on per day, before the cycle's first session. */
export async function changeAgenda(deps: WeekCycleDeps, groupId: string, cycleId: string, actor: Actor, agenda: Cycle['agenda']): Promise<Cycle> {
  const group = await requireMember(deps, groupId, actor);
  const checked = checkAgenda(deps.frameworks[group.language], agenda);
  const state = await deps.sessions.loadCycle(groupId, cycleId);
  if (!state) throw new DomainError('notFound', 'cycle');
  if (state.sessions.length > 0) throw new DomainError('conflict', 'agenda fixed once sessions began');
  return deps.cycles.update(groupId, cycleId, (c) => ({ ...c, agenda: checked }));
}

export async function currentCycle(deps: WeekCycleDeps, groupId: string): Promise<Cycle | undefined> {
  const group = await deps.groups.get(groupId);
  if (!group?.currentCycleId) return undefined;
  return deps.cycles.get(groupId, group.currentCycleId);
}
