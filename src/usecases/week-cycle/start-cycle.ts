import { agendaRevisionOf, checkAgenda, Cycle, defaultAgenda, sameAgenda } from '../../domain/week-cycle/cycle';
import { Group } from '../../domain/week-cycle/group';
import { cycleIdFor } from '../../domain/week-cycle/ids';
import { weekOf } from '../../domain/week-cycle/plan';
import { DomainError } from '../../domain/shared/errors';
import { Actor, WeekCycleDeps } from './deps';
import { requireMember } from './membership';
import { scheduleProfTrajectOffer } from './offer-prof-traject';
import { planFor, scheduleRhythm } from './plan-rhythm';

export { cycleIdFor } from '../../domain/week-cycle/ids';

/**
 * Starts the group's next week. Idempotent per week number: pressing "start" twice, or Teams
 * redelivering the action, opens one cycle. `expectedWeek` is what the card showed, so a stale
 * card cannot start a week twice.
 */
export async function startCycle(deps: WeekCycleDeps, groupId: string, actor: Actor, expectedWeek?: number): Promise<Cycle> {
  const group = await requireMember(deps, groupId, actor);
  return openWeek(deps, group, expectedWeek ?? group.cyclesStarted + 1, actor.id);
}

/**
 * Opens week `weekNumber` on the dates the plan gave it (never "the next days from today": a week
 * started early keeps its own dates). Started by a member, or by the rhythm at the week's first
 * planned session. The first week also offers each member their Prof-traject, privately.
 */
export async function openWeek(deps: WeekCycleDeps, group: Group, weekNumber: number, startedBy: string): Promise<Cycle> {
  if (weekNumber < 1 || weekNumber > group.cyclesStarted + 1) throw new DomainError('conflict', 'stale week');
  const id = cycleIdFor(group.id, weekNumber);
  const framework = deps.frameworks[group.language];
  const now = deps.clock.now();
  const { plan, previous, changed } = await planFor(deps, group, weekNumber);
  const { cycle, created } = await deps.cycles.create({
    id,
    type: 'cycle',
    groupId: group.id,
    weekNumber,
    agenda: defaultAgenda(framework),
    sessionDates: weekOf(plan, weekNumber)?.dates ?? [],
    startedBy,
    startedAt: now.toISOString(),
  });
  // Idempotent follow-ups, done also when a redelivered start finds the cycle created.
  if (created || group.cyclesStarted < weekNumber) {
    if (weekNumber === 1) await scheduleProfTrajectOffer(deps, group, cycle);
    const updated = await deps.groups.update(group.id, (g) =>
      g.cyclesStarted >= weekNumber ? g : { ...g, cyclesStarted: weekNumber, currentCycleId: id },
    );
    deps.currentCycles.note(updated);
    if (changed) await scheduleRhythm(deps, group, plan, previous ? { group, plan: previous } : undefined);
  }
  return cycle;
}

/** Refused once the first session began: the form comes back as entered, the reason next to day 1. */
function agendaFixed(): DomainError {
  return new DomainError('conflict', { detail: 'agenda fixed once sessions began', input: { field: 'day1', rule: 'format' } });
}

/** Another member saved a different agenda since this card showed it: the choice comes back, next to day 1. */
function agendaChanged(): DomainError {
  return new DomainError('conflict', { detail: 'agenda changed since the card showed it', input: { field: 'day1', rule: 'format', params: { changed: 1 } } });
}

/**
 * The group changes which questions it takes on per day, before the cycle's first session. The
 * check holds at write time: the first session fixes the agenda under the cycle's ETag before it
 * is made from it, so a save that raced it is re-applied on the fixed cycle and refused.
 * `seenRev` is the agenda revision the card showed: a save from an older one is refused when the
 * stored agenda is not already what it asks for (someone else's choice would be undone unseen).
 * Without it (cards from before revisions) the save wins whatever is stored.
 */
export async function changeAgenda(deps: WeekCycleDeps, groupId: string, cycleId: string, actor: Actor, agenda: Cycle['agenda'], seenRev?: number): Promise<Cycle> {
  const group = await requireMember(deps, groupId, actor);
  const checked = checkAgenda(deps.frameworks[group.language], agenda);
  const state = await deps.sessions.loadCycle(groupId, cycleId);
  if (!state) throw new DomainError('notFound', 'cycle');
  // Cycles from before the agenda was fixed on them are fixed by their sessions.
  if (state.sessions.length > 0) throw agendaFixed();
  return deps.cycles.update(groupId, cycleId, (c) => {
    if (c.agendaFixedAt) throw agendaFixed();
    const same = sameAgenda(c.agenda, checked);
    // Decided under the ETag: of two saves from one card, the second finds the first's revision.
    if (seenRev !== undefined && seenRev !== agendaRevisionOf(c) && !same) throw agendaChanged();
    // Nothing to write: also how a retry recognises its own replace that landed with the answer lost.
    return same ? c : { ...c, agenda: checked, agendaRev: agendaRevisionOf(c) + 1 };
  });
}

export async function currentCycle(deps: WeekCycleDeps, groupId: string): Promise<Cycle | undefined> {
  const group = await deps.groups.get(groupId);
  if (!group?.currentCycleId) return undefined;
  return deps.cycles.get(groupId, group.currentCycleId);
}
