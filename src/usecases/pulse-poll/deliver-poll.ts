import { inviteeHash } from '../../domain/pulse-poll/answer';
import { addInvitees, isListedInvitee, PollTally } from '../../domain/pulse-poll/tally';
import { isTeamOutOfReach, TeamMember } from '../../domain/pulse-poll/ports';
import { NotDeliveredReason, Poll, PollTarget } from '../../domain/pulse-poll/poll';
import { DomainError } from '../../domain/shared/errors';
import { tallyOf } from './tally';
import { PulsePollDeps } from './deps';
import { Cut, cutsOf, openTeamOverlapping } from './overlap';
import { START_LEASE_HOLDS_MS, underStartLease } from './start-lease';

/** Teams refreshes a card by itself for at most this many listed users. */
export const AUTO_REFRESH_USERS = 60;

export interface DeliveryOutcome {
  /**
   * Teams whose members would not fit in the tally's invitee lists (all the poll's lists together
   * past MAX_INVITEES), in a channel poll as in a private one: nothing sent, not delivered, and
   * marked so (`notDelivered: 'tooMany'`) for HR's status card.
   */
  tooMany: string[];
  /** Teams whose roster the platform refused for good (the app was removed): nothing sent, still not delivered. */
  outOfReach: string[];
  /**
   * Teams whose members shared too many people with a team of another open poll when they were
   * about to be listed: nothing sent, not delivered, marked so (`notDelivered: 'overlapsOpen'`), HR told.
   */
  overlapsOpen: string[];
  /** No poll stored under this id (yet: its start stores it after scheduling this; or ever: a start that failed). */
  missing?: true;
}

/** A target delivered after all (lists freed by an erasure, say) no longer shows a refusal. */
function withoutRefusal(target: PollTarget): PollTarget {
  const { notDelivered: _delivered, ...rest } = target;
  return rest;
}

/** Marks a team not delivered, for good, with the reason HR's status card gives (once: a run again changes nothing). */
async function markNotDelivered(deps: PulsePollDeps, pollId: string, targetId: string, reason: NotDeliveredReason): Promise<void> {
  await deps.polls.update(pollId, (p) =>
    p.status !== 'open' || p.targets.some((t) => t.id === targetId && (t.delivered || t.notDelivered === reason))
      ? p
      : { ...p, targets: p.targets.map((t) => (t.id === targetId ? { ...t, notDelivered: reason } : t)) },
  );
}

/**
 * The members of a team of this poll listed by an earlier run, as far as Teams still has them: its
 * roster now, those on its list (all of them for a team delivered before lists). Gone for good
 * (the app was removed): none.
 */
async function listedMembersNow(deps: PulsePollDeps, poll: Poll, tally: PollTally, target: PollTarget): Promise<string[]> {
  try {
    const members = await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId: poll.tenantId });
    const listed = tally.invitees?.[target.id];
    return members.map((m) => m.userId).filter((id) => !listed || isListedInvitee(tally, target.id, inviteeHash(deps.hashKey, poll.id, target.id, id)));
  } catch (err) {
    if (isTeamOutOfReach(err)) return [];
    throw err;
  }
}

/**
 * The cuts a team's listing publishes: the team, and the poll's teams together with it (each
 * listed team's members; read again from Teams for those listed by an earlier run).
 */
async function cutsOnListing(deps: PulsePollDeps, poll: Poll, tally: PollTally, target: PollTarget, members: TeamMember[], listedThisRun: Map<string, string[]>): Promise<Cut[]> {
  const team: Cut = { teamName: target.teamName, ids: new Set(members.map((m) => m.userId)) };
  const listedBefore = poll.targets.filter((t) => t.id !== target.id && (listedThisRun.has(t.id) || (t.delivered && !t.notDelivered)));
  if (!listedBefore.length) return [team];
  const others: Cut[] = [];
  for (const t of listedBefore) others.push({ teamName: t.teamName, ids: new Set(listedThisRun.get(t.id) ?? (await listedMembersNow(deps, poll, tally, t))) });
  return [team, cutsOf([team, ...others]).at(-1)!];
}

/**
 * A private poll's members' markers on the lists of the teams a run before this one may have sent
 * invites to: the teams it delivered, and the team at hand, listed by a run that stopped before it
 * was marked delivered (its invites queued part-way). Listed there, a member may hold an invite
 * already, under a key the notifier no longer queues under (before stop 62, a plain one).
 */
