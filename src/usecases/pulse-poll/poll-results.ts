import { namesAllTeams } from '../../domain/pulse-poll/poll-command';
import { hash } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors';
import { trimText } from '../../domain/shared/text';
import { Poll } from '../../domain/pulse-poll/poll';
import { buildResults, closedBefore, latestClosedFirst, PollResults, TallySet, TeamResult } from '../../domain/pulse-poll/results';
import { isHr } from './access';
import { PulsePollDeps } from './deps';
import { leavesTeamsOut, PollProgress, pollProgress, pollSeenBy, PollViewer, SharedPlace } from './poll-status';
import { tallyOf } from './tally';

export type ResultsView =
  /** The poll is open: response and days left, nothing else. */
  | { kind: 'progress'; poll: Poll; progress: PollProgress }
  /**
   * HR after closing: every team, overall, and the open comments of teams with figures.
   * `heldBack`: some team is below the minimum, so whatever it wrote stays unseen.
   */
  | { kind: 'hr'; poll: Poll; results: PollResults; comments: { teamName: string; texts: string[] }[]; heldBack: boolean }
  /** A team after closing: its own figures only (the same as its channel got). */
  | { kind: 'team'; poll: Poll; team: TeamResult; minRespondents: number };

/**
 * The comments in an order that says nothing about who wrote what or when: by a hash of the poll
 * and the text alone. The same at every reading, so HR can page through them and find each once.
 */
