import { findQuestion, Question } from '../../domain/framework/framework';
import { PersonalAnswer } from '../../domain/personal/personal-answer';
import { AiState, Decision, Judgement, Proposal } from '../../domain/proposal/proposal';
import { EnergySummary, summariseEnergy } from '../../domain/week-cycle/energy';
import { Group } from '../../domain/week-cycle/group';
import { currentQuestionId, minutesLeft, Session, sharedAnswer } from '../../domain/week-cycle/session';
import { WeekCycleDeps } from './deps';
import { proposalIdFor } from './start-session';

export interface AgendaItem {
  question: Question;
  index: number;
  answered: boolean;
  contributions: { authorName: string; text: string }[];
  contributorNames: string[];
}

/** What a session card shows. `viewer` is set only in a member's own refreshed view. */
export interface SessionView {
  groupId: string;
  groupName: string;
  language: 'nl' | 'en';
  weekNumber: number;
  session: Pick<Session, 'id' | 'seq' | 'day' | 'status' | 'warned' | 'currentIndex' | 'carriedOver'>;
  dayTitle: string;
  minutesLeft: number;
  agenda: AgendaItem[];
  current?: AgendaItem;
  energyIn: EnergySummary;
  energyOut: EnergySummary;
  aiEnabled: boolean;
  proposal?: { id: string; ai: AiState; judgements: Judgement[]; decision?: Decision; ownProposal: string };
  memberTeamsIds: string[];
  memberCount: number;
  viewer?: {
    id: string;
    energyIn?: number;
    energyOut?: number;
    personalAnswers: Record<number, string>;
    judgement?: Judgement;
  };
}

function agendaItem(s: Session, question: Question, index: number): AgendaItem {
  const contributions = sharedAnswer(s, question.id).map((c) => ({ authorName: c.authorName, text: c.text }));
  return {
    question,
    index,
    answered: contributions.length > 0,
    contributions,
    contributorNames: [...new Set(contributions.map((c) => c.authorName))],
  };
}

export async function buildSessionView(deps: WeekCycleDeps, group: Group, session: Session, viewerId?: string): Promise<SessionView> {
  const framework = deps.frameworks[group.language];
  const cycle = await deps.cycles.get(group.id, session.cycleId);
  const agenda = session.questionIds
    .map((id, index) => ({ q: findQuestion(framework, id), index }))
    .filter((x): x is { q: Question; index: number } => !!x.q)
    .map(({ q, index }) => agendaItem(session, q, index));
  const hasProposalQuestion = agenda.some((a) => a.question.kind !== 'text');
  const proposal: Proposal | undefined = hasProposalQuestion ? await deps.proposals.get(group.id, proposalIdFor(session.cycleId)) : undefined;
  const aiQuestion = framework.questions.find((q) => q.kind === 'aiProposal');
  const ownProposal = aiQuestion ? sharedAnswer(session, aiQuestion.id).map((c) => c.text).join('\n') : '';
  const currentId = currentQuestionId(session);
  let viewer: SessionView['viewer'];
  if (viewerId) {
    const answers: PersonalAnswer[] = await deps.personalAnswers.listForSession(viewerId, session.id);
    viewer = {
      id: viewerId,
      energyIn: session.energy.in[viewerId],
      energyOut: session.energy.out[viewerId],
      personalAnswers: Object.fromEntries(answers.map((a) => [a.questionId, a.text])),
      judgement: proposal?.judgements[viewerId],
    };
  }
  return {
    groupId: group.id,
    groupName: group.name,
    language: group.language,
    weekNumber: cycle?.weekNumber ?? group.cyclesStarted,
    session: { id: session.id, seq: session.seq, day: session.day, status: session.status, warned: session.warned, currentIndex: session.currentIndex, carriedOver: session.carriedOver },
    dayTitle: framework.days.find((d) => d.day === session.day)?.title ?? '',
    minutesLeft: minutesLeft(session, deps.clock.now()),
    agenda,
    current: agenda.find((a) => a.question.id === currentId),
    energyIn: summariseEnergy(session.energy.in),
    energyOut: summariseEnergy(session.energy.out),
    aiEnabled: deps.drafter.enabled,
    proposal: proposal && { id: proposal.id, ai: proposal.ai, judgements: Object.values(proposal.judgements), decision: proposal.decision, ownProposal },
    memberTeamsIds: group.members.map((m) => m.teamsId).filter((x): x is string => !!x),
    memberCount: group.members.length,
    viewer,
  };
}

