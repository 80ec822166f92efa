import { randomUUID } from 'node:crypto';
import { Framework, findQuestion } from '../../domain/framework/framework';
import { newProposal, Proposal } from '../../domain/proposal/proposal';
import { DomainError } from '../../domain/shared/errors';
import { Cycle, fixAgenda } from '../../domain/week-cycle/cycle';
import { proposalIdFor, sessionIdFor } from '../../domain/week-cycle/ids';
import { CycleState } from '../../domain/week-cycle/ports';
import { openSession, Session, SessionState, unfinishedQuestions } from '../../domain/week-cycle/session';
import { Actor, JOB_KINDS, WeekCycleDeps } from './deps';
import { ensureMember, loadGroup } from './membership';

export { proposalIdFor } from '../../domain/week-cycle/ids';

export function isProposalDone(p: Proposal | undefined): boolean {
  return !!p && (p.ai.status === 'drafted' || p.ai.status === 'failed');
}

/** The group questions of a session that are still open, from the state read this turn. */
export function carryOverFrom(framework: Framework, state: Pick<SessionState, 'session' | 'contributions' | 'proposal'>): number[] {
  return unfinishedQuestions(framework, state, !!state.proposal?.decision, isProposalDone(state.proposal));
}

export async function loadCycleState(deps: WeekCycleDeps, groupId: string, cycleId: string): Promise<CycleState> {
  const state = await deps.sessions.loadCycle(groupId, cycleId);
  if (!state) throw new DomainError('noActiveCycle');
  return state;
}

export type NextSession =
  | { kind: 'session'; state: SessionState; created: boolean; cycle: Cycle }
  | { kind: 'cycleComplete'; cycle: Cycle };

function sessionStateOf(cycleState: CycleState, session: Session, version?: string): SessionState {
  return {
    group: cycleState.group,
    cycle: cycleState.cycle,
    session,
    ...(version ? { sessionVersion: version } : {}),
    contributions: cycleState.contributions.filter((c) => c.sessionId === session.id),
    checkIns: cycleState.checkIns.filter((c) => c.sessionId === session.id),
    presence: cycleState.presence.filter((p) => p.sessionId === session.id),
    ...(cycleState.proposal ? { proposal: cycleState.proposal } : {}),
    judgements: cycleState.judgements,
  };
}

/**
 * Opens the cycle's next session, or returns the one that is open, with its time box and
 * proposal in place. Unfinished group questions of the previous session come first; after day 4,
 * a session resumes only what is left. `cycleId` is what the pressed card named: with it the
 * group and its cycle are one query.
 */
export async function startNextSession(deps: WeekCycleDeps, groupId: string, actor?: Actor, hint: { cycleId?: string } = {}): Promise<NextSession> {
  const next = await createNextSession(deps, groupId, actor, hint);
  if (next.kind !== 'session' || !needsPreparing(next)) return next;
  return { ...next, state: await prepareSession(deps, next.state) };
}

