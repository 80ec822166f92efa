import { DomainError } from '../../domain/shared/errors';
import { closePoll, Poll } from '../../domain/pulse-poll/poll';
import { requireHr } from './access';
import { pollBatch, PULSE_JOBS, PulsePollDeps } from './deps';
import { closedResults } from './poll-results';
import { sealAnswers } from './tally';

/**
 * The closing messages, each through the outbox under its own key: the poll cards say closed,
 * HR's channel gets the results card, and every team gets its own results in its channel (the
 * B3 mirror), with figures only where the team reached the minimum; the groups in the team's
 * channels are told, so their next sessions point to it.
 */
async function announce(deps: PulsePollDeps, poll: Poll): Promise<void> {
  await deps.notifier.announceClosed(poll);
  const results = await closedResults(deps, poll);
  for (const team of results.teams) {
    const target = poll.targets.find((t) => t.id === team.targetId)!;
    await deps.notifier.mirrorToTeam(poll, target, team, results.minRespondents);
    // The team's groups point to it in their next sessions (only where it has figures: below the
    // minimum there is nothing to talk about); a failure here fails the close, which runs again.
    if (team.figures) await deps.teamGroups?.mirrorBack({ teamId: target.teamId, channelId: target.channelId, teamName: target.teamName }, { pollId: poll.id, closedAt: poll.closedAt ?? deps.clock.now().toISOString() });
  }
  await deps.polls.update(poll.id, (p) => (p.announcedAt ? p : { ...p, announcedAt: deps.clock.now().toISOString() }));
}

/**
 * Closes a poll (at its closing date, or earlier by HR). In this order, so that a run cut short
 * can simply run again: the answers are sealed first (from then on nothing changes the figures),
 * then the poll says closed, its teams are free for a next poll, and the closing messages go out
 * once (the outbox keys make a second run send nothing twice).
 */
export async function closePollNow(deps: PulsePollDeps, pollId: string, by?: { userId: string; command?: string }): Promise<{ poll: Poll; closedNow: boolean }> {
  if (by) await requireHr(deps, by.userId);
  const current = await deps.polls.get(pollId);
  if (!current) throw new DomainError('noPoll');
  const closing = closePoll(current, deps.clock.now(), deps.timeZone);
  await sealAnswers(deps, closing);
  let closedNow = false;
  const poll = await deps.polls.update(pollId, (p) => {
    const next = closePoll(p, deps.clock.now(), deps.timeZone);
    closedNow = next !== p;
    return closedNow && by?.command ? { ...next, closedByCommand: by.command } : next;
  });
  for (const t of poll.targets) await deps.locks.release(poll.tenantId, t.teamId, poll.id);
  // Cards and reminders still waiting for Teams ask for answers the poll no longer takes: they
  // were to be retried until the planned closing, which an early close brings forward. Before the
  // closing messages, which carry no such budget and must still go out.
  await deps.outbox.expireBudgets(pollBatch(poll.id));
  if (!poll.announcedAt) await announce(deps, poll);
  if (closedNow) {
    for (const index of poll.reminders.keys()) await deps.scheduler.cancel(`${PULSE_JOBS.reminder}:${poll.id}:${index}`);
    await deps.scheduler.cancel(`${PULSE_JOBS.close}:${poll.id}`);
  }
  return { poll, closedNow };
}
