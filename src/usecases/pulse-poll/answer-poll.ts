import { inviteeHash, readOpenAnswer, readScores, respondentHash } from '../../domain/pulse-poll/answer';
import { DomainError, isDomainError } from '../../domain/shared/errors';
import { findTarget, isOpenAt, Poll } from '../../domain/pulse-poll/poll';
import { FoldResult, foldAnswer, hasRespondent, PollTally } from '../../domain/pulse-poll/tally';
import { PulsePollDeps } from './deps';
import { isInvitee, unlistedFor } from './invitees';
import { pollSeenBy, PollViewer } from './poll-status';
import { tallyOf } from './tally';

/** `notInvited`: the poll did not go to them for this team (they joined later): no form to fill in. */
export type AnswerView = 'form' | 'answered' | 'closed' | 'notInvited';

/** Where an answer came from: a team channel, or a 1:1 chat with the bot. */
export type AnswerPlace = { kind: 'channel'; teamId?: string } | { kind: 'personal' };

async function loadPoll(deps: PulsePollDeps, pollId: string): Promise<Poll> {
  const poll = await deps.polls.get(pollId);
  if (!poll) throw new DomainError('noPoll');
  return poll;
}

/** Where a member of the team finds the newer poll: its card in the team's channel, or their 1:1 chat. */
export interface NewerPoll {
  teamName: string;
  private: boolean;
}

/**
 * The team's poll that followed this closed one, while it is open and reached the team: a member
 * who pressed the old card in the team's channel is pointed to it, instead of only hearing that
 * nothing was stored. Only there: card data naming another team's target tells nothing of that
 * team's polls. Two reads, on a closed card only.
 */
export async function newerOpenPoll(deps: PulsePollDeps, poll: Poll, targetId: string, pressedInTeam: string | undefined): Promise<NewerPoll | undefined> {
  const target = poll.targets.find((t) => t.id === targetId);
  if (!target || !pressedInTeam || target.teamId !== pressedInTeam) return undefined;
  const holder = await deps.locks.holderOf(poll.tenantId, target.teamId);
  if (!holder || holder === poll.id) return undefined;
  const newer = await deps.polls.get(holder);
  if (!newer || newer.tenantId !== poll.tenantId || !isOpenAt(newer, deps.clock.now())) return undefined;
  const reached = newer.targets.find((t) => t.teamId === target.teamId && t.delivered);
  return reached ? { teamName: reached.teamName, private: newer.delivery === 'private' } : undefined;
}

/**
 * What this person sees on the team's card: the questions, only that they answered, that it
 * closed, or that it went to the members the team had when it started (a form they could fill in
 * would only be refused once sent).
 */
export async function viewFor(deps: PulsePollDeps, pollId: string, targetId: string, viewer: PollViewer): Promise<{ poll: Poll; view: AnswerView }> {
  const { userId } = viewer;
  const poll = await pollSeenBy(deps, viewer, pollId);
  if (!isOpenAt(poll, deps.clock.now())) return { poll, view: 'closed' };
  const tally = await tallyOf(deps, poll);
  if (hasRespondent(tally, respondentHash(deps.hashKey, pollId, userId))) return { poll, view: 'answered' };
  return { poll, view: isInvitee(deps.hashKey, poll, tally, findTarget(poll, targetId), userId) ? 'form' : 'notInvited' };
}

export interface SubmitOutcome {
  poll: Poll;
  /**
   * `closed`: the poll closed before this answer; nothing was stored. `closedUnknown`: the poll
   * closed while the fate of this answer's write was unknown, and closing forgot who answered,
   * so it may or may not be counted and nothing left can tell. `notInvited`: a channel poll did not
   * go to them (they joined the team later); nothing was stored, and no answer of theirs can be.
   * `unconfirmed`: the write's reply was lost and the tally could not be read back either, so
   * whether it was stored is not known now; sending the same answer again tells (it is counted
   * once either way: a stored one is found by its marker).
   */
  result: 'stored' | 'alreadyAnswered' | 'closed' | 'closedUnknown' | 'notInvited' | 'unconfirmed';
  /** The scores were stored but the comment could not be; it is not asked again. */
  commentLost?: boolean;
}

/**
 * Stores one answer, anonymously, in one write: the tally gets the respondent's marker and the
 * scores (and the comment) together, under its ETag. A second answer of the same person finds
 * the marker and changes nothing; an answer after closing finds the tally sealed. Nothing is
 * written for an incomplete answer, and a refused write stores nothing at all, so a retry is safe.
 * A write whose reply was lost may have been stored: the tally is read back (`settleLostWrite`).
 * `tenantId` is the organisation Teams names in the activity; the poll id is card data anyone can send.
 */
