import { DeliveryStatus } from '../../domain/outbox/outbox.port';
import { PollError } from '../../domain/pulse-poll/poll-error';
import { daysLeft, Poll } from '../../domain/pulse-poll/poll';
import { requireHr } from './access';
import { pollBatch, PulsePollDeps } from './deps';

export interface PollStatus {
  poll: Poll;
  daysLeft: number;
  teams: { teamName: string; respondents: number; memberCount?: number; delivered: boolean }[];
  respondents: number;
  /** The poll's messages in the outbox, by state (sent, pending, undeliverable, unconfirmed...). */
  messages: Partial<Record<DeliveryStatus, number>>;
}

/** For HR: how far a poll is, per team, and how its messages are doing. Counts only, no answers. */
export async function pollStatus(deps: PulsePollDeps, viewer: { userId: string }, pollId: string): Promise<PollStatus> {
  await requireHr(deps, viewer.userId);
  const poll = await deps.polls.get(pollId);
  if (!poll) throw new PollError('noPoll');
  const counts = await deps.answers.countsByTarget(poll.id);
  const teams = poll.targets.map((t) => ({ teamName: t.teamName, respondents: counts[t.id] ?? 0, memberCount: t.memberCount, delivered: t.delivered }));
  return {
    poll,
    daysLeft: poll.status === 'open' ? daysLeft(poll, deps.clock.now()) : 0,
    teams,
    respondents: teams.reduce((n, t) => n + t.respondents, 0),
    messages: await deps.outbox.countBatch(pollBatch(poll.id)),
  };
}