function markersOfEarlierRuns(hashKey: string, pollId: string, targetIds: readonly string[], members: readonly TeamMember[]): (readonly [string, string])[][] {
  return members.map((m) => targetIds.map((id) => [id, inviteeHash(hashKey, pollId, id, m.userId)] as const));
}

/** What became of one team's listing (see listTeam). */
type TeamListing =
  | { kind: 'listed'; members: TeamMember[]; shared: number; invitedBefore: string[] }
  | { kind: 'overlapsOpen'; openTeam: string }
  | { kind: 'tooMany' }
  | { kind: 'outOfReach' }
  | { kind: 'failed'; err: unknown };

/** What a delivery run knows of the poll's teams so far (see deliverPoll). */
interface DeliveryRun {
  reachedBefore: readonly string[];
  reachedByEarlierRuns: readonly string[];
  listedThisRun: Map<string, string[]>;
}

/**
 * Reads a team's roster and writes its members on the tally's invitee list, after checking them
 * against the other open polls under the tenant's start lease; nothing is sent. Returns the
 * members listed, or why the team was not listed.
 */
async function listTeam(deps: PulsePollDeps, poll: Poll, target: PollTarget, run: DeliveryRun): Promise<TeamListing> {
  const pollId = poll.id;
  let members: TeamMember[];
  try {
    members = await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId: poll.tenantId });
  } catch (err) {
    // The app is no longer in the team: it stays undelivered (HR's status card shows it), for good.
    return isTeamOutOfReach(err) ? { kind: 'outOfReach' } : { kind: 'failed', err };
  }
  // Before any card goes out, so the first answer already finds its sender among the invitees:
  // the members the poll goes to, and nobody who joins the team later (who could pad a team
  // past the minimum with answers they know, once the count shows one real respondent).
  const tally = await tallyOf(deps, poll);
  // A team an earlier run listed (and stopped before marking it delivered) was checked when it
  // was listed, and may have cards out: its list stands, and nobody who joined the team since is
  // added to it (found in review, stop 66: checked again, it was refused while its list took answers).
  // (An empty list is no listing: the start may write one before any delivery.)
  const listedEarlier = (tally.invitees?.[target.id]?.length ?? 0) > 0;
  if (listedEarlier) members = members.filter((m) => isListedInvitee(tally, target.id, inviteeHash(deps.hashKey, pollId, target.id, m.userId)));
  let invited = true;
  let shared = 0;
  // Their markers on the lists of the teams reached before, made once: the update may run again.
  const elsewhere = members.map((m) => run.reachedBefore.map((id) => [id, inviteeHash(deps.hashKey, pollId, id, m.userId)] as const));
  const earlier = poll.delivery === 'private' ? markersOfEarlierRuns(deps.hashKey, pollId, [...run.reachedByEarlierRuns, target.id], members) : [];
  let invitedBefore: string[] = [];
  const listInvitees = () =>
    deps.tallies.update(pollId, (t) => {
      shared = elsewhere.filter((markers) => markers.some(([id, marker]) => isListedInvitee(t, id, marker))).length;
      invitedBefore = members.filter((_, k) => earlier[k]?.some(([id, marker]) => isListedInvitee(t, id, marker))).map((m) => m.userId);
      const r = addInvitees(t, target.id, members.map((m) => inviteeHash(deps.hashKey, pollId, target.id, m.userId)));
      invited = r.outcome === 'invited';
      return r.tally;
    });
  // The start checked the rosters of its moment; a team may have taken in people since (or the
  // other poll's team, not listed then). Checked again against what the other open polls listed,
  // under the tenant's start lease: starts and other listings wait, so of two teams listed at
  // about the same moment the second sees the first one's list. A check that cannot be made (the
  // lease held long, a roster that does not answer) lists nothing: the job runs again.
  let overlapping: string | undefined;
  try {
    if (listedEarlier) await listInvitees();
    else {
      overlapping = await underStartLease(deps, poll.tenantId, async (holder) => {
        const found = await openTeamOverlapping(deps, poll, () => cutsOnListing(deps, poll, tally, target, members, run.listedThisRun));
        if (found) return found;
        // A check that outlasted the lease may have missed a poll started meanwhile (found in
        // review, stop 66): held on only if held all along, else nothing is listed and the job runs again.
        const heldOn = new Date(deps.clock.now().getTime() + START_LEASE_HOLDS_MS);
        if (!(await deps.startLease.renew(poll.tenantId, holder, heldOn))) throw new DomainError('startBusy', 'the start lease was taken over during a delivery check');
        await listInvitees();
        return undefined;
      });
    }
  } catch (err) {
    return { kind: 'failed', err };
  }
  if (overlapping) return { kind: 'overlapsOpen', openTeam: overlapping };
  if (!invited) return { kind: 'tooMany' };
  return { kind: 'listed', members, shared, invitedBefore };
}

