import { respondentHash } from '../../domain/pulse-poll/answer';
import { daysLeft, isOpenAt, reminderMomentFrom } from '../../domain/pulse-poll/poll';
import { isTeamOutOfReach, TeamMember } from '../../domain/pulse-poll/ports';
import { countsOf, hasRespondent } from '../../domain/pulse-poll/tally';
import { PulsePollDeps } from './deps';
import { isInvitee } from './invitees';
import { tallyOf } from './tally';

/** What a reminder's run did: posted, dropped (nothing to remind of now), or to run again at a working-hours moment. */
export type ReminderRun = 'posted' | 'dropped' | { runAgainAt: Date };

/**
 * A reminder: in each team's poll thread, the response rate so far and the days left; and when HR
 * asked for it, a private nudge that reaches only the members it was sent to (the team's invitee
 * list) without a respondent marker. Someone who joined the team later cannot answer it: a nudge
 * would ask them for an answer the poll refuses.
 *
 * The nudges are queued for EVERY invitee of each team, answered or not: who gets one is decided
 * only when it is sent, by the outbox guard (`hasAnswered`, which reads the keyed marker). A queue
 * of the non-respondents alone would tell a database reader who has answered (the team minus
 * them) without the hash key, and with a small tally what they answered. The outbox stores
 * nothing of how a guarded message ended (see `leavesNoTrace` in src/outbox/outbox-job.ts).
 */
export async function sendReminder(deps: PulsePollDeps, pollId: string, index: number): Promise<ReminderRun> {
  const poll = await deps.polls.get(pollId);
  const now = deps.clock.now();
  // A reminder run late (the app was down, the scheduler lagged) may find the closing moment past
  // while the close job has not run yet: "0 days left" next to "closed" only confuses.
  if (!poll || !isOpenAt(poll, now)) return 'dropped';
  // Catching up on several overdue reminders, only the latest is worth posting: each of them
  // would repeat the same rate and days left in the same thread.
  if (isSuperseded(poll.reminders, index, now)) return 'dropped';
  // Run late outside working hours (in the night, at a weekend, on a holiday): it waits for the
  // next working-hours moment, as a planned one would; none left before the close, it is dropped.
  const workingMoment = reminderMomentFrom(now, deps.timeZone, deps.holidays);
  if (workingMoment > now) return isOpenAt(poll, workingMoment) ? { runAgainAt: workingMoment } : 'dropped';
  const tally = await tallyOf(deps, poll);
  const counts = countsOf(tally);
  const left = daysLeft(poll, now, deps.timeZone);
  // Only where the poll went: a team it could not reach (the app removed there) gets no reminder either.
  const reached = poll.targets.filter((t) => t.delivered);
  for (const target of reached) {
    await deps.notifier.postReminder(poll, target, index, { respondents: counts[target.id] ?? 0, memberCount: target.memberCount, daysLeft: left });
  }
  if (!poll.privateNudges || poll.nudgesQueued?.includes(index)) return 'posted';
  // Every roster first, then the nudges: a roster call that fails (the job is retried) has queued
  // none yet, so a retry does not nudge twice someone whose finished nudge left no record.
  // A team the app was removed from (its roster refused for good) gets no nudges; the others do.
  const rosters: [(typeof poll.targets)[number], TeamMember[]][] = [];
  for (const target of reached) {
    try {
      rosters.push([target, await deps.roster.members({ teamId: target.teamId, serviceUrl: target.serviceUrl, tenantId: poll.tenantId })]);
    } catch (err) {
      if (!isTeamOutOfReach(err)) throw err;
    }
  }
  for (const [target, members] of rosters) {
    await deps.notifier.nudge(poll, target, index, members.filter((m) => isInvitee(deps.hashKey, poll, tally, target, m.userId)), left);
  }
  // Only now may the round's nudges go out (see `nudgeDue`): a retry before this queues the same ones again.
  await deps.polls.update(poll.id, (p) => (p.nudgesQueued?.includes(index) ? p : { ...p, nudgesQueued: [...(p.nudgesQueued ?? []), index] }));
  return 'posted';
}

/**
 * Whether a queued nudge may go out now: 'later' while its round is still being queued (a round
 * tried again could otherwise queue anew one that was sent), else whether the poll was sent to them
 * (for any of its teams: one nudge per person and round) and they have not answered. Nudges queued
 * before rounds were marked name no round and go out as before.
 */
export async function nudgeDue(deps: PulsePollDeps, pollId: string, userId: string, round?: number): Promise<boolean | 'later'> {
  const poll = await deps.polls.get(pollId);
  if (!poll || poll.status !== 'open') return false;
  if (round !== undefined && !poll.nudgesQueued?.includes(round)) return 'later';
  const tally = await tallyOf(deps, poll);
  if (!poll.targets.some((t) => t.delivered && isInvitee(deps.hashKey, poll, tally, t, userId))) return false;
  return !hasRespondent(tally, respondentHash(deps.hashKey, pollId, userId));
}

/** Whether a later reminder of the poll is due by now too (it, not this one, is posted). */
function isSuperseded(reminders: readonly string[], index: number, now: Date): boolean {
  return reminders.slice(index + 1).some((at) => new Date(at) <= now);
}
