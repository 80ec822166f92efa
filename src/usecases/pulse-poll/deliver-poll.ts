import { inviteeHash } from '../../domain/pulse-poll/answer';
import { addInvitees, isListedInvitee } from '../../domain/pulse-poll/tally';
import { isTeamOutOfReach, TeamMember } from '../../domain/pulse-poll/ports';
import { PollTarget } from '../../domain/pulse-poll/poll';
import { tallyOf } from './tally';
import { PulsePollDeps } from './deps';

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
  /** No poll stored under this id (yet: its start stores it after scheduling this; or ever: a start that failed). */
  missing?: true;
}

/** A target delivered after all (lists freed by an erasure, say) no longer shows a refusal. */
function withoutRefusal(target: PollTarget): PollTarget {
  const { notDelivered: _delivered, ...rest } = target;
  return rest;
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

/**
 * Puts every message of a poll in the outbox: per team, the card in its channel (with the members
 * whose view refreshes by itself), or an announcement plus a card in each member's 1:1 chat.
 * Idempotent: a team counts as delivered only once all its messages are queued, and queuing again
 * sends nothing twice (the outbox keys).
 */
export async function deliverPoll(deps: PulsePollDeps, pollId: string): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { tooMany: [], outOfReach: [] };
  const poll = await deps.polls.get(pollId);
  if (!poll) return { ...outcome, missing: true };
  if (poll.status !== 'open') return outcome;
  // One team's roster failing does not hold up the teams after it: they are delivered, and the
  // failure is thrown at the end (the job runs again for the teams still undelivered).
  let failed: unknown;
  // Teams whose members the poll reached already: a member of two teams is counted once overall.
  const reachedBefore = poll.targets.filter((t) => t.delivered).map((t) => t.id);
  const reachedByEarlierRuns = [...reachedBefore];
  for (const [i, target] of poll.targets.filter((t) => !t.delivered).entries()) {
    // HR may close the poll while its teams are delivered (each asks Teams for its members): a
    // team not reached by then gets nothing, one under way has its messages skipped when they are
    // sent (`sendIf`), and the closed poll's figures stay as they were (the update below).
    if (i > 0 && (await deps.polls.get(pollId))?.status !== 'open') break;
    let members: TeamMember[];
    try {
      members = await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId: poll.tenantId });
    } catch (err) {
      // The app is no longer in the team: it stays undelivered (HR's status card shows it), for good.
      if (isTeamOutOfReach(err)) outcome.outOfReach.push(target.id);
      else failed ??= err;
      continue;
    }
    const counted = { ...target, memberCount: members.length };
    // Before any card goes out, so the first answer already finds its sender among the invitees:
    // the members the poll goes to, and nobody who joins the team later (who could pad a team
    // past the minimum with answers they know, once the count shows one real respondent).
    await tallyOf(deps, poll);
    let invited = true;
    let shared = 0;
    // Their markers on the lists of the teams reached before, made once: the update may run again.
    const elsewhere = members.map((m) => reachedBefore.map((id) => [id, inviteeHash(deps.hashKey, pollId, id, m.userId)] as const));
    const earlier = poll.delivery === 'private' ? markersOfEarlierRuns(deps.hashKey, pollId, [...reachedByEarlierRuns, target.id], members) : [];
    let invitedBefore: string[] = [];
    await deps.tallies.update(pollId, (t) => {
      shared = elsewhere.filter((markers) => markers.some(([id, marker]) => isListedInvitee(t, id, marker))).length;
      invitedBefore = members.filter((_, k) => earlier[k]?.some(([id, marker]) => isListedInvitee(t, id, marker))).map((m) => m.userId);
      const r = addInvitees(t, target.id, members.map((m) => inviteeHash(deps.hashKey, pollId, target.id, m.userId)));
      invited = r.outcome === 'invited';
      return r.tally;
    });
    // A team the tally could not list gets nothing, in a channel poll too: a channel card without
    // a list would take answers from anyone in the channel, also from people added to the team
    // afterwards, who could pad a small team past the minimum with answers they know. It stays not
    // delivered, with the reason for HR's status card (and nothing sent when delivery runs again).
    if (!invited) {
      outcome.tooMany.push(target.id);
      await deps.polls.update(pollId, (p) =>
        p.status !== 'open' || p.targets.some((t) => t.id === target.id && (t.delivered || t.notDelivered === 'tooMany'))
          ? p
          : { ...p, targets: p.targets.map((t) => (t.id === target.id ? { ...t, notDelivered: 'tooMany' as const } : t)) },
      );
      continue;
    }
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
