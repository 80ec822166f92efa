import { randomInt } from 'node:crypto';
import { PollError } from '../../domain/pulse-poll/poll-error';
import { Poll } from '../../domain/pulse-poll/poll';
import { AnswerSet, buildResults, PollResults, TeamResult } from '../../domain/pulse-poll/results';
import { isHr, managesTeam } from './access';
import { PulsePollDeps } from './deps';

export type ResultsView =
  | { kind: 'hr'; poll: Poll; results: PollResults; comments: { teamName: string; texts: string[] }[] }
  | { kind: 'team'; poll: Poll; team: TeamResult; minRespondents: number };

/** Fisher-Yates with a cryptographic source: the order says nothing about who wrote what, or when. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function answerSet(deps: PulsePollDeps, poll: Poll): Promise<AnswerSet> {
  return { poll, answers: (await deps.answers.answers(poll.id)).map((a) => ({ targetId: a.targetId, scores: a.scores })) };
}

/** The earlier polls a comparison needs: per team the latest that included it, and the latest of the same scope. */
function earlierNeeded(poll: Poll, all: Poll[]): Poll[] {
  const earlier = all.filter((p) => p.id !== poll.id && p.status === 'closed' && p.opensAt < poll.opensAt);
  const needed = new Map<string, Poll>();
  for (const t of poll.targets) {
    const prev = earlier.find((p) => p.targets.some((x) => x.teamId === t.teamId));
    if (prev) needed.set(prev.id, prev);
  }
  const sameScope = earlier.find((p) => JSON.stringify(p.scope) === JSON.stringify(poll.scope));
  if (sameScope) needed.set(sameScope.id, sameScope);
  return [...needed.values()];
}

/**
 * Results for whoever asks. HR: every team, overall, and the open comments of teams with enough
 * respondents, shuffled and never attributed. A team's manager: that team's figures only, no
 * comments. Anyone else: refused. Below the minimum there are no figures for anyone.
 */
export async function resultsFor(deps: PulsePollDeps, viewer: { userId: string }, pollId: string, teamId?: string): Promise<ResultsView> {
  const poll = await deps.polls.get(pollId);
  if (!poll) throw new PollError('noPoll');
  const hr = await isHr(deps, viewer.userId);
  const target = teamId ? poll.targets.find((t) => t.teamId === teamId) : undefined;
  if (!hr && !(target && (await managesTeam(deps, viewer.userId, target)))) throw new PollError('notHr');

  const all = await deps.polls.listForTenant(poll.tenantId);
  const earlier = await Promise.all(earlierNeeded(poll, all).map((p) => answerSet(deps, p)));
  const results = buildResults(await answerSet(deps, poll), earlier, deps.minRespondents);
  if (!hr) return { kind: 'team', poll, team: results.teams.find((t) => t.targetId === target!.id)!, minRespondents: deps.minRespondents };

  const shown = new Set(results.teams.filter((t) => t.figures).map((t) => t.targetId));
  const open = (await deps.answers.openAnswers(poll.id)).filter((o) => shown.has(o.targetId));
  const comments = results.teams
    .filter((t) => shown.has(t.targetId))
    .map((t) => ({ teamName: t.teamName, texts: shuffled(open.filter((o) => o.targetId === t.targetId).map((o) => o.text)) }))
    .filter((c) => c.texts.length);
  return { kind: 'hr', poll, results, comments };
}

/** The newest poll of the tenant (for a team: the newest that included it). */
export async function latestPoll(deps: PulsePollDeps, tenantId: string, filter: { teamId?: string; open?: boolean } = {}): Promise<Poll> {
  const polls = await deps.polls.listForTenant(tenantId);
  const found = polls.find((p) => (!filter.teamId || p.targets.some((t) => t.teamId === filter.teamId)) && (!filter.open || p.status === 'open'));
  if (!found) throw new PollError('noPoll');
  return found;
}
