import { isMember } from '../../domain/week-cycle/group';
import { randomUUID } from 'node:crypto';
import { Framework, findQuestion } from '../../domain/framework/framework';
import { newProposal, Proposal } from '../../domain/proposal/proposal';
import { DomainError } from '../../domain/shared/errors';
import { Cycle, fixAgenda } from '../../domain/week-cycle/cycle';
import { proposalIdFor, sessionIdFor } from '../../domain/week-cycle/ids';
import { CycleState, SessionOpening } from '../../domain/week-cycle/ports';
import { ScheduledJob } from '../../domain/scheduling/job';
import { byTime, openSession, Session, SessionState, unfinishedQuestions } from '../../domain/week-cycle/session';
import { Actor, JOB_KINDS, WeekCycleDeps } from './deps';
import { ensureMember, loadGroup } from './membership';
import { schedulePlannedWeeksEnd, schedulePlannedWeeksEndLeftOpen } from './planned-weeks-end';

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
  deps.currentCycles.note(state.group);
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
    ...(cycleState.previousProposal ? { previousProposal: cycleState.previousProposal } : {}),
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

/** Presses that open the same session at once: each refused one reads again; more than this many in a row is not a race. */
const MAX_OPEN_ATTEMPTS = 6;

/**
 * How a member's press shows the session it opens. Its card goes out before the session is
 * stored, so the card's id is stored in the same transaction as the session (no write of its own
 * afterwards); when that transaction is not the one that counts, the card says so.
 */
export interface SessionAnnouncer {
  /** Posts the card of the session about to open and returns its message id. When it fails, nothing is stored. */
  post(state: SessionState): Promise<string | undefined>;
  /** The posted card again, for the session as a retry will open it (an agenda saved meanwhile). Never fails the press. */
  update(cardId: string, state: SessionState): Promise<void>;
  /**
   * The posted card shows no session that opened: another press opened it first (`openedElsewhere`),
   * nothing was stored (`notStored`), or the store could not say (`unknown`). Never fails the press.
   */
  withdraw(cardId: string, why: WithdrawnBecause, state: Pick<SessionState, 'group'>): Promise<void>;
}

export type WithdrawnBecause = 'openedElsewhere' | 'notStored' | 'unknown';

/**
 * The week's state in one query, and the next session opened in one transaction with all that
 * belongs to it: its time box, the proposal record on the day the group works on it, on the
 * week's first day the agenda fixed on the cycle (so an agenda saved meanwhile either came first
 * and is the one used, or finds it fixed and is refused), and with an `announcer` the id of its
 * card. Two requests; when another press opened the session first, or the agenda changed, the
 * store refuses and the week is read again. One opening per group at a time in this process, so
 * presses arriving together here post one card.
 */
export async function createNextSession(deps: WeekCycleDeps, groupId: string, actor?: Actor, hint: { cycleId?: string } = {}, announcer?: SessionAnnouncer): Promise<NextSession> {
  return deps.openings.run(groupId, async () => {
    const cycleId = hint.cycleId ?? (await loadGroup(deps, groupId)).currentCycleId;
    if (!cycleId) throw new DomainError('noActiveCycle');
    const opening = new Opening(deps, groupId, cycleId, actor, announcer);
    try {
      return await opening.run();
    } catch (err) {
      // Stored after all (the store's answer was lost): the press opened it, and says so.
      const recovered = await opening.failed();
      if (recovered) return recovered;
      throw err;
    }
  });
}

/** One press's (or the rhythm's) attempt to open the next session, with the card it may have posted. */
class Opening {
  private readonly openedBy = randomUUID();
  private cardId: string | undefined;
  private state: Pick<SessionState, 'group'> | undefined;

  constructor(
    private readonly deps: WeekCycleDeps,
    private readonly groupId: string,
    private cycleId: string,
    private readonly actor: Actor | undefined,
    private readonly announcer: SessionAnnouncer | undefined,
  ) {}

