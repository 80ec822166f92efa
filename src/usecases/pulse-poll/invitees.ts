import { inviteeHash } from '../../domain/pulse-poll/answer';
import { Poll, PollTarget } from '../../domain/pulse-poll/poll';
import { mayAnswerFor, PollTally, Unlisted } from '../../domain/pulse-poll/tally';

/**
 * What a team without an invitee list means: one delivered before its list came with its delivery
 * (a private poll's before every team's list came with the start, a channel poll's before channel
 * teams were listed) takes its members' answers as before; any other takes nobody's, in a channel
 * poll too (a team not delivered yet, or one refused as too large to list: see deliverPoll).
 */
export function unlistedFor(target: PollTarget): Unlisted {
  return target.delivered ? 'anyone' : 'nobody';
}

/**
 * Whether the poll was delivered to this person for this team: only they may answer for it, be
 * shown its form, or be nudged about it. The list says who was asked, never who answered.
 */
export function isInvitee(hashKey: string, poll: Poll, tally: PollTally, target: PollTarget, userId: string): boolean {
  return mayAnswerFor(tally, target.id, inviteeHash(hashKey, poll.id, target.id, userId), unlistedFor(target));
}
