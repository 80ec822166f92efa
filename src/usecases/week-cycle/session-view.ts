import { findQuestion, Framework, Question, questionsBeforeProposal } from '../../domain/framework/framework';
import { PersonalAnswer } from '../../domain/personal/personal-answer';
import { AiState, Decision, draftStalled, FirstStepOutcome, Judgement, judgementsNeeded } from '../../domain/proposal/proposal';
import { countedInRound, energySummary, EnergySummary } from '../../domain/week-cycle/energy';
import { isMember, teamMirrorToDiscuss } from '../../domain/week-cycle/group';
import { byTime, currentQuestionId, minutesLeft, presentForDecision, Session, SessionState, sharedAnswers, tookPartInJudging } from '../../domain/week-cycle/session';
import { Contribution, ERASED_ID } from '../../domain/week-cycle/session-items';
import { EnergyPhase } from '../../domain/week-cycle/session-items';
import { WeekCycleDeps } from './deps';

/**
 * The judgements that count: those of members still in the group. One who left the chat is no
 * longer present, and judges for no one: their judgement neither makes the quorum nor carries an
 * adoption (a decision stored while theirs still counted keeps its tally, see `recountDecision`).
 */
export function judgementsOfMembers<J extends Pick<Judgement, 'memberId'>>(state: Pick<SessionState, 'group'>, judgements: readonly J[]): J[] {
  return judgements.filter((j) => isMember(state.group, j.memberId));
}

/** Whether a member's judgement counts in a decision's tally now (see `recountDecision`). */
export function stillMemberOf(state: Pick<SessionState, 'group'>): (memberId: string) => boolean {
  return (memberId) => isMember(state.group, memberId);
}

/**
 * Where the group stands in judging this week's proposal: its judgements by members still in the
 * group (oldest first), the members present (who said so or checked in and are still in the
 * group, or judged), and how many judgements a decision needs (two at least once two took part,
 * `actorId` among them: see `judgementsNeeded`). Without `actorId` it is where the group's shared
 * card stands, which any member may press (see `tookPartInJudging`).
 */
export function judging(deps: Pick<WeekCycleDeps, 'decisionQuorum'>, state: Pick<SessionState, 'group' | 'session' | 'proposal' | 'judgements' | 'presence' | 'checkIns' | 'contributions'>, actorId?: string): { judgements: Judgement[]; present: number; tookPart: number; needed: number } {
  const judgements = state.proposal ? judgementsOfMembers(state, state.judgements.filter((j) => j.proposalId === state.proposal!.id)).sort(byTime) : [];
  const judges = judgements.map((j) => j.memberId);
  const present = presentForDecision(state, judges);
  // Writing along is no presence (nobody is shown present for it), but a group that wrote together
  // decides together, also the morning after (question 7 carried over: those of the days before
  // still in the group). The member pressing (or viewing) takes part too: one who only presses
  // "Besluit vastleggen" does not make one judgement the group's (found in review, stop 64).
  const tookPart = tookPartInJudging(state, judges, actorId);
  return { judgements, present, tookPart, needed: judgementsNeeded(present, deps.decisionQuorum, tookPart) };
}

export interface AgendaItem {
  question: Question;
  index: number;
  answered: boolean;
  contributions: readonly Pick<Contribution, 'authorName' | 'text'>[];
}

/** A check-in round as a card may show it: how many checked in while it runs, the average once it closed. */
export interface EnergyView {
  summary: EnergySummary;
  /** Shown only while the round is open, and never next to an average. */
  checkedIn: number;
}