  async run(): Promise<NextSession> {
    const { deps } = this;
    for (let attempt = 1; ; attempt++) {
      const state = await this.read();
      const { cycle } = state;
      const last = state.sessions[state.sessions.length - 1];
      // Open already; `openedBy` finds this call's own opening when the store kept it but its answer was lost.
      if (last?.status === 'open') {
        const mine = last.openedBy === this.openedBy;
        if (!mine) await this.withdraw('openedElsewhere');
        return { kind: 'session', state: sessionStateOf(state, last), created: mine, cycle };
      }
      const opening = nextOpening(deps, state, last, this.openedBy);
      if (!opening) {
        await this.withdraw('notStored');
        return { kind: 'cycleComplete', cycle };
      }
      const result = await deps.sessions.open(await this.withCard(state, opening));
      if (result.opened) {
        const opened = { ...state, cycle: result.cycle ?? cycle, ...(result.proposal ? { proposal: result.proposal } : {}) };
        return { kind: 'session', state: sessionStateOf(opened, result.session, result.version), created: true, cycle: opened.cycle };
      }
      if (attempt >= MAX_OPEN_ATTEMPTS) throw new Error('session opening: too many concurrent changes');
    }
  }

  /**
   * The opening failed with a card out. When the store kept it after all (its answer was lost),
   * it is this press's opening and its card is the session's: returned, so the press is not told
   * "nothing was stored". Otherwise the card says no session opened, or that it is not known.
   */
  async failed(): Promise<NextSession | undefined> {
    if (!this.cardId) return undefined;
    const state = await this.read().catch(() => undefined);
    if (!state) return void (await this.withdraw('unknown'));
    const last = state.sessions[state.sessions.length - 1];
    if (last?.status === 'open' && last.openedBy === this.openedBy) return { kind: 'session', state: sessionStateOf(state, last), created: true, cycle: state.cycle };
    await this.withdraw(last?.status === 'open' ? 'openedElsewhere' : 'notStored');
    return undefined;
  }

  private async read(): Promise<CycleState> {
    let state = await loadCycleState(this.deps, this.groupId, this.cycleId);
    if (state.group.currentCycleId && state.group.currentCycleId !== this.cycleId) {
      // A card from an earlier week: continue the group's current week instead.
      this.cycleId = state.group.currentCycleId;
      state = await loadCycleState(this.deps, this.groupId, this.cycleId);
    }
    const group = this.actor ? await ensureMember(this.deps, state.group, this.actor) : state.group;
    this.state = { group };
    return { ...state, group };
  }

  /** The opening with its card's id: the card is posted now (or, on a retry, shows what this attempt opens). */
  private async withCard(state: CycleState, opening: SessionOpening): Promise<SessionOpening> {
    if (!this.announcer) return opening;
    const preview = sessionStateOf({ ...state, cycle: opening.cycle?.doc ?? state.cycle, ...(opening.proposal ? { proposal: opening.proposal } : {}) }, opening.session);
    if (this.cardId) await this.announcer.update(this.cardId, preview);
    else this.cardId = await this.announcer.post(preview);
    return this.cardId ? { ...opening, session: { ...opening.session, cardActivityId: this.cardId } } : opening;
  }

  private async withdraw(why: WithdrawnBecause): Promise<void> {
    if (!this.cardId || !this.announcer || !this.state) return;
    const cardId = this.cardId;
    this.cardId = undefined;
    await this.announcer.withdraw(cardId, why, this.state);
  }
}

