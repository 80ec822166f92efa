import { respondentHash } from '../../domain/pulse-poll/answer';
import { daysLeft } from '../../domain/pulse-poll/poll';
import { countsOf, hasRespondent } from '../../domain/pulse-poll/tally';
import { PulsePollDeps } from './deps';
import { tallyOf } from './tally';

/**
 * A reminder: in each team's poll thread, the response rate so far and the days left; and when HR
 * asked for it, a private nudge to the members without a respondent marker (and only them).
 */
export async function sendReminder(deps: PulsePollDeps, pollId: string, index: number): Promise<void> {
  const poll = await deps.polls.get(pollId);
  if (!poll || poll.status !== 'open') return;
  const tally = await tallyOf(deps, poll);
  const counts = countsOf(tally);
  const left = daysLeft(poll, deps.clock.now(), deps.timeZone);
  for (const target of poll.targets) {
    await deps.notifier.postReminder(poll, target, index, { respondents: counts[target.id] ?? 0, memberCount: target.memberCount, daysLeft: left });
  }
  if (!poll.privateNudges) return;
  for (const target of poll.targets) {
    const members = await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId: poll.tenantId });
    const pending = members.filter((m) => !hasRespondent(tally, respondentHash(deps.hashKey, pollId, m.userId)));
    await deps.notifier.nudge(poll, target, index, pending, left);
  }
}

/** Whether someone has answered an open poll (a nudge queued earlier is skipped if so). */
export async function hasAnswered(deps: PulsePollDeps, pollId: string, userId: string): Promise<boolean> {
  const poll = await deps.polls.get(pollId);
  if (!poll || poll.status !== 'open') return true;
  return hasRespondent(await tallyOf(deps, poll), respondentHash(deps.hashKey, pollId, userId));
}