/**
 * Puts every message of a poll in the outbox: per team, the card in its channel (with the members
 * whose view refreshes by itself), or an announcement plus a card in each member's 1:1 chat.
 * Idempotent: a team counts as delivered only once all its messages are queued, and queuing again
 * sends nothing twice (the outbox keys).
 */
export async function deliverPoll(deps: PulsePollDeps, pollId: string): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { tooMany: [], outOfReach: [], overlapsOpen: [] };
  const poll = await deps.polls.get(pollId);
  if (!poll) return { ...outcome, missing: true };
  if (poll.status !== 'open') return outcome;
  // One team's roster failing does not hold up the teams after it: they are delivered, and the
  // failure is thrown at the end (the job runs again for the teams still undelivered).
  let failed: unknown;
  // Teams whose members the poll reached already: a member of two teams is counted once overall.
  const reachedBefore = poll.targets.filter((t) => t.delivered).map((t) => t.id);
  const reachedByEarlierRuns = [...reachedBefore];
  // The members of the teams this run listed (in memory only): the poll's teams together are a cut too.
  const listedThisRun = new Map<string, string[]>();
  for (const [i, target] of poll.targets.filter((t) => !t.delivered).entries()) {
    // HR may close the poll while its teams are delivered (each asks Teams for its members): a
    // team not reached by then gets nothing, one under way has its messages skipped when they are
    // sent (`sendIf`), and the closed poll's figures stay as they were (the update below).
    if (i > 0 && (await deps.polls.get(pollId))?.status !== 'open') break;
    const listing = await listTeam(deps, poll, target, { reachedBefore, reachedByEarlierRuns, listedThisRun });
    if (listing.kind === 'outOfReach') {
      outcome.outOfReach.push(target.id);
      continue;
    }
    if (listing.kind === 'failed') {
      failed ??= listing.err;
      continue;
    }
    // Left out as a whole, as a team too large to list: nobody can answer for it, nothing is sent.
    if (listing.kind === 'overlapsOpen') {
      outcome.overlapsOpen.push(target.id);
      await markNotDelivered(deps, pollId, target.id, 'overlapsOpen');
      await deps.notifier.tellHrOverlapRefused(poll, target, listing.openTeam);
      continue;
    }
    // A team the tally could not list gets nothing, in a channel poll too: a channel card without
    // a list would take answers from anyone in the channel, also from people added to the team
    // afterwards, who could pad a small team past the minimum with answers they know. It stays not
    // delivered, with the reason for HR's status card (and nothing sent when delivery runs again).
    if (listing.kind === 'tooMany') {
      outcome.tooMany.push(target.id);
      await markNotDelivered(deps, pollId, target.id, 'tooMany');
      continue;
    }
    const { members, shared, invitedBefore } = listing;
    const counted = { ...target, memberCount: members.length };
    listedThisRun.set(target.id, members.map((m) => m.userId));
    if (poll.delivery === 'channel') {
      await deps.notifier.postPollCard(poll, counted, members.slice(0, AUTO_REFRESH_USERS));
    } else {
      await deps.notifier.postAnnouncement(poll, counted);
      await deps.notifier.sendPrivatePollCards(poll, counted, members, invitedBefore);
    }
    await deps.polls.update(pollId, (p) =>
      p.status !== 'open' ? p : { ...p, targets: p.targets.map((t) => (t.id === target.id ? { ...withoutRefusal(t), memberCount: members.length, ...(shared ? { sharedMembers: shared } : {}), delivered: true } : t)) },
    );
    reachedBefore.push(target.id);
  }
  if (failed) throw failed;
  return outcome;
}