/** What opening the next session writes; undefined when the week is complete. */
function nextOpening(deps: WeekCycleDeps, cycleState: CycleState, last: Session | undefined, openedBy: string): SessionOpening | undefined {
  const { cycle, group } = cycleState;
  const framework = deps.frameworks[group.language];
  const carried = last ? carryOverFrom(framework, sessionStateOf(cycleState, last)) : [];
  const day = last ? Math.min(last.day + 1, 4) : 1;
  const resumingAfterLastDay = !!last && last.day === 4;
  if (resumingAfterLastDay && carried.length === 0) return undefined;
  const seq = (last?.seq ?? 0) + 1;
  const questionIds = resumingAfterLastDay ? [] : (cycle.agenda.find((d) => d.day === day)?.questionIds ?? []);
  const carriedProposal = proposalWrittenBefore(framework, cycleState, [...carried, ...questionIds]);
  const tookPart = judgesProposalWrittenBefore(framework, [...carried, ...questionIds]) ? tookPartBefore(cycleState) : [];
  const session = openSession({
    id: sessionIdFor(cycle.id, seq),
    groupId: group.id,
    cycleId: cycle.id,
    seq,
    day,
    questionIds,
    carriedOver: carried,
    startedAt: deps.clock.now(),
    minutes: deps.session.minutes,
    openedBy,
    ...(carriedProposal ? { carriedProposal } : {}),
    ...(tookPart.length ? { tookPartBefore: tookPart } : {}),
  });
  // Day 1 runs the agenda as stored when it is fixed, under the version this turn read.
  const fixed = !last && !cycle.agendaFixedAt && cycleState.cycleVersion ? fixAgenda(cycle, deps.clock.now().toISOString()) : cycle;
  const proposal = needsProposal(framework, session) && !cycleState.proposal ? proposalFor(deps, session, group.name) : undefined;
  return {
    session,
    ...(fixed !== cycle ? { cycle: { doc: fixed, version: cycleState.cycleVersion! } } : {}),
    ...(proposal ? { proposal } : {}),
    jobs: [warningJob(deps, session)],
  };
}

/**
 * The group's own proposal as written in the week's earlier sessions, for a session that judges
 * it (the validation question) without asking it again (the proposal question): question 7
 * carried over to a new session. Undefined when the session asks it itself, or nothing was written.
 */
function proposalWrittenBefore(framework: Framework, cycleState: CycleState, asks: number[]): string | undefined {
  const proposalQuestion = framework.questions.find((q) => q.kind === 'aiProposal');
  if (!proposalQuestion || !judgesProposalWrittenBefore(framework, asks)) return undefined;
  const text = cycleState.contributions
    .filter((c) => c.questionId === proposalQuestion.id)
    .sort(byTime)
    .map((c) => c.text)
    .join('\n');
  return text || undefined;
}

/** Whether a session asking these questions judges the proposal (question 7) without writing it (question 6): written in a session before. */
function judgesProposalWrittenBefore(framework: Framework, asks: number[]): boolean {
  const kindOf = (id: number) => findQuestion(framework, id)?.kind;
  const proposalQuestion = framework.questions.find((q) => q.kind === 'aiProposal');
  return !!proposalQuestion && asks.some((id) => kindOf(id) === 'validation') && !asks.includes(proposalQuestion.id);
}

/**
 * The members still in the group who took part in the week so far: checked in, said they were
 * there, wrote along or judged (see Session.tookPartBeforeTags, which stores them as tags).
 */
function tookPartBefore(cycleState: CycleState): string[] {
  const { group } = cycleState;
  const ids = new Set([...cycleState.contributions.map((c) => c.authorId), ...cycleState.checkIns.map((c) => c.memberId), ...cycleState.presence.map((p) => p.memberId), ...cycleState.judgements.map((j) => j.memberId)]);
  return [...ids].filter((id) => isMember(group, id));
}

/**
 * A session found open without its card (its opening's card was never posted, or an older
 * version of the app opened it and stopped halfway): the next press finishes the opening, which
 * is idempotent. A session this turn opened has all it needs.
 */
export function needsPreparing(next: { created: boolean; state: Pick<SessionState, 'session'> }): boolean {
  return !next.created && !next.state.session.cardActivityId;
}

