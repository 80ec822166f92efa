import { findQuestion, Question } from '../../domain/framework/framework';
import { adaptedAiDraft, adoptedAiDraft, Decision, judgementsOfText, Opinion, textFingerprint } from '../../domain/proposal/proposal';
import { offersShareWithLo } from '../../domain/proposal/proposal-to-lo';
import { ProposalDraft } from '../../domain/proposal/proposal-draft';
import { combineRounds, energySummary, EnergySummary } from '../../domain/week-cycle/energy';
import { CycleState } from '../../domain/week-cycle/ports';
import { attendeeIds, SessionState } from '../../domain/week-cycle/session';
import { WeekCycleDeps } from './deps';
import { judgementsOfMembers } from './session-view';
import { carryOverFrom, loadCycleState } from './start-session';

export interface SummaryView {
  groupName: string;
  language: 'nl' | 'en';
  weekNumber: number;
  day: number;
  dayTitle: string;
  /** Day 4 (or a resumed day-4 session) summarises the whole week. */
  weekly: boolean;
  answers: { question: Question; text: string; contributorNames: string[] }[];
  aiDraft?: ProposalDraft;
  /** The group adopted the AI draft as it is: the decided text is the AI's, and says so. */
  aiAdopted?: true;
  /** The group adapted the AI draft in its own words: the decided text says it was made from the AI's. */
  aiAdapted?: true;
  decision?: Decision;
  /**
   * Each member's judgement of the proposal as the summary shows it (the decided text, else the
   * AI draft, else the group's own text), shown to the group with the decision.
   */
  judgements: { memberName: string; opinion: Opinion; reason: string }[];
  /** Judgements given for an earlier text (the group's own before an AI draft landed, say): counted apart, never shown under this one. */
  earlierJudgements: number;
  /** The decision belongs after this question (the proposal), before the broader questions. */
  decisionAfterQuestion?: number;
  /** Published check-in averages (never a count beside them): this session's, or the week's on day 4. */
  energyIn: EnergySummary;
  energyOut: EnergySummary;
  attendeeCount: number;
  unfinished: Question[];
  next: { kind: 'day'; day: number; title: string } | { kind: 'resume' } | { kind: 'newCycle' };
  /** The card names the cycle its "start next session" button belongs to. */
  cycleId: string;
  /** The group adopted or adapted the proposal: it may share it with L&O (the button names the proposal). */
  shareWithLo?: { proposalId: string };
}

/**
 * The judgements of the text the summary shows: the one decided on, else the AI draft, else the
 * group's own proposal. Those of an earlier text only count, so an "eens" given to the group's own
 * text never reads as agreement with an AI draft that landed after it. Only those of members still
 * in the group, as the decided card shows them (`judgementsOfMembers`): one who left the chat
 * judged for no one, and the group's record of its decision does not list them as part of it.
 */
function judgementsShown(state: SessionState, judgements: CycleState['judgements'], ownText?: string): Pick<SummaryView, 'judgements' | 'earlierJudgements'> {
  const proposal = state.proposal;
  if (!proposal) return { judgements: [], earlierJudgements: 0 };
  const shown = proposal.ai.status === 'drafted' ? proposal.ai.draft.proposal : (ownText ?? state.session.carriedProposal ?? '');
  // No text and no decision: nothing was there to judge (a judgement press then stores nothing, see
  // `missingProposal`); one stored before that rule judged nothing, and is no part of the group's record.
  if (!proposal.decision && !shown.trim()) return { judgements: [], earlierJudgements: 0 };
  const fingerprint = proposal.decision?.textFingerprint ?? textFingerprint(shown);
  const { current, earlier } = judgementsOfText(proposal.id, judgementsOfMembers(state, judgements), fingerprint);
  return { judgements: current.map((j) => ({ memberName: j.memberName, opinion: j.opinion, reason: j.reason })), earlierJudgements: earlier.length };
}

/** The summary posted when a session closes; a day-4 session reads the whole week first. */
export async function buildSummaryView(deps: WeekCycleDeps, state: SessionState): Promise<SummaryView> {
  const { group, session } = state;
  const framework = deps.frameworks[group.language];
  const weekly = session.day === 4;
  const week: Pick<CycleState, 'sessions' | 'contributions' | 'judgements' | 'checkIns' | 'presence'> = weekly
    ? await loadCycleState(deps, group.id, session.cycleId)
    : { sessions: [session], contributions: state.contributions, judgements: state.judgements, checkIns: state.checkIns, presence: state.presence };
  const questionIds = [...new Set(week.sessions.flatMap((s) => s.questionIds))];
  const seqOf = new Map(week.sessions.map((s) => [s.id, s.seq]));
  const answers = questionIds
    .map((id) => findQuestion(framework, id))
    .filter((q): q is Question => !!q && q.scope === 'group' && q.kind !== 'validation')
    .map((question) => {
      const contributions = week.contributions
        .filter((c) => c.questionId === question.id)
        .sort((a, b) => (seqOf.get(a.sessionId) ?? 0) - (seqOf.get(b.sessionId) ?? 0) || a.at.localeCompare(b.at));
      return { question, text: contributions.map((c) => c.text).join('\n'), contributorNames: [...new Set(contributions.map((c) => c.authorName))] };
    })
    .filter((a) => a.text);
  const unfinishedIds = carryOverFrom(framework, state);
  const aiQuestion = framework.questions.find((q) => q.kind === 'aiProposal');
  const nextDay = framework.days.find((d) => d.day === session.day + 1);
  const energyOf = (phase: 'in' | 'out'): EnergySummary => {
    if (!weekly) return energySummary(session.energy[phase]);
    const average = combineRounds(week.sessions.map((s) => s.energy[phase]));
    return average === undefined ? { status: 'tooFew' } : { status: 'published', average };
  };
  return {
    groupName: group.name,
    language: group.language,
    weekNumber: state.cycle?.weekNumber ?? group.cyclesStarted,
    day: session.day,
    dayTitle: framework.days.find((d) => d.day === session.day)?.title ?? '',
    weekly,
    answers,
    ...(state.proposal?.ai.status === 'drafted' ? { aiDraft: state.proposal.ai.draft } : {}),
    ...(state.proposal?.decision ? { decision: state.proposal.decision } : {}),
    ...(state.proposal && adoptedAiDraft(state.proposal) ? { aiAdopted: true as const } : {}),
    ...(state.proposal && adaptedAiDraft(state.proposal) ? { aiAdapted: true as const } : {}),
    ...judgementsShown(state, week.judgements, aiQuestion ? answers.find((a) => a.question.id === aiQuestion.id)?.text : undefined),
    ...(aiQuestion ? { decisionAfterQuestion: aiQuestion.id } : {}),
    energyIn: energyOf('in'),
    energyOut: energyOf('out'),
    // The week overview counts everyone who took part on any day of the week, as its energy figures do.
    attendeeCount: attendeeIds(week).length,
    unfinished: unfinishedIds.map((id) => findQuestion(framework, id)).filter((q): q is Question => !!q),
    next: session.day < 4 && nextDay ? { kind: 'day', day: nextDay.day, title: nextDay.title } : unfinishedIds.length ? { kind: 'resume' } : { kind: 'newCycle' },
    cycleId: session.cycleId,
    // Only a decision that adopts a text (as it is, or in the group's words): never a rejection or an AI draft alone.
    ...(state.proposal && offersShareWithLo(state.proposal.decision) ? { shareWithLo: { proposalId: state.proposal.id } } : {}),
  };
}
