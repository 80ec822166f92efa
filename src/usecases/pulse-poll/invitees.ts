import { inviteeHash } from '../../domain/pulse-poll/answer';
import { Poll, PollTarget } from '../../domain/pulse-poll/poll';
import { mayAnswerFor, PollTally, Unlisted } from '../../domain/pulse-poll/tally';

/**
 * What a team without an invitee list means: a private one from before every team's list came
 * with the start (open as it was once delivered, else waiting for its delivery to list it); a
 * channel one delivered before channel teams were listed, or too large to list (its channel's
 * members, as before).
 */
export function unlistedFor(poll: Poll, target: PollTarget): Unlisted {
  return target.delivered || poll.delivery === 'channel' ? 'anyone' : 'nobody';
}

/**
 * Whether the poll was delivered to this person for this team: only they may answer for it, be
 * shown its form, or be nudged about it. The list says who was asked, never who answered.
 */
export function isInvitee(hashKey: string, poll: Poll, tally: PollTally, target: PollTarget, userId: string): boolean {
  return mayAnswerFor(tally, target.id, inviteeHash(hashKey, poll.id, target.id, userId), unlistedFor(poll, target));
}
