import { DomainError } from '../../domain/shared/errors';
import { Cycle } from '../../domain/week-cycle/cycle';
import { openSession, Session, unfinishedQuestions } from '../../domain/week-cycle/session';
import { newProposal, Proposal } from '../../domain/proposal/proposal';
import { findQuestion } from '../../domain/framework/framework';
import { Actor, JOB_KINDS, WeekCycleDeps } from './deps';
import { loadGroup, requireMember } from './membership';

export function proposalIdFor(cycleId: string): string {
  return `${cycleId}_p`;
}

export function isProposalDone(p: Proposal | undefined): boolean {
  return !!p && (p.ai.status === 'drafted' || p.ai.status === 'failed');
}

export async function carryOverFrom(deps: WeekCycleDeps, language: 'nl' | 'en', last: Session): Promise<number[]> {
  const proposal = await deps.proposals.get(last.groupId, proposalIdFor(last.cycleId));
  return unfinishedQuestions(deps.frameworks[language], last, !!proposal?.decision, isProposalDone(proposal));
}

export type NextSession =
  | { kind: 'session'; session: Session; created: boolean; cycle: Cycle }
  | { kind: 'cycleComplete'; cycle: Cycle };

/**
 * Opens the cycle's next session, or returns the one that is open. Unfinished group questions
 * of the previous session come first; after day 4, a session resumes only what is left.
 */
export async function startNextSession(deps: WeekCycleDeps, groupId: string, actor?: Actor): Promise<NextSession> {
  const group = actor ? await requireMember(deps, groupId, actor) : await loadGroup(deps, groupId);
  if (!group.currentCycleId) throw new DomainError('noActiveCycle');
  const cycle = await deps.cycles.get(groupId, group.currentCycleId);
  if (!cycle) throw new DomainError('noActiveCycle');
  const held = await deps.sessions.listByCycle(groupId, cycle.id);
  const last = held[held.length - 1];
  if (last?.status === 'open') return { kind: 'session', session: last, created: false, cycle };

  const carried = last ? await carryOverFrom(deps, group.language, last) : [];
  const day = last ? Math.min(last.day + 1, 4) : 1;
  const resumingAfterLastDay = !!last && last.day === 4;
  if (resumingAfterLastDay && carried.length === 0) return { kind: 'cycleComplete', cycle };
  const agendaDay = cycle.agenda.find((d) => d.day === day);
  const seq = (last?.seq ?? 0) + 1;
  const now = deps.clock.now();
  const { session, created } = await deps.sessions.create(
    openSession({
      id: `${cycle.id}_s${seq}`,
      groupId,
      cycleId: cycle.id,
      seq,
      day,
      questionIds: resumingAfterLastDay ? [] : agendaDay?.questionIds ?? [],
      carriedOver: carried,
      startedAt: now,
      minutes: deps.session.minutes,
    }),
  );
  if (created) await scheduleTimebox(deps, session);
  if (needsProposal(deps, group.language, session)) await ensureProposal(deps, session, group.name);
  return { kind: 'session', session, created, cycle };
}

async function scheduleTimebox(deps: WeekCycleDeps, s: Session): Promise<void> {
  const end = new Date(s.endsAt).getTime();
  const payload = { groupId: s.groupId, sessionId: s.id };
  await deps.scheduler.schedule({ id: `${s.id}_warn`, kind: JOB_KINDS.sessionWarning, dueAt: new Date(end - deps.session.warningMinutes * 60_000).toISOString(), payload });
  await deps.scheduler.schedule({ id: `${s.id}_close`, kind: JOB_KINDS.sessionClose, dueAt: s.endsAt, payload });
}

function needsProposal(deps: WeekCycleDeps, language: 'nl' | 'en', s: Session): boolean {
  const kinds = s.questionIds.map((id) => findQuestion(deps.frameworks[language], id)?.kind);
  return kinds.includes('aiProposal') || kinds.includes('validation');
}

/** The cycle's proposal record exists from the session that works on it, with or without AI. */
export async function ensureProposal(deps: WeekCycleDeps, session: Session, groupName: string): Promise<Proposal> {
  const id = proposalIdFor(session.cycleId);
  const existing = await deps.proposals.get(session.groupId, id);
  if (existing) return existing;
  const { proposal } = await deps.proposals.create(
    newProposal({ id, groupId: session.groupId, groupName, cycleId: session.cycleId, sessionId: session.id, title: '', contributorIds: [] }, deps.clock.now()),
  );
  return proposal;
}