/** The query and the create of `startNextSession`, without what follows; see `prepareSession`. */
export async function createNextSession(deps: WeekCycleDeps, groupId: string, actor?: Actor, hint: { cycleId?: string } = {}): Promise<NextSession> {
  const cycleId = hint.cycleId ?? (await loadGroup(deps, groupId)).currentCycleId;
  if (!cycleId) throw new DomainError('noActiveCycle');
  let cycleState = await loadCycleState(deps, groupId, cycleId);
  if (cycleState.group.currentCycleId && cycleState.group.currentCycleId !== cycleId) {
    // A card from an earlier week: continue the group's current week instead.
    cycleState = await loadCycleState(deps, groupId, cycleState.group.currentCycleId);
  }
  const group = actor ? await ensureMember(deps, cycleState.group, actor) : cycleState.group;
  const framework = deps.frameworks[group.language];
  const last = cycleState.sessions[cycleState.sessions.length - 1];
  if (last?.status === 'open') return { kind: 'session', state: sessionStateOf({ ...cycleState, group }, last), created: false, cycle: cycleState.cycle };
  if (!last && !cycleState.cycle.agendaFixedAt) {
    // Day 1 runs the agenda as stored when it is fixed: an agenda saved just before wins the ETag
    // race and is the one read back here; one saved just after finds it fixed and is refused.
    const at = deps.clock.now().toISOString();
    const known = cycleState.cycleVersion ? { doc: cycleState.cycle, version: cycleState.cycleVersion } : undefined;
    cycleState = { ...cycleState, cycle: await deps.cycles.update(groupId, cycleState.cycle.id, (c) => fixAgenda(c, at), known) };
  }
  const { cycle } = cycleState;

  const carried = last ? carryOverFrom(framework, sessionStateOf(cycleState, last)) : [];
  const day = last ? Math.min(last.day + 1, 4) : 1;
  const resumingAfterLastDay = !!last && last.day === 4;
  if (resumingAfterLastDay && carried.length === 0) return { kind: 'cycleComplete', cycle };
  const seq = (last?.seq ?? 0) + 1;
  const openedBy = randomUUID();
  const { session, created, version } = await deps.sessions.create(
    openSession({
      id: sessionIdFor(cycle.id, seq),
      groupId,
      cycleId: cycle.id,
      seq,
      day,
      questionIds: resumingAfterLastDay ? [] : (cycle.agenda.find((d) => d.day === day)?.questionIds ?? []),
      carriedOver: carried,
      startedAt: deps.clock.now(),
      minutes: deps.session.minutes,
      openedBy,
    }),
  );
  // With the version the create returned, remembering the posted card needs no read first.
  const state = sessionStateOf({ ...cycleState, group }, session, version);
  // A create retried after its answer was lost finds its own session: this attempt opened it.
  return { kind: 'session', state, created: created || session.openedBy === openedBy, cycle };
}

/** A session this turn opened, or one whose opening may not have finished (its card was never stored). */
export function needsPreparing(next: { created: boolean; state: Pick<SessionState, 'session'> }): boolean {
  return next.created || !next.state.session.cardActivityId;
}

/** The time box and, on a proposal day, the proposal record: idempotent, so an unfinished opening is finished by the next press. */
export async function prepareSession(deps: WeekCycleDeps, state: SessionState): Promise<SessionState> {
  const { session, group } = state;
  await scheduleWarning(deps, session);
  if (!needsProposal(deps.frameworks[group.language], session) || state.proposal) return state;
  return { ...state, proposal: await ensureProposal(deps, session, group.name) };
}

/** The time box: one job at the warning, which schedules the close when it runs. */
async function scheduleWarning(deps: WeekCycleDeps, s: Session): Promise<void> {
  const end = new Date(s.endsAt).getTime();
  await deps.scheduler.schedule({ id: `${s.id}_warn`, kind: JOB_KINDS.sessionWarning, dueAt: new Date(end - deps.session.warningMinutes * 60_000).toISOString(), payload: { groupId: s.groupId, sessionId: s.id } });
}

export async function scheduleClose(deps: WeekCycleDeps, s: Session): Promise<void> {
  await deps.scheduler.schedule({ id: `${s.id}_close`, kind: JOB_KINDS.sessionClose, dueAt: s.endsAt, payload: { groupId: s.groupId, sessionId: s.id } });
}

function needsProposal(framework: Framework, s: Session): boolean {
  const kinds = s.questionIds.map((id) => findQuestion(framework, id)?.kind);
  return kinds.includes('aiProposal') || kinds.includes('validation');
}

/** The cycle's proposal record exists from the session that works on it, with or without AI. */
export async function ensureProposal(deps: WeekCycleDeps, session: Session, groupName: string): Promise<Proposal> {
  const { proposal } = await deps.proposals.create(
    newProposal({ id: proposalIdFor(session.cycleId), groupId: session.groupId, groupName, cycleId: session.cycleId, sessionId: session.id, title: '' }, deps.clock.now()),
  );
  return proposal;
}

/** A cycle is complete when its day-4 session closes with nothing left to resume. */
export async function completeCycleIfDone(deps: WeekCycleDeps, state: SessionState, framework: Framework): Promise<void> {
  if (state.session.day !== 4) return;
  if (carryOverFrom(framework, state).length) return;
  const at = deps.clock.now().toISOString();
  await deps.cycles.update(state.group.id, state.session.cycleId, (c) => (c.completedAt ? c : { ...c, completedAt: at }));
}
