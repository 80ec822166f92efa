import { ASPECTS, Aspect, B, B_FROM, BS, ITEM_IDS, ItemId } from './instrument';
import { Scores } from './answer';
import { peopleReached, Poll } from './poll';
import { addScores, emptyTeamTally, Histogram, TeamTally } from './tally';

/** Scores on 0-100: (mean - 1) / 4 * 100, rounded; with the means (1-5) they come from. */
export interface Figures {
  aspects: Record<Aspect, number>;
  bs: Record<B, number>;
  /** The mean of each statement on 1-5. */
  means: Record<ItemId, number>;
  /** The mean each B-score is made of: its own statement and its two aspects. */
  bMeans: Record<B, number>;
}

export type Change = Pick<Figures, 'aspects' | 'bs'>;

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
  change?: Change;
}

export interface PollResults {
  minRespondents: number;
  teams: TeamResult[];
  overall: Omit<TeamResult, 'targetId' | 'teamName'>;
}

/** What results are computed from: a poll's folded answers per target, and the minimum it was closed with. */
export interface TallySet {
  poll: Poll;
  teams: Record<string, Pick<TeamTally, 'count' | 'histograms'> | undefined>;
  minRespondents: number;
}

export function toScore(mean: number): number {
  return Math.round(((mean - 1) / 4) * 100);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const histogramMean = (h: Histogram, n: number) => h.reduce((sum, c, i) => sum + c * (i + 1), 0) / n;

function merge(parts: Pick<TeamTally, 'count' | 'histograms'>[]): Pick<TeamTally, 'count' | 'histograms'> {
  const histograms = Object.fromEntries(
    ITEM_IDS.map((id) => [id, [0, 1, 2, 3, 4].map((i) => parts.reduce((n, p) => n + (p.histograms[id]?.[i] ?? 0), 0)) as Histogram]),
  ) as Record<ItemId, Histogram>;
  return { count: parts.reduce((n, p) => n + p.count, 0), histograms };
}

/** The figures of folded answers: each aspect, and each B as the mean of its own statement and two aspects. */
export function figuresOfTally(t: Pick<TeamTally, 'count' | 'histograms'>): Figures {
  const means = Object.fromEntries(ITEM_IDS.map((id) => [id, histogramMean(t.histograms[id], t.count)])) as Record<ItemId, number>;
  const bMeans = Object.fromEntries(BS.map((b) => [b, mean([means[b], means[B_FROM[b][0]], means[B_FROM[b][1]]])])) as Record<B, number>;
  return {
    aspects: Object.fromEntries(ASPECTS.map((a) => [a, toScore(means[a])])) as Record<Aspect, number>,
    bs: Object.fromEntries(BS.map((b) => [b, toScore(bMeans[b])])) as Record<B, number>,
    means,
    bMeans,
  };
}

/** The folded form of a list of answers (for tests and the old storage shape). */
export function tallyOfScores(answers: Scores[]): Pick<TeamTally, 'count' | 'histograms'> {
  return answers.reduce((t, s) => addScores(t, s), emptyTeamTally());
}

export function figuresOf(answers: Scores[]): Figures {
  return figuresOfTally(tallyOfScores(answers));
}

function difference(now: Change, before: Change): Change {
  return {
    aspects: Object.fromEntries(ASPECTS.map((a) => [a, now.aspects[a] - before.aspects[a]])) as Record<Aspect, number>,
    bs: Object.fromEntries(BS.map((b) => [b, now.bs[b] - before.bs[b]])) as Record<B, number>,
  };
}

const rate = (respondents: number, members?: number) => (members ? Math.min(100, Math.round((respondents / members) * 100)) : undefined);

interface Computed {
  teams: TeamResult[];
  overallFigures?: Figures;
  respondents: number;
}

/**
 * Which cuts of one poll may be published, and their figures. The cuts a reader can see are each
 * team and all teams together; any difference of them is a union of teams, or "all teams minus
 * the shown ones". So: a team only from the minimum up; and all teams together only when the
 * teams without figures hold no answers or at least the minimum between them, or else overall
 * minus every shown team would be exactly the hidden teams' answers.
 */
function compute(set: TallySet): Computed {
  const min = set.minRespondents;
  const teams = set.poll.targets.map((t): TeamResult => {
    const own = set.teams[t.id];
    const n = own?.count ?? 0;
    return {
      targetId: t.id,
      teamName: t.teamName,
      respondents: n,
      memberCount: t.memberCount,
      responseRate: rate(n, t.memberCount),
      ...(own && n >= min ? { figures: figuresOfTally(own) } : {}),
    };
  });
  const hidden = teams.filter((t) => !t.figures).reduce((n, t) => n + t.respondents, 0);
  const all = merge(set.poll.targets.map((t) => set.teams[t.id]).filter((x): x is NonNullable<typeof x> => x !== undefined));
  const overallShown = all.count >= min && (hidden === 0 || hidden >= min);
  return { teams, respondents: all.count, ...(overallShown ? { overallFigures: figuresOfTally(all) } : {}) };
}

/** The last day a closed poll took answers (a poll stored before `closedOn` was: its closing date). */
function lastDay(poll: Pick<Poll, 'closedOn' | 'closesOn'>): string {
  return poll.closedOn ?? poll.closesOn;
}

/**
 * Whether `earlier` had closed before `poll` closed, judged only from what is fixed once `poll` is
 * closed, so that a comparison made at closing stays the same ever after (results never change).
 * Not by opening time: a poll opened earlier but closing later would become the "previous poll"
 * only once it closed, and change published results. Two polls that share a team were never open
 * at once (the team lock), so the one opened first closed before the other opened. Otherwise only
 * a whole day apart is sure (`closedOn` is a date): a poll still open when `poll` closed takes
 * answers up to `poll`'s last day at least; two such polls closing on one day are not compared.
 */
export function closedBefore(earlier: Poll, poll: Poll): boolean {
  if (earlier.id === poll.id || earlier.status !== 'closed' || poll.status !== 'closed') return false;
  const shareTeam = earlier.targets.some((t) => poll.targets.some((x) => x.teamId === t.teamId));
  return shareTeam ? earlier.opensAt < poll.opensAt : lastDay(earlier) < lastDay(poll);
}

/** Sort order of earlier polls, the latest to close first (ties, where the day is shared: the later opened). */
export function latestClosedFirst(a: Poll, b: Poll): number {
  if (lastDay(a) !== lastDay(b)) return lastDay(a) < lastDay(b) ? 1 : -1;
  return a.opensAt < b.opensAt ? 1 : a.opensAt > b.opensAt ? -1 : 0;
}

/**
 * The results of a closed poll, per team and overall, with the change against earlier polls: per
 * team the latest earlier poll that included the team, overall the latest earlier poll of the
 * same scope. A change is shown only where both polls had figures, so it never uncovers a result
 * that was withheld. Each poll's answers are its own: no two polls share an answer.
 */
export function buildResults(current: TallySet, earlier: TallySet[]): PollResults {
  const now = compute(current);
  const before = earlier
    .filter((e) => closedBefore(e.poll, current.poll))
    .sort((a, b) => latestClosedFirst(a.poll, b.poll))
    .map((e) => ({ set: e, computed: compute(e) }));

  const teams = now.teams.map((t) => {
    const teamId = current.poll.targets.find((x) => x.id === t.targetId)!.teamId;
    const prev = before.find((b) => b.set.poll.targets.some((x) => x.teamId === teamId));
    const prevTeam = prev?.computed.teams.find((x) => prev.set.poll.targets.find((y) => y.id === x.targetId)?.teamId === teamId);
    return t.figures && prevTeam?.figures ? { ...t, change: difference(t.figures, prevTeam.figures) } : t;
  });

  const sameScope = before.find((b) => JSON.stringify(b.set.poll.scope) === JSON.stringify(current.poll.scope));
  // A one-team poll's overall is that team: compare it as the team, with whichever poll last had it.
  const single = teams.length === 1 ? teams[0] : undefined;
  const members = peopleReached(current.poll.targets);
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
  return { minRespondents: current.minRespondents, teams, overall };
}