/** What a session card shows. `viewer` is set only in a member's own refreshed view. */
export interface SessionView {
  groupId: string;
  groupName: string;
  language: 'nl' | 'en';
  weekNumber: number;
  session: Pick<Session, 'id' | 'cycleId' | 'seq' | 'day' | 'status' | 'warned' | 'currentIndex' | 'carriedOver' | 'checkOutOpened'>;
  dayTitle: string;
  minutesLeft: number;
  agenda: AgendaItem[];
  current?: AgendaItem;
  energy: Record<EnergyPhase, EnergyView>;
  aiEnabled: boolean;
  /** The questions the AI draft is made from (the group's questions before the proposal, in this framework). */
  draftSources: number[];
  proposal?: {
    id: string;
    /** `stalled`: a draft under way for longer than any takes; anyone may ask again. */
    ai: AiState | { status: 'stalled' };
    judgements: Judgement[];
    decision?: Decision;
    ownProposal: string;
    /** Members present (who said so, checked in, or judged), and how many judgements a decision needs. */
    present: number;
    needed: number;
  };
  /** Day 1 of a new week: what became of last week's first step (transfer to practice). */
  lookBack?: { proposalId: string; firstStep: string; outcome?: FirstStepOutcome };
  /** The team's B3 mirror came back lately: a talking point for the group (see teamMirrorToDiscuss). */
  teamMirror?: { teamName: string };
  memberTeamsIds: string[];
  memberCount: number;
  /** Every action on this rendering carries it, so a retried press stores nothing twice. */
  actionKey: string;
  /**
   * Inputs the member's own view shows again: a refused action's, with the reason per input, or
   * what they had typed and not saved when they refreshed (no reasons).
   */
  refused?: { values: Record<string, unknown>; errors: Record<string, string> };
  /**
   * The group moved on while the member was typing, and what they sent was refused: their view
   * shows the question they wrote for (`current`), not the group's, which is this one.
   */
  groupAt?: number;
  viewer?: {
    id: string;
    present: boolean;
    energyIn?: number;
    energyOut?: number;
    /** Their opening score came after the round closed: it is theirs, and in no average. */
    energyInLate?: boolean;
    /** The same for their check-out, stored while the session closed. */
    energyOutLate?: boolean;
    /** The viewer's own answer to the current question, when that question is personal. */
    personalAnswers: Record<number, string>;
    /** Of those, the ones she shared with her manager: what she saves there, the manager sees too. */
    sharedAnswers?: number[];
    judgement?: Judgement;
  };
}

function agendaItem(answers: Map<number, Contribution[]>, question: Question, index: number): AgendaItem {
  // The stored contributions themselves, not copies: the card shows the last few of them.
  const contributions = answers.get(question.id) ?? [];
  return { question, index, answered: contributions.length > 0, contributions };
}

/**
 * The look back on last week's first step: on day 1, and on the week's later sessions until the
 * group told it (day 1 may pass unattended, or end before anyone did). A later session keeps
 * showing it once told there, so the teller, and a member whose answer came after theirs, see it.
 */
function lookBackOf(state: SessionState): Pick<SessionView, 'lookBack'> {
  const previous = state.previousProposal;
  const step = previous?.decision?.verdict !== 'reject' ? previous?.decision?.firstStep : undefined;
  if (!previous || !step) return {};
  const told = previous.firstStepOutcome;
  if (state.session.day !== 1 && told && told.at < state.session.startedAt) return {};
  return { lookBack: { proposalId: previous.id, firstStep: step, ...(previous.firstStepOutcome ? { outcome: previous.firstStepOutcome } : {}) } };
}

/** The team's mirror, on an open session that started in the weeks after it came back. */
function teamMirrorOf(group: SessionState['group'], session: Session): Pick<SessionView, 'teamMirror'> {
  const mirror = session.status === 'open' ? teamMirrorToDiscuss(group, session.startedAt) : undefined;
  return mirror ? { teamMirror: { teamName: mirror.teamName } } : {};
}

function energyView(state: SessionState, phase: EnergyPhase): EnergyView {
  const summary = energySummary(state.session.energy[phase]);
  return { summary, checkedIn: summary.status === 'open' ? state.checkIns.filter((c) => c.phase === phase).length : 0 };
}

/** The inputs of the judgement and the decision, which belong to the validation question. */
const VALIDATION_INPUTS = ['opinion', 'reason', 'decision', 'decisionReason', 'adoptedText', 'firstStep'];

/**
 * The question a refused input was written for, when the group is at another one by now (another
 * member pressed "Volgende vraag" while this one typed). Their view then shows that question with
 * what they typed and why it was refused, rather than dropping it under the group's question.
 */
function refusedElsewhere(framework: Framework, session: Session, refused: SessionView['refused']): number | undefined {
  if (!refused || !Object.keys(refused.errors).length) return undefined;
  const named = Number(refused.values.questionId);
  const id = Number.isInteger(named) && named > 0 ? named : VALIDATION_INPUTS.some((k) => k in refused.values) ? framework.questions.find((q) => q.kind === 'validation')?.id : undefined;
  return id !== undefined && id !== currentQuestionId(session) && session.questionIds.includes(id) ? id : undefined;
}

/**
 * Whether the member is among the session's attendees (`attendeeIds`: present, or checked in),
 * asked without collecting every attendee first: the question of each answer's card.
 */
function isAttendee(state: Pick<SessionState, 'presence' | 'checkIns'>, memberId: string): boolean {
  return memberId !== ERASED_ID && (state.presence.some((p) => p.memberId === memberId) || state.checkIns.some((c) => c.memberId === memberId));
}