/** The time box and, on a proposal day, the proposal record: idempotent, so an unfinished opening is finished by the next press. */
export async function prepareSession(deps: WeekCycleDeps, state: SessionState): Promise<SessionState> {
  const { session, group } = state;
  await deps.scheduler.schedule(warningJob(deps, session));
  if (!needsProposal(deps.frameworks[group.language], session) || state.proposal) return state;
  return { ...state, proposal: await ensureProposal(deps, session, group.name) };
}

/** The time box: one job at the warning, which schedules the close when it runs. In the group's partition. */
function warningJob(deps: WeekCycleDeps, s: Session): ScheduledJob {
  const end = new Date(s.endsAt).getTime();
  return { id: `${s.id}_warn`, kind: JOB_KINDS.sessionWarning, dueAt: new Date(end - deps.session.warningMinutes * 60_000).toISOString(), payload: { groupId: s.groupId, sessionId: s.id }, groupId: s.groupId };
}

export async function scheduleClose(deps: WeekCycleDeps, s: Session): Promise<void> {
  await deps.scheduler.schedule({ id: `${s.id}_close`, kind: JOB_KINDS.sessionClose, dueAt: s.endsAt, payload: { groupId: s.groupId, sessionId: s.id }, groupId: s.groupId });
}

/**
 * The session's close job, due now: a member's close was stored but what follows it (the summary,
 * the week's completion) failed. The job finds the session closed and finishes it (idempotent).
 * A close job already planned (at the end of the time box) is left as planned.
 */
export async function scheduleFinishClose(deps: WeekCycleDeps, s: Session): Promise<void> {
  await deps.scheduler.schedule({ id: `${s.id}_close`, kind: JOB_KINDS.sessionClose, dueAt: deps.clock.now().toISOString(), payload: { groupId: s.groupId, sessionId: s.id }, groupId: s.groupId });
}

function needsProposal(framework: Framework, s: Session): boolean {
  const kinds = s.questionIds.map((id) => findQuestion(framework, id)?.kind);
  return kinds.includes('aiProposal') || kinds.includes('validation');
}

/** The cycle's proposal record exists from the session that works on it, with or without AI. */
export async function ensureProposal(deps: WeekCycleDeps, session: Session, groupName: string): Promise<Proposal> {
  const { proposal } = await deps.proposals.create(proposalFor(deps, session, groupName));
  return proposal;
}

function proposalFor(deps: WeekCycleDeps, session: Session, groupName: string): Proposal {
  return newProposal({ id: proposalIdFor(session.cycleId), groupId: session.groupId, groupName, cycleId: session.cycleId, sessionId: session.id, title: '' }, deps.clock.now());
}

/**
 * A cycle is complete when its day-4 session closes with nothing left to resume. Idempotent: a
 * cycle found complete (here, or as this turn read it) is left as it is. The plan's last week
 * brings the members' look-back whenever its day 4 closes: at once when complete, else when the
 * completion wait is over (schedulePlannedWeeksEndLeftOpen), unless the group finishes it before.
 */
export async function completeCycleIfDone(deps: WeekCycleDeps, state: SessionState, framework: Framework): Promise<void> {
  if (state.session.day !== 4 || state.cycle?.completedAt) return;
  if (carryOverFrom(framework, state).length) {
    if (state.cycle) await schedulePlannedWeeksEndLeftOpen(deps, state.group, state.cycle);
    return;
  }
  // A day-4 session that only resumes what was carried over may finish a week an earlier day-4 close left open.
  const { questionIds, carriedOver } = state.session;
  const resumed = carriedOver.length > 0 && questionIds.every((q) => carriedOver.includes(q));
  if (state.cycle) await schedulePlannedWeeksEnd(deps, state.group, state.cycle, { afterLeftOpen: resumed });
  const at = deps.clock.now().toISOString();
  await deps.cycles.update(state.group.id, state.session.cycleId, (c) => (c.completedAt ? c : { ...c, completedAt: at }));
}