function inKeyedOrder(pollId: string, texts: readonly string[]): string[] {
  const keyed = texts.map((text) => ({ text, key: hash('sha256', `${pollId}\u0000${text}`, 'hex') }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.text);
}

/** A closed poll's answers as results are made from them: sealed, with the minimum fixed at closing. */
async function closedSet(deps: PulsePollDeps, poll: Poll): Promise<TallySet> {
  const tally = await tallyOf(deps, poll);
  return { poll, teams: tally.teams, minRespondents: tally.sealed?.minRespondents ?? deps.minRespondents };
}

/**
 * The earlier polls a comparison needs: per team the latest that included it, and the latest of the
 * same scope; "earlier" as closed before this one closed (see closedBefore), so it never changes.
 */
function earlierNeeded(poll: Poll, all: Poll[]): Poll[] {
  const earlier = all.filter((p) => closedBefore(p, poll)).sort(latestClosedFirst);
  const needed = new Map<string, Poll>();
  for (const t of poll.targets) {
    const prev = earlier.find((p) => p.targets.some((x) => x.teamId === t.teamId));
    if (prev) needed.set(prev.id, prev);
  }
  const sameScope = earlier.find((p) => JSON.stringify(p.scope) === JSON.stringify(poll.scope));
  if (sameScope) needed.set(sameScope.id, sameScope);
  return [...needed.values()];
}

/** The results of a closed poll, with the change against earlier ones. The same for every reader, and final. */
export async function closedResults(deps: PulsePollDeps, poll: Poll, withChange = true): Promise<PollResults> {
  if (poll.status !== 'closed') throw new DomainError('pollClosed');
  const earlier = withChange ? await Promise.all(earlierNeeded(poll, await deps.polls.listForTenant(poll.tenantId)).map((p) => closedSet(deps, p))) : [];
  return buildResults(await closedSet(deps, poll), earlier);
}

/**
 * What a reader may see of a poll. While it is open: the response and the days left, for HR
 * every team (one only where the answer is posted in a team's channel: `place.onlyTeamId`), for a
 * team only itself. Once it is closed: HR gets every team, overall and the open comments of teams
 * with figures (in keyed order, never attributed); a team, asked about in its own channel, its own
 * figures, as its channel got them. Anyone else is refused, and a poll of another organisation
 * than the viewer's does not exist for them. `place.teamId`: the channel's team, asked from.
 */
export async function resultsFor(deps: PulsePollDeps, viewer: PollViewer, pollId: string, place: { teamId?: string } & SharedPlace = {}): Promise<ResultsView> {
  const poll = await pollSeenBy(deps, viewer, pollId);
  const hr = await isHr(deps, viewer.userId);
  const target = place.teamId ? poll.targets.find((t) => t.teamId === place.teamId) : undefined;
  if (!hr && !target) throw new DomainError('notHr');

  if (poll.status !== 'closed') {
    if (!hr) return { kind: 'progress', poll, progress: await pollProgress(deps, poll, target!.teamId) };
    const progress = await pollProgress(deps, poll, place.onlyTeamId);
    return { kind: 'progress', poll, progress: leavesTeamsOut(poll, place) ? { ...progress, otherTeamsLeftOut: true } : progress };
  }
  const results = await closedResults(deps, poll);
  if (!hr) return { kind: 'team', poll, team: results.teams.find((t) => t.targetId === target!.id)!, minRespondents: results.minRespondents };

  const tally = await tallyOf(deps, poll);
  const shown = new Set(results.teams.filter((t) => t.figures).map((t) => t.targetId));
  const comments = results.teams
    .filter((t) => shown.has(t.targetId))
    .map((t) => ({ teamName: t.teamName, texts: inKeyedOrder(poll.id, tally.teams[t.targetId]?.comments ?? []) }))
    .filter((c) => c.texts.length);
  // From the published figures alone, never from what hidden teams wrote: whether the one person
  // of a team below the minimum left a comment is itself something said about that person.
  const heldBack = results.teams.some((t) => !t.figures);
  return { kind: 'hr', poll, results, comments, heldBack };
}

/** The newest poll of the tenant (for a team: the newest that included it). */
/**
 * A team's name as it shows, for comparing, on either side: without invisible characters at its
 * ends, nor the stray gaps a paste brings along inside it (zero-width space, word joiner, BOM, soft
 * hyphen: a name pasted from a Teams message, or a team's own name starting with one; found in
 * review, stop 59), spaces folded, in any case. Joiners and tag characters stay: they make an emoji
 * (the flags of Scotland and Wales differ only in tags; found reviewing that change).
 */
const norm = (s: string) => trimText(s).replace(STRAY_GAPS, '').toLowerCase().replace(/\s+/g, ' ');
const STRAY_GAPS = /[\u200B\u2060\uFEFF\u00AD]/g;

/**
 * The latest poll of the team HR named ("Zorgteam Noord", or "alle teams" for a poll of all
 * teams), with `open` its open poll first (else its latest, which a close then finds closed
 * already). Teams are those the app is installed in and those of the tenant's polls, by their
 * current name or any they had in a poll. A whole name wins; else, unless `wholeName` (a close:
 * it is final), the one team whose name holds the words typed. A name that fits no team, or
 * several, is refused with the teams there are; a team without a poll with `noPoll`. A name is
 * never passed over for another team's poll.
 */
export async function latestPollNamed(deps: PulsePollDeps, tenantId: string, name: string, filter: { open?: boolean; closedByCommand?: string; wholeName?: boolean } = {}): Promise<Poll> {
  return (await teamPollNamed(deps, tenantId, name, filter)).poll;
}

/** As latestPollNamed, with the team named (none for "alle teams" or a command delivered again). */
export async function teamPollNamed(deps: PulsePollDeps, tenantId: string, name: string, filter: { open?: boolean; closedByCommand?: string; wholeName?: boolean } = {}): Promise<{ poll: Poll; teamId?: string }> {
  const polls = await deps.polls.listForTenant(tenantId);
  const again = filter.closedByCommand ? polls.find((p) => p.closedByCommand === filter.closedByCommand) : undefined;
  if (again) return { poll: again };
  const openFirst = (of: Poll[]) => (filter.open ? of.find((p) => p.status === 'open') : undefined) ?? of[0];
  if (namesAllTeams(name)) {
    const found = openFirst(polls.filter((p) => p.scope.kind === 'all'));
    if (!found) throw new DomainError('noPoll');
    return { poll: found };
  }
  // Every name a team had, its current one first (installed, else the newest poll's: polls come newest first).
  const names = new Map<string, string[]>();
  const add = (teamId: string, teamName: string) => names.set(teamId, [...(names.get(teamId) ?? []), teamName]);
  for (const team of await deps.installations.listInstalled(tenantId)) add(team.teamId, team.name);
  for (const target of polls.flatMap((p) => p.targets)) add(target.teamId, target.teamName);
  const teams = [...names.entries()];
  const wanted = norm(name);
  const exact = teams.filter(([, all]) => all.some((n) => norm(n) === wanted));
  const inName = (n: string) => ` ${norm(n)} `.includes(` ${wanted} `);
  const fitting = exact.length || filter.wholeName ? exact : teams.filter(([, all]) => all.some(inName));
  if (fitting.length !== 1) {
    const listed = (fitting.length ? fitting : teams).map(([, all]) => all[0]!).slice(0, 12).join(', ');
    throw new DomainError(fitting.length ? 'ambiguousTeam' : 'unknownTeam', { params: { team: name, teams: listed } });
  }
  const [teamId] = fitting[0]!;
  const found = openFirst(polls.filter((p) => p.targets.some((t) => t.teamId === teamId)));
  if (!found) throw new DomainError('noPoll');
  return { poll: found, teamId };
}

export async function latestPoll(deps: PulsePollDeps, tenantId: string, filter: { teamId?: string; open?: boolean; closedByCommand?: string } = {}): Promise<Poll> {
  const polls = (await deps.polls.listForTenant(tenantId)).filter((p) => !filter.teamId || p.targets.some((t) => t.teamId === filter.teamId));
  // The poll this very command closed (Teams delivered it again) before any other, open or not.
  const found = (filter.closedByCommand ? polls.find((p) => p.closedByCommand === filter.closedByCommand) : undefined) ?? polls.find((p) => !filter.open || p.status === 'open');
  if (!found) throw new DomainError('noPoll');
  return found;
}
