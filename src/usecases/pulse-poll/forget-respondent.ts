import { randomBytes } from 'node:crypto';
import { inviteeHash, MARKER_LENGTH, respondentHash } from '../../domain/pulse-poll/answer';
import { Poll } from '../../domain/pulse-poll/poll';
import { OpenPrivatePolls, PollMarkersOfPerson, TallyRepository } from '../../domain/pulse-poll/ports';
import { PollTally, withoutMarkers } from '../../domain/pulse-poll/tally';

export interface PollMarkerDeps {
  polls: OpenPrivatePolls;
  tallies: Pick<TallyRepository, 'get' | 'update'>;
  hashKey: string;
}

/**
 * Whether nobody could answer the poll again once off its lists: every team is delivered (a later
 * delivery would list the person again, from the team's roster) and has its invitee list (a team
 * without one takes anyone's answer: see unlistedFor). Only then may the respondent marker go.
 */
function listsHoldEveryTeam(poll: Poll, tally: PollTally): boolean {
  return poll.targets.every((t) => t.delivered && tally.invitees?.[t.id] !== undefined);
}

/** A respondent marker's stand-in: random, of the same shape as a keyed hash (22 base64url characters). */
function standInMarker(): string {
  return randomBytes(Math.ceil((MARKER_LENGTH * 6) / 8) + 1).toString('base64url').slice(0, MARKER_LENGTH);
}

/**
 * Erasure: forgets the person in the tallies of the private polls still open. Their invitee
 * markers go (they are no longer asked: no form, no nudge, no answer taken), and their respondent
 * marker too where that cannot let them answer a second time (a random stand-in takes its place,
 * so the markers still number the answers: see withoutMarkers); their scores stay, nobody's. A
 * closed poll's tally forgot its markers when it was sealed. A channel poll keeps them until it
 * closes: there the respondent marker is what refuses a second answer from the team's channel.
 * Any of their ids may have answered (the app id, or a Teams id). Safe to run again: a tally
 * without their markers is not written. Returns the polls whose tally forgot something.
 */
export async function forgetPollMarkers(deps: PollMarkerDeps, person: { userId: string; platformIds: string[] }): Promise<number> {
  const ids = [...new Set([person.userId, ...person.platformIds])];
  let forgotten = 0;
  for (const poll of await deps.polls.openPrivate()) {
    const tally = await deps.tallies.get(poll.id);
    if (!tally || tally.sealed) continue;
    const invitees = Object.fromEntries(poll.targets.map((t) => [t.id, ids.map((id) => inviteeHash(deps.hashKey, poll.id, t.id, id))]));
    const respondent = ids.map((id) => respondentHash(deps.hashKey, poll.id, id));
    let changed = false;
    await deps.tallies.update(poll.id, (current) => {
      const next = withoutMarkers(current, { invitees, respondent: listsHoldEveryTeam(poll, current) ? respondent : [] }, standInMarker);
      changed = next !== current;
      return next;
    });
    if (changed) forgotten++;
  }
  return forgotten;
}

/** The erasure's way into the polls' tallies (see DataRightsDeps). */
export function pollMarkerErasure(deps: PollMarkerDeps): PollMarkersOfPerson {
  return { forget: (person) => forgetPollMarkers(deps, person) };
}
