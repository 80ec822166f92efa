import { DomainError } from '../../domain/shared/errors';
import { inviteeHash } from '../../domain/pulse-poll/answer';
import { isOpenAt, mayShareMembers, Poll, PollTarget } from '../../domain/pulse-poll/poll';
import { isListedInvitee, PollTally } from '../../domain/pulse-poll/tally';
import { isTeamOutOfReach } from '../../domain/pulse-poll/ports';
import { PulsePollDeps } from './deps';

/** A published cut of a poll: one team, or its teams together; its people by their Entra ids. */
export interface Cut {
  teamName: string;
  ids: Set<string>;
}

/** The cuts a poll's teams publish: each team, and all of them together where there are several. */
export function cutsOf(teams: Cut[]): Cut[] {
  if (teams.length < 2) return teams;
  // Named after the team that brings in most people: the one HR is told about.
  const largest = teams.reduce((a, b) => (b.ids.size > a.ids.size ? b : a));
  return [...teams, { teamName: largest.teamName, ids: new Set(teams.flatMap((t) => [...t.ids])) }];
}

export const sharedCount = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id)).length;

/**
 * A roster that did not answer (not "out of reach") while the overlap is checked: nothing starts,
 * and HR is told which open poll's team it could not be checked against and to try again later
 * (the roster is usually back within minutes). Names no member (the roster logged its status).
 */
export function overlapUnknown(openTeam: string): DomainError {
  return new DomainError('overlapUnknown', { detail: 'a roster did not answer while checking overlap', params: { open: openTeam } });
}

/**
 * Who can answer for a team of an open poll, as a test of one person: those on its invitee list
 * (keyed hashes: each candidate is hashed for that poll and team with the same key), or, for a
 * team not delivered yet, the members its delivery will list (its roster now). A team refused as
 * too large to list or for its overlap, one the app was removed from before its delivery, and a
 * closing poll's (sealed tally) take nobody's answer.
 */
export async function answersFor(deps: PulsePollDeps, tenantId: string, poll: Poll, tally: PollTally | undefined, target: PollTarget): Promise<((userId: string) => boolean) | undefined> {
  if (tally?.sealed || target.notDelivered) return undefined;
  if (target.delivered && tally?.invitees?.[target.id]) return (userId) => isListedInvitee(tally, target.id, inviteeHash(deps.hashKey, poll.id, target.id, userId));
  // Not delivered yet (a private team's list is still empty), or delivered before lists (anyone in its channel).
  try {
    const members = new Set((await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId })).map((m) => m.userId));
    return (userId) => members.has(userId);
  } catch (err) {
    if (isTeamOutOfReach(err)) return undefined;
    throw overlapUnknown(target.teamName);
  }
}

/**
 * As `answersFor`, seen by a delivery: a team listed already counts by its list (also one whose
 * delivery stopped after listing it), and a team not listed yet is left out. Its own delivery
 * comes later, under the same lease, and is checked against the list this one makes: whichever
 * of two teams is listed second sees the first one's list, in both directions.
 */
async function listedFor(deps: PulsePollDeps, tenantId: string, poll: Poll, tally: PollTally | undefined, target: PollTarget): Promise<((userId: string) => boolean) | undefined> {
  if (tally?.sealed || target.notDelivered) return undefined;
  if (tally?.invitees?.[target.id]) return (userId) => isListedInvitee(tally, target.id, inviteeHash(deps.hashKey, poll.id, target.id, userId));
  return target.delivered ? answersFor(deps, tenantId, poll, tally, target) : undefined;
}

/**
 * The team of another open poll that the cuts about to be published share too many people with
 * (the rule of `mayShareMembers`), if any. Made at delivery, just before a team's invitee list is
 * written: the start's check saw the rosters of its moment, and a team may take in people before
 * its delivery reads its roster (or while the delivery waits for Teams, two minutes and more).
 * `ours` is asked for only when another poll is open (it may read rosters). Reads: the tenant's
 * polls, and per other open poll its tally (a point read) and, for a team delivered before lists,
 * its roster; nothing is written.
 */
export async function openTeamOverlapping(deps: PulsePollDeps, poll: Poll, ours: () => Promise<Cut[]>): Promise<string | undefined> {
  const now = deps.clock.now();
  const others = (await deps.polls.listForTenant(poll.tenantId)).filter((p) => p.id !== poll.id && isOpenAt(p, now));
  if (!others.length) return undefined;
  const cuts = await ours();
  const everyone = [...new Set(cuts.flatMap((c) => [...c.ids]))];
  for (const other of others) {
    const tally = await deps.tallies.get(other.id);
    const open: Cut[] = [];
    for (const target of other.targets) {
      const answers = await listedFor(deps, poll.tenantId, other, tally, target);
      if (answers) open.push({ teamName: target.teamName, ids: new Set(everyone.filter(answers)) });
    }
    const theirs = cutsOf(open).find((cut) => cuts.some((mine) => !mayShareMembers(sharedCount(mine.ids, cut.ids), deps.minRespondents)));
    if (theirs) return theirs.teamName;
  }
  return undefined;
}