export async function submitAnswer(
  deps: PulsePollDeps,
  input: { pollId: string; targetId: string; userId: string; tenantId: string; place: AnswerPlace; values: Record<string, unknown> },
): Promise<SubmitOutcome> {
  const poll = await deps.pollsForAnswers.get(input.pollId);
  // Another organisation's poll is refused as an unknown id, before any other check could tell
  // from its refusal (wrong place, closed, a missing score) that the id is real.
  if (!poll || poll.tenantId !== input.tenantId) throw new DomainError('noPoll');
  const target = findTarget(poll, input.targetId);
  const rightPlace =
    // A channel poll is answered in its team's channel (a group chat is no team's); a private one
    // in the 1:1 chat, by someone it was sent to for that team (checked with the tally).
    poll.delivery === 'private' ? input.place.kind === 'personal' : input.place.kind === 'channel' && input.place.teamId === target.teamId;
  if (!rightPlace) throw new DomainError('wrongPlace');
  if (!isOpenAt(poll, deps.clock.now())) return { poll, result: 'closed' };
  const scores = readScores(input.values);
  const comment = readOpenAnswer(input.values.open);
  const hash = respondentHash(deps.hashKey, poll.id, input.userId);
  const invitee = inviteeHash(deps.hashKey, poll.id, target.id, input.userId);
  const unlisted = unlistedFor(target);

  const result: { folded?: FoldResult; fate?: 'unknowable' | 'unconfirmed' } = {};
  const fold = async () => {
    try {
      await deps.tallies.update(poll.id, (tally) => {
        // Checked again on every try: the closing instant may pass while writers take turns.
        result.folded = isOpenAt(poll, deps.clock.now()) ? foldAnswer(tally, { targetId: target.id, hash, invitee, unlisted, scores, comment }) : { outcome: 'sealed', tally };
        return result.folded.tally;
      });
    } catch (err) {
      const fate = await settleLostWrite(deps, poll.id, hash, result.folded, err);
      if (fate === 'errorStands') throw err;
      if (fate !== 'stored') result.fate = fate;
    }
  };
  try {
    await fold();
  } catch (err) {
    // No tally yet: a poll stored the old way (migrated now), or one whose tally was never written.
    if ((err as { code?: number }).code !== 404) throw err;
    await tallyOf(deps, poll);
    await fold();
  }
  // Perhaps stored: neither "stored" nor an error card ("nothing was stored") would be true.
  if (result.fate === 'unconfirmed') return { poll, result: 'unconfirmed' };
  // Closed meanwhile (its card says how) and perhaps counted: neither "stored" nor "late" would be true.
  if (result.fate === 'unknowable') return { poll: (await deps.polls.get(poll.id)) ?? poll, result: 'closedUnknown' };
  const done = result.folded!;
  if (done.outcome === 'stored') return { poll, result: 'stored', ...(done.commentDropped ? { commentLost: true } : {}) };
  if (done.outcome === 'full') throw new DomainError('pollFull');
  // In a channel of the target's own team, someone the poll did not go to joined the team after
  // it started. A private poll's answer comes from a 1:1 chat with another's card data, which
  // tells nothing of the sender's team: there it is the card of another team or chat.
  if (done.outcome === 'notInvited') {
    if (poll.delivery === 'channel') return { poll, result: 'notInvited' };
    throw new DomainError('wrongPlace');
  }
  if (done.outcome === 'already') return { poll, result: 'alreadyAnswered' };
  // Sealed while the remembered poll still said open (HR closed it early): the card says how it closed.
  return { poll: (await deps.polls.get(poll.id)) ?? poll, result: 'closed' };
}

/**
 * A write of an answer failed in a way that does not say whether it was stored: the connection
 * broke or timed out after the replace may have reached the database. Its respondent marker tells:
 * present, the answer is in (ours, or the same person's from a moment ago on another device) and
 * the member is told it was stored, not to answer again only to hear they already did; absent,
 * nothing of theirs was stored and the error stands. Only a refusal we raised ourselves (busy,
 * no tally) is known to have stored nothing, and only a write that would have added the marker
 * is worth looking for. The marker is all it reads: nothing new ties an answer to a person.
 * A sealed tally has forgotten every marker, on purpose, so its fate is `unknowable` for good: the
 * error would wrongly say nothing was stored, and nothing may be kept that could settle it later.
 * A read-back that fails too (the same network blip) settles nothing: `unconfirmed`, never the
 * error, which would say nothing was stored (and on the Submit fallback in a channel queue a note
 * under the member's name beside a write that may have landed).
 */
async function settleLostWrite(deps: PulsePollDeps, pollId: string, hash: string, attempted: FoldResult | undefined, err: unknown): Promise<'stored' | 'errorStands' | 'unknowable' | 'unconfirmed'> {
  if (isDomainError(err) || (err as { code?: unknown }).code === 404 || attempted?.outcome !== 'stored') return 'errorStands';
  const after = await readBack(deps, pollId);
  if (after === 'unreadable') return 'unconfirmed';
  // No tally at all: the write had nothing to land in.
  if (after === undefined) return 'errorStands';
  if (hasRespondent(after, hash)) return 'stored';
  return after.sealed ? 'unknowable' : 'errorStands';
}

/**
 * The tally as stored now (undefined: there is none), or `unreadable`. One read, only after a lost
 * reply: the Cosmos SDK already retries a broken connection many times within it, so a read that
 * still fails means the blip lasts, and another round would only keep the member waiting.
 */
async function readBack(deps: PulsePollDeps, pollId: string): Promise<PollTally | undefined | 'unreadable'> {
  return deps.tallies.get(pollId).catch(() => 'unreadable' as const);
}
