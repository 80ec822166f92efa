import { DeliveryStatus } from '../../domain/outbox/outbox.port';
import { DomainError } from '../../domain/shared/errors';
import { daysLeft, isOpenAt, NotDeliveredReason, peopleReached, Poll } from '../../domain/pulse-poll/poll';
import { countsOf } from '../../domain/pulse-poll/tally';
import { requireHr } from './access';
import { pollBatch, PulsePollDeps } from './deps';
import { tallyOf } from './tally';

/** How far a poll is: response per team and days left. Counts only, never a score. */
export interface PollProgress {
  poll: Poll;
  open: boolean;
  daysLeft: number;
  /** `notDelivered`: why a team was not delivered, where that is for good (see PollTarget). */
  teams: { teamName: string; respondents: number; memberCount?: number; delivered: boolean; notDelivered?: NotDeliveredReason }[];
  respondents: number;
  /** Known when every team's size is. */
  memberCount?: number;
  /**
   * HR's view posted in a team's channel, of a poll with more teams: only one team is shown, since
   * every member there reads the card; the other teams' response is in HR's personal chat.
   */
  otherTeamsLeftOut?: true;
}

export interface PollStatus extends PollProgress {
  /**
   * The poll's messages in the outbox, by state (sent, pending, undeliverable, unconfirmed...).
   * Counted per poll, not per team: left out where the view shows one team of several.
   */
  messages?: Partial<Record<DeliveryStatus, number>>;
}

/**
 * Where HR's view of a poll is posted. `onlyTeamId`: a team's channel, read by all its members,
 * so only that team's figures (the channel's team, or the one HR named) go on the card.
 */
export interface SharedPlace {
  onlyTeamId?: string;
}

/** Whether a view limited to one team leaves other teams of the poll out. */
export function leavesTeamsOut(poll: Poll, place: SharedPlace): boolean {
  return place.onlyTeamId !== undefined && poll.targets.some((t) => t.teamId !== place.onlyTeamId);
}

/** The response so far, for every team of the poll or only the one asked about. */
export async function pollProgress(deps: PulsePollDeps, poll: Poll, onlyTeamId?: string): Promise<PollProgress> {
  const counts = countsOf(await tallyOf(deps, poll));
  const targets = poll.targets.filter((t) => !onlyTeamId || t.teamId === onlyTeamId);
  const teams = targets.map((t) => ({ teamName: t.teamName, respondents: counts[t.id] ?? 0, memberCount: t.memberCount, delivered: t.delivered, ...(!t.delivered && t.notDelivered ? { notDelivered: t.notDelivered } : {}) }));
  const open = isOpenAt(poll, deps.clock.now());
  // All the poll's teams: the people reached, each once; one team of several: that team's size.
  const members = targets.length === poll.targets.length ? peopleReached(targets) : teams.every((t) => t.memberCount !== undefined) ? teams.reduce((n, t) => n + (t.memberCount ?? 0), 0) : undefined;
  return {
    poll,
    open,
    daysLeft: open ? daysLeft(poll, deps.clock.now(), deps.timeZone) : 0,
    teams,
    respondents: teams.reduce((n, t) => n + t.respondents, 0),
    ...(members !== undefined ? { memberCount: members } : {}),
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

/**
 * For HR: how far a poll is, per team, and whether its messages arrived. Counts only, no answers.
 * In a team's channel (`place.onlyTeamId`) one team only; the delivery counts, which are the whole
 * poll's, only when that team is all the poll has.
 */
export async function pollStatus(deps: PulsePollDeps, viewer: PollViewer, pollId: string, place: SharedPlace = {}): Promise<PollStatus> {
  await requireHr(deps, viewer.userId);
  const poll = await pollSeenBy(deps, viewer, pollId);
  const progress = await pollProgress(deps, poll, place.onlyTeamId);
  if (leavesTeamsOut(poll, place)) return { ...progress, otherTeamsLeftOut: true };
  return { ...progress, messages: await deps.outbox.countBatch(pollBatch(poll.id)) };
}
