import { ASPECTS, Aspect, B, B_FROM, BS, ITEM_IDS, ItemId } from './instrument';
import { Scores } from './answer';
import { Poll } from './poll';

/** Scores on 0-100: (mean - 1) / 4 * 100, rounded. */
export interface Figures {
  aspects: Record<Aspect, number>;
  bs: Record<B, number>;
}

export interface TeamResult {
  targetId: string;
  teamName: string;
  respondents: number;
  memberCount?: number;
  /** 0-100, when the team size is known. */
  responseRate?: number;
  /** Absent below the minimum number of respondents. */
  figures?: Figures;
  /** Change in points against the team's previous poll, where both had figures. */
  change?: Figures;
}

export interface PollResults {
  minRespondents: number;
  teams: TeamResult[];
  overall: Omit<TeamResult, 'targetId' | 'teamName'>;
}

export function toScore(mean: number): number {
  return Math.round(((mean - 1) / 4) * 100);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The figures of a set of answers: each aspect, and each B as the mean of its own statement and two aspects. */
export function figuresOf(answers: Scores[]): Figures {
  const itemMean = Object.fromEntries(ITEM_IDS.map((id) => [id, mean(answers.map((a) => a[id]))])) as Record<ItemId, number>;
  const aspects = Object.fromEntries(ASPECTS.map((a) => [a, toScore(itemMean[a])])) as Record<Aspect, number>;
  const bs = Object.fromEntries(
    BS.map((b) => [b, toScore(mean([itemMean[b], itemMean[B_FROM[b][0]], itemMean[B_FROM[b][1]]]))]),
  ) as Record<B, number>;
  return { aspects, bs };
}

function difference(now: Figures, before: Figures): Figures {
  return {
    aspects: Object.fromEntries(ASPECTS.map((a) => [a, now.aspects[a] - before.aspects[a]])) as Record<Aspect, number>,
    bs: Object.fromEntries(BS.map((b) => [b, now.bs[b] - before.bs[b]])) as Record<B, number>,
  };
}

const rate = (respondents: number, members?: number) => (members ? Math.min(100, Math.round((respondents / members) * 100)) : undefined);

export interface AnswerSet {
  poll: Poll;
  answers: { targetId: string; scores: Scores }[];
}

interface Computed {
  teams: TeamResult[];
  overallFigures?: Figures;
  respondents: number;
}

/**
 * Figures per team only from the minimum number of respondents up. The overall figures are also
 * withheld when the teams left out would together be fewer than the minimum but more than none:
 * overall minus the shown teams would otherwise give away the small team's figures.
 */
function compute(set: AnswerSet, min: number): Computed {
  const teams = set.poll.targets.map((t): TeamResult => {
    const own = set.answers.filter((a) => a.targetId === t.id).map((a) => a.scores);
    return {
      targetId: t.id,
      teamName: t.teamName,
      respondents: own.length,
      memberCount: t.memberCount,
      responseRate: rate(own.length, t.memberCount),
      ...(own.length >= min ? { figures: figuresOf(own) } : {}),
    };
  });
  const hidden = teams.filter((t) => !t.figures).reduce((n, t) => n + t.respondents, 0);
  const all = set.answers.map((a) => a.scores);
  const overallShown = all.length >= min && (hidden === 0 || hidden >= min);
  return { teams, respondents: all.length, ...(overallShown ? { overallFigures: figuresOf(all) } : {}) };
}

/**
 * The results of a poll, per team and overall, with the change against earlier polls: per team the
 * latest earlier poll that included the team, overall the latest earlier poll of the same scope.
 */
export function buildResults(current: AnswerSet, earlier: AnswerSet[], minRespondents: number): PollResults {
  const now = compute(current, minRespondents);
  const before = earlier
    .filter((e) => e.poll.id !== current.poll.id && e.poll.opensAt < current.poll.opensAt)
    .sort((a, b) => (a.poll.opensAt < b.poll.opensAt ? 1 : -1))
    .map((e) => ({ set: e, computed: compute(e, minRespondents) }));

  const teams = now.teams.map((t) => {
    const teamId = current.poll.targets.find((x) => x.id === t.targetId)!.teamId;
    const prev = before.find((b) => b.set.poll.targets.some((x) => x.teamId === teamId));
    const prevTeam = prev?.computed.teams.find((x) => prev.set.poll.targets.find((y) => y.id === x.targetId)?.teamId === teamId);
    return t.figures && prevTeam?.figures ? { ...t, change: difference(t.figures, prevTeam.figures) } : t;
  });

  const sameScope = before.find((b) => JSON.stringify(b.set.poll.scope) === JSON.stringify(current.poll.scope));
  // A one-team poll's overall is that team: compare it as the team, with whichever poll last had it.
  const single = teams.length === 1 ? teams[0] : undefined;
  const members = current.poll.targets.every((t) => t.memberCount !== undefined)
    ? current.poll.targets.reduce((n, t) => n + (t.memberCount ?? 0), 0)
    : undefined;
  const overall: PollResults['overall'] = {
    respondents: now.respondents,
    memberCount: members,
    responseRate: rate(now.respondents, members),
    ...(now.overallFigures ? { figures: now.overallFigures } : {}),
    ...(single?.change && now.overallFigures
      ? { change: single.change }
      : now.overallFigures && sameScope?.computed.overallFigures
        ? { change: difference(now.overallFigures, sameScope.computed.overallFigures) }
        : {}),
  };
  return { minRespondents, teams, overall };
}
