import { Poll, PollScope } from '../../domain/pulse-poll/poll';
import { PollsStartedBy } from '../../domain/verantwoording/erasure-ports';
import { isPersonalChat } from '../pulse-poll/forget-starter';

/**
 * A B3-spiegel poll the person started, as "mijn gegevens" lists it: what the poll keeps about
 * them (that they started it, and perhaps from their 1:1 chat). Never its answers, its figures or
 * who answered: those are nobody's to export.
 */
export interface PollStartedExport {
  pollId: string;
  scope: PollScope;
  /** A poll of one team names it as the poll stored it (an id alone says nothing to the person). */
  teamName?: string;
  opensAt: string;
  /** The last day to answer (local date). */
  closesOn: string;
  /** The last day answers were taken, once it closed (earlier than `closesOn` when HR closed it early). */
  closedOn?: string;
  /** Started from their 1:1 chat with the bot: the poll keeps that chat as the place for its results. */
  startedFromOwnChat: boolean;
}

function pollStartedExport(poll: Poll): PollStartedExport {
  const scope = poll.scope;
  const teamName = scope.kind === 'team' ? poll.targets.find((t) => t.teamId === scope.teamId)?.teamName : undefined;
  return {
    pollId: poll.pollId,
    scope,
    ...(teamName ? { teamName } : {}),
    opensAt: poll.opensAt,
    closesOn: poll.closesOn,
    ...(poll.closedOn ? { closedOn: poll.closedOn } : {}),
    startedFromOwnChat: isPersonalChat(poll.hrChannel.conversationId),
  };
}

/**
 * The polls the person started, found as their erasure finds them (forgetPollStarter): by their
 * app id, or one of their Teams ids (polls from before the app id was kept). Oldest first.
 */
export async function exportPollsStarted(polls: PollsStartedBy | undefined, person: { userId: string; platformIds: string[] }): Promise<PollStartedExport[]> {
  if (!polls) return [];
  const started = await polls.startedBy(person.userId, person.platformIds);
  return started.map(pollStartedExport).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
}
