import { findQuestion, Question } from '../../domain/framework/framework';
import { Decision } from '../../domain/proposal/proposal';
import { ProposalDraft } from '../../domain/proposal/proposal-draft';
import { EnergySummary, summariseEnergy } from '../../domain/week-cycle/energy';
import { Group } from '../../domain/week-cycle/group';
import { Session, sharedAnswer } from '../../domain/week-cycle/session';
import { WeekCycleDeps } from './deps';
import { carryOverFrom, proposalIdFor } from './start-session';

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
  decision?: Decision;
  energyIn: EnergySummary;
  energyOut: EnergySummary;
  attendeeCount: number;
  unfinished: Question[];
  next: { kind: 'day'; day: number; title: string } | { kind: 'resume' } | { kind: 'newCycle' };
}

export async function buildSummaryView(deps: WeekCycleDeps, group: Group, session: Session): Promise<SummaryView> {
  const framework = deps.frameworks[group.language];
  const cycle = await deps.cycles.get(group.id, session.cycleId);
  const weekly = session.day === 4;
  const sessions = weekly ? await deps.sessions.listByCycle(group.id, session.cycleId) : [session];
  const questionIds = weekly ? [...new Set(sessions.flatMap((s) => s.questionIds))] : session.questionIds;
  const answers = questionIds
    .map((id) => findQuestion(framework, id))
    .filter((q): q is Question => !!q && q.scope === 'group' && q.kind !== 'validation')
    .map((question) => {
      const contributions = sessions.flatMap((s) => sharedAnswer(s, question.id));
      return { question, text: contributions.map((c) => c.text).join('\n'), contributorNames: [...new Set(contributions.map((c) => c.authorName))] };
    })
    .filter((a) => a.text);
  const proposal = await deps.proposals.get(group.id, proposalIdFor(session.cycleId));
  const unfinishedIds = await carryOverFrom(deps, group.language, session);
  const nextDay = framework.days.find((d) => d.day === session.day + 1);
  return {
    groupName: group.name,
    language: group.language,
    weekNumber: cycle?.weekNumber ?? group.cyclesStarted,
    day: session.day,
    dayTitle: framework.days.find((d) => d.day === session.day)?.title ?? '',
    weekly,
    answers,
    aiDraft: proposal?.ai.status === 'drafted' ? proposal.ai.draft : undefined,
    decision: proposal?.decision,
    energyIn: summariseEnergy(session.energy.in),
    energyOut: summariseEnergy(session.energy.out),
    attendeeCount: session.attendeeIds.length,
    unfinished: unfinishedIds.map((id) => findQuestion(framework, id)).filter((q): q is Question => !!q),
    next: session.day < 4 && nextDay ? { kind: 'day', day: nextDay.day, title: nextDay.title } : unfinishedIds.length ? { kind: 'resume' } : { kind: 'newCycle' },
  };
}
