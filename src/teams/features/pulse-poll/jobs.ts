import { z } from 'zod';
import { isDomainError } from '../../../domain/shared/errors';
import { CosmosJobScheduler } from '../../../scheduling/cosmos-job-scheduler';
import { readPayload } from '../../../scheduling/unreadable-payload';
import { RunAgainLater } from '../../../scheduling/run-again-later';
import { Outbox } from '../../../outbox/outbox';
import { closePollNow } from '../../../usecases/pulse-poll/close-poll';
import { deliverPoll } from '../../../usecases/pulse-poll/deliver-poll';
import { PULSE_JOBS } from '../../../usecases/pulse-poll/deps';
import { isOpenAt } from '../../../domain/pulse-poll/poll';
import { nudgeDue, sendReminder } from '../../../usecases/pulse-poll/remind';
import { PulseTeamsDeps } from './pulse-deps';
import { POLL_HOOKS } from './teams-poll-notifier';

const pollPayload = z.object({ pollId: z.string() });
/** Runs of a delivery job that wait for their poll to be stored (see the deliver handler). */
const POLL_STORED_WAIT_RUNS = 3;
const reminderPayload = z.object({ pollId: z.string(), index: z.number().int().min(0) });

/** Delivery, reminders and closing on the durable scheduler; the outbox hooks the poll uses. */
export function registerPollJobs(scheduler: CosmosJobScheduler, outbox: Outbox, deps: PulseTeamsDeps): void {
  const { pulse } = deps;
  scheduler.on(PULSE_JOBS.deliver, async (payload, job) => {
    const { pollId } = readPayload(pollPayload, payload);
    const { tooMany, outOfReach, overlapsOpen, missing } = await deliverPoll(pulse, pollId);
    // startPoll stores the poll after its jobs: a delivery due at once can run in between, and then
    // waits for it (its first runs fail, 10, 20 and 40 s apart). A poll that never came (a start that
    // failed) is delivered to nobody.
    if (missing && job.attempts <= POLL_STORED_WAIT_RUNS) throw new Error('poll not stored yet');
    if (outOfReach.length) deps.logger.warn({ pollId, targetIds: outOfReach }, 'poll teams not delivered: Teams refused their roster (the app is no longer in the team)');
    // HR's status card names these teams as not delivered, and why (PollTarget.notDelivered).
    if (tooMany.length) deps.logger.warn({ pollId, targetIds: tooMany }, 'poll teams not delivered: more members than the tally can list');
    if (overlapsOpen.length) deps.logger.warn({ pollId, targetIds: overlapsOpen }, 'poll teams not delivered: they share too many members with a team of another open poll');
  });
  scheduler.on(PULSE_JOBS.reminder, async (payload) => {
    const { pollId, index } = readPayload(reminderPayload, payload);
    const run = await sendReminder(pulse, pollId, index);
    if (typeof run === 'object') throw new RunAgainLater(run.runAgainAt, 'a reminder run late waits for working hours');
  });
  scheduler.on(PULSE_JOBS.close, async (payload) => {
    const { pollId } = readPayload(pollPayload, payload);
    try {
      await closePollNow(pulse, pollId);
    } catch (err) {
      // A start that failed before it stored its poll leaves its jobs behind (see startPoll): the
      // delivery and reminders find no poll and do nothing, and neither does this.
      if (!isDomainError(err) || err.code !== 'noPoll') throw err;
    }
  });

  outbox.onSent(POLL_HOOKS.cardPosted, async ({ pollId, targetId }, { activityId }) => {
    if (!pollId || !targetId || !activityId) return;
    await pulse.polls.update(pollId, (p) =>
      p.targets.some((t) => t.id === targetId && !t.cardActivityId)
        ? { ...p, targets: p.targets.map((t) => (t.id === targetId && !t.cardActivityId ? { ...t, cardActivityId: activityId } : t)) }
        : p,
    );
  });
  outbox.onGuard(POLL_HOOKS.stillOpen, async ({ pollId }) => {
    const poll = pollId ? await pulse.polls.get(pollId) : undefined;
    return !!poll && isOpenAt(poll, pulse.clock.now());
  });
  outbox.onGuard(POLL_HOOKS.notAnswered, async ({ pollId, userId, round }) => {
    if (!pollId || !userId) return false;
    return nudgeDue(pulse, pollId, userId, round === undefined ? undefined : Number(round));
  });
}