/**
 * The session card's content from one state read: no further reads, so the member's own view
 * and the shared card are built from the same data.
 */
export function buildSessionView(
  deps: Pick<WeekCycleDeps, 'frameworks' | 'clock' | 'drafter' | 'decisionQuorum'>,
  state: SessionState,
  actionKey: string,
  viewer?: { id: string; ownAnswer?: PersonalAnswer },
  refused?: SessionView['refused'],
): SessionView {
  const { group, session } = state;
  const framework = deps.frameworks[group.language];
  const answers = sharedAnswers(state);
  const agenda = session.questionIds
    .map((id, index) => ({ q: findQuestion(framework, id), index }))
    .filter((x): x is { q: Question; index: number } => !!x.q)
    .map(({ q, index }) => agendaItem(answers, q, index));
  const hasProposalQuestion = agenda.some((a) => a.question.kind !== 'text');
  const aiQuestion = framework.questions.find((q) => q.kind === 'aiProposal');
  // Question 7 carried over shows the proposal the group wrote in the session before.
  const ownProposal = (aiQuestion ? (answers.get(aiQuestion.id) ?? []).map((c) => c.text).join('\n') : '') || (session.carriedProposal ?? '');
  const groupAt = currentQuestionId(session);
  const elsewhere = refusedElsewhere(framework, session, refused);
  const currentId = elsewhere ?? groupAt;
  // Judging is shown only with a proposal (and without one there is no judgement of the viewer's):
  // the members present are not counted for every answer of a day without one.
  const judged = state.proposal ? judging(deps, state, viewer?.id) : undefined;
  const judgements = judged?.judgements ?? [];
  const mineOf = (phase: EnergyPhase) => state.checkIns.find((c) => c.memberId === viewer?.id && c.phase === phase);
  const mine = (phase: EnergyPhase) => mineOf(phase)?.score;
  // Checked in after the round closed (on a card from before, or while it closed): kept for them, in no average.
  const late = (phase: EnergyPhase) => {
    const mine = mineOf(phase);
    return !!mine && !countedInRound(session.energy[phase], mine);
  };
  return {
    groupId: group.id,
    groupName: group.name,
    language: group.language,
    ...teamMirrorOf(group, session),
    weekNumber: state.cycle?.weekNumber ?? group.cyclesStarted,
    session: { id: session.id, cycleId: session.cycleId, seq: session.seq, day: session.day, status: session.status, warned: session.warned, currentIndex: session.currentIndex, carriedOver: session.carriedOver, ...(session.checkOutOpened ? { checkOutOpened: true } : {}) },
    dayTitle: framework.days.find((d) => d.day === session.day)?.title ?? '',
    minutesLeft: minutesLeft(session, deps.clock.now()),
    agenda,
    current: agenda.find((a) => a.question.id === currentId),
    energy: { in: energyView(state, 'in'), out: energyView(state, 'out') },
    aiEnabled: deps.drafter.enabled,
    draftSources: hasProposalQuestion ? questionsBeforeProposal(framework).map((q) => q.id) : [],
    ...(hasProposalQuestion && state.proposal && judged
      ? {
          proposal: {
            id: state.proposal.id,
            ai: draftStalled(state.proposal.ai, deps.clock.now()) ? { status: 'stalled' as const } : state.proposal.ai,
            judgements,
            decision: state.proposal.decision,
            ownProposal,
            present: judged.present,
            needed: judged.needed,
          },
        }
      : {}),
    ...lookBackOf(state),
    memberTeamsIds: group.members.map((m) => m.teamsId).filter((x): x is string => !!x),
    memberCount: group.members.length,
    actionKey,
    ...(refused ? { refused } : {}),
    ...(elsewhere !== undefined && groupAt !== undefined ? { groupAt } : {}),
    ...(viewer
      ? {
          viewer: {
            id: viewer.id,
            present: isAttendee(state, viewer.id),
            energyIn: mine('in'),
            energyOut: mine('out'),
            ...(late('in') ? { energyInLate: true } : {}),
            ...(late('out') ? { energyOutLate: true } : {}),
            personalAnswers: viewer.ownAnswer ? { [viewer.ownAnswer.questionId]: viewer.ownAnswer.text } : {},
            ...(viewer.ownAnswer?.visibility === 'shared' ? { sharedAnswers: [viewer.ownAnswer.questionId] } : {}),
            judgement: judgements.find((j) => j.memberId === viewer.id),
          },
        }
      : {}),
  };
}
