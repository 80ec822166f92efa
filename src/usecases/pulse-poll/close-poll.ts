import { closePoll, Poll } from '../../domain/pulse-poll/poll';
import { requireHr } from './access';
import { PULSE_JOBS, PulsePollDeps } from './deps';

/**
 * Closes a poll (at its closing date, or earlier by HR): no more answers, the channel cards say
 * so, and HR's channel gets the results card. Closing twice does nothing the second time.
 */
export async function closePollNow(deps: PulsePollDeps, pollId: string, by?: { userId: string }): Promise<{ poll: Poll; closedNow: boolean }> {
  if (by) await requireHr(deps, by.userId);
  let closedNow = false;
  const poll = await deps.polls.update(pollId, (p) => {
    const next = closePoll(p, deps.clock.now());
    closedNow = next !== p;
    return next;
  });
  if (!closedNow) return { poll, closedNow };
  await deps.notifier.announceClosed(poll);
  for (const index of poll.reminders.keys()) await deps.scheduler.cancel(`${PULSE_JOBS.reminder}:${poll.id}:${index}`);
  await deps.scheduler.cancel(`${PULSE_JOBS.close}:${poll.id}`);
  return { poll, closedNow };
}
