import { DeliveryStatus } from '../../domain/outbox/outbox.port';
import { DomainError } from '../../domain/shared/errors';
import { daysLeft, isOpenAt, Poll } from '../../domain/pulse-poll/poll';
import { countsOf } from '../../domain/pulse-poll/tally';
import { requireHr } from './access';
import { pollBatch, PulsePollDeps } from './deps';
import { tallyOf } from './tally';

/** How far a poll is: response per team and days left. Counts only, never a score. */
export interface PollProgress {
  poll: Poll;
  open: boolean;
  daysLeft: number;
  teams: { teamName: string; respondents: number; memberCount?: number; delivered: boolean }[];
  respondents: number;
  /** Known when every team's size is. */
  memberCount?: number;
}

export interface PollStatus extends PollProgress {
  /** The poll's messages in the outbox, by state (sent, pending, undeliverable, unconfirmed...). */
  messages: Partial<Record<DeliveryStatus, number>>;
}

/** The response so far, for every team of the poll or only the one asked about. */
export async function pollProgress(deps: PulsePollDeps, poll: Poll, onlyTeamId?: string): Promise<PollProgress> {
  const counts = countsOf(await tallyOf(deps, poll));
  const targets = poll.targets.filter((t) => !onlyTeamId || t.teamId === onlyTeamId);
  const teams = targets.map((t) => ({ teamName: t.teamName, respondents: counts[t.id] ?? 0, memberCount: t.memberCount, delivered: t.delivered }));
  const open = isOpenAt(poll, deps.clock.now());
  return {
    poll,
    open,
    daysLeft: open ? daysLeft(poll, deps.clock.now(), deps.timeZone) : 0,
    teams,
    respondents: teams.reduce((n, t) => n + t.respondents, 0),
    ...(teams.every((t) => t.memberCount !== undefined) ? { memberCount: teams.reduce((n, t) => n + (t.memberCount ?? 0), 0) } : {}),
  };
}

/**
 * Who asks about a poll. `tenantId` is the organisation they ask from; one deployment serves
 * several, and HR is not tied to one, so a poll id from a card must be held to it.
 */
export interface PollViewer {
  userId: string;
  tenantId: string;
}

/**
 * The poll a viewer asks about by id. Another organisation's poll is "no poll", the same answer
 * as an id that does not exist, so a poll id says nothing about whether it is real.
 */
export async function pollSeenBy(deps: PulsePollDeps, viewer: PollViewer, pollId: string): Promise<Poll> {
  const poll = await deps.polls.get(pollId);
  if (!poll || poll.tenantId !== viewer.tenantId) throw new DomainError('noPoll');
  return poll;
}

/** For HR: how far a poll is, per team, and whether its messages arrived. Counts only, no answers. */
export async function pollStatus(deps: PulsePollDeps, viewer: PollViewer, pollId: string): Promise<PollStatus> {
  await requireHr(deps, viewer.userId);
  const poll = await pollSeenBy(deps, viewer, pollId);
  return { ...(await pollProgress(deps, poll)), messages: await deps.outbox.countBatch(pollBatch(poll.id)) };
}
