import { Poll } from '../../domain/pulse-poll/poll';
import { PollsStartedBy } from '../../domain/verantwoording/erasure-ports';
import { ERASED_ID } from '../../domain/week-cycle/session-items';

/** A 1:1 chat, not a channel or group chat (whose Teams ids are threads: "19:…@thread…"). */
export const isPersonalChat = (conversationId: string) => !conversationId.startsWith('19:');

/** The poll without its starter: no ids of theirs, and not their 1:1 chat as the place for the results. */
export function withoutStarter(poll: Poll): Poll {
  const { startedBy: _startedBy, startedByTeamsId: _teamsId, ...rest } = poll;
  const personal = isPersonalChat(poll.hrChannel.conversationId);
  return personal ? { ...rest, hrChannel: { ...rest.hrChannel, conversationId: ERASED_ID } } : rest;
}

/**
 * Erasure: forgets the person in the B3-spiegel polls they started. Their app and Teams ids go;
 * a poll started in their 1:1 chat forgets that chat too (its results card then goes nowhere:
 * see TeamsPollNotifier.announceClosed). The poll and its figures stay. Safe to run again.
 */
export async function forgetPollStarter(polls: PollsStartedBy | undefined, person: { userId: string; platformIds: string[] }): Promise<number> {
  if (!polls) return 0;
  const started = await polls.startedBy(person.userId, person.platformIds);
  for (const poll of started) await polls.update(poll.pollId, withoutStarter);
  return started.length;
}
