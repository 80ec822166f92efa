import { Mutate } from '../week-cycle/ports';
import { LegacyAnswers } from './legacy';
import { Poll, PollTarget } from './poll';
import { TeamResult } from './results';
import { PollTally } from './tally';

/** A team the app is installed in: where to reach it. */
export interface Installation {
  id: string;
  tenantId: string;
  teamId: string;
  name: string;
  aadGroupId?: string;
  /** The General channel (its id is the team's id). */
  generalChannelId: string;
  serviceUrl: string;
  botId?: string;
  installed: boolean;
}

export interface InstallationRepository {
  /** Creates or refreshes the record; writes only when something changed. */
  record(installation: Omit<Installation, 'id'>): Promise<Installation>;
  markRemoved(tenantId: string, teamId: string): Promise<void>;
  rename(tenantId: string, teamId: string, name: string): Promise<void>;
  get(tenantId: string, teamId: string): Promise<Installation | undefined>;
  /** The teams that still have the app. */
  listInstalled(tenantId: string): Promise<Installation[]>;
}

export interface PollRepository {
  get(pollId: string): Promise<Poll | undefined>;
  create(poll: Poll): Promise<{ poll: Poll; created: boolean }>;
  update(pollId: string, mutate: Mutate<Poll>): Promise<Poll>;
  /** The tenant's polls, newest first. */
  listForTenant(tenantId: string): Promise<Poll[]>;
}

/** For erasure only (across partitions): the private polls still taking answers. */
export interface OpenPrivatePolls {
  openPrivate(): Promise<Poll[]>;
}

/** Erasure: forgets a person's markers in the tallies of the private polls still open (forgetPollMarkers). */
export interface PollMarkersOfPerson {
  forget(person: { userId: string; platformIds: string[] }): Promise<number>;
}

/**
 * The answers of a poll, folded into one tally document (see `PollTally`). Every change is a
 * read-modify-write under the document's ETag, retried on a conflict, so concurrent answers
 * are all counted and none twice.
 */
export interface TallyRepository {
  get(pollId: string): Promise<PollTally | undefined>;
  /** Creates the tally, or returns the one that exists (idempotent). */
  create(tally: PollTally): Promise<PollTally>;
  /**
   * A write that failed on the way (a broken connection, a timeout) is not tried again and may
   * still have been stored: a caller that must know reads the tally back (an answer looks for its
   * marker). Only the refusals it raises itself (busy, not found) say that nothing was written.
   */
  update(pollId: string, mutate: Mutate<PollTally>): Promise<PollTally>;
}

/** Answers stored before tallies, one document each: read once to fold them in, then deleted. */
export interface LegacyAnswerRepository {
  read(pollId: string): Promise<LegacyAnswers>;
  remove(pollId: string, legacy: LegacyAnswers): Promise<void>;
  /** Polls that still have documents of the old shape. */
  pollsWithLegacy(): Promise<string[]>;
}

/**
 * At most one open poll per team, decided by one document per team that a poll claims under
 * its ETag: two polls of one team can never run at once, also when started at the same moment.
 */
export interface TeamPollLocks {
  /**
   * True when the team is now held by `pollId` (claimed at `at`); false when another poll holds
   * it (`holderHolds`, given when that one claimed it: absent on claims from before stop 34).
   */
  claim(tenantId: string, teamId: string, pollId: string, at: string, holderHolds: (holderPollId: string, claimedAt: string | undefined) => Promise<boolean>): Promise<boolean>;
  release(tenantId: string, teamId: string, pollId: string): Promise<void>;
  /** The poll that holds the team now (it may have closed since; a closed poll lets go), if any. */
  holderOf(tenantId: string, teamId: string): Promise<string | undefined>;
}

/**
 * One poll start at a time per tenant: a small document per tenant that a start takes under its
 * ETag before it reads the open polls, and lets go of once its poll is stored. Two starts at the
 * same moment of teams that share members (a department and its sub-team) are so checked one
 * after the other: the second sees the first's poll (see start-poll.ts). Only HR's starts take
 * it, never a member's turn. A start that stopped half-way holds it until `until` only.
 */
export interface PollStartLease {
  /** True when `holder` now holds the tenant's lease, until `until`; false while another holder's has not expired at `now`. */
  take(tenantId: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /**
   * Holds the lease on, until `until`, only if `holder` has held it all along (also past its
   * expiry, as long as no other start took it since): false when another start took it meanwhile.
   */
  renew(tenantId: string, holder: string, until: Date): Promise<boolean>;
  /** Lets go of the lease if `holder` still holds it. */
  release(tenantId: string, holder: string): Promise<void>;
}

/** A team member as the chat platform lists them. */
export interface TeamMember {
  /** The platform's user id (for 1:1 chats and card refresh). */
  platformId: string;
  /** The stable person id (Entra object id). */
  userId: string;
}

/**
 * The platform refused a team's roster for good (Teams answers 403 or 404 once the app is no
 * longer in the team): that team is passed over, the poll's other teams are not. The roster port
 * marks its error so (`teamOutOfReach`); the domain keeps one error class (DomainError).
 */
export function isTeamOutOfReach(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { teamOutOfReach?: unknown }).teamOutOfReach === true;
}

/** Port: the chat platform's view of a team. */
export interface TeamRoster {
  /** Throws an error marked `teamOutOfReach` (isTeamOutOfReach) when the platform refuses the team for good. */
  members(team: Pick<Installation, 'teamId' | 'serviceUrl' | 'tenantId'>): Promise<TeamMember[]>;
  /** The team's channels; the General channel has no name. */
  channels(team: Pick<Installation, 'teamId' | 'serviceUrl' | 'tenantId'>): Promise<{ id: string; name?: string }[]>;
}

export interface ReminderFigures {
  respondents: number;
  memberCount?: number;
  daysLeft: number;
}

/**
 * Port: the team's groups hear that its B3 mirror came back (DOMAIN.md: "to talk about in its
 * next session"). Told per team at the close, after its results card is queued; idempotent.
 */
export interface TeamMirrorNotice {
  mirrorBack(team: { teamId: string; channelId: string; teamName: string }, mirror: { pollId: string; closedAt: string }): Promise<void>;
}

/** Port: the messages a poll sends. Every one goes through the outbox with an idempotency key. */
export interface PollNotifier {
  /** The poll card in the team's channel, answered on the card itself; `refreshFor` refresh by themselves (the card lists them). */
  postPollCard(poll: Poll, target: PollTarget, refreshFor: TeamMember[]): Promise<void>;
  /** Private delivery: a note in the channel (its thread takes the reminders) ... */
  postAnnouncement(poll: Poll, target: PollTarget): Promise<void>;
  /**
   * ... and the poll card in each member's 1:1 chat. `invitedBefore`: the app ids of members a
   * delivery run before this one may have invited already (on the tally's lists): none gets a second card.
   */
  sendPrivatePollCards(poll: Poll, target: PollTarget, members: TeamMember[], invitedBefore?: readonly string[]): Promise<void>;
  postReminder(poll: Poll, target: PollTarget, index: number, figures: ReminderFigures): Promise<void>;
  /**
   * A private nudge, queued for every member given (those the poll was sent to, answered or not):
   * sent only to those without a respondent marker when it is due, skipped for the others, and
   * stored alike for both (nothing tells who answered).
   */
  nudge(poll: Poll, target: PollTarget, index: number, members: TeamMember[], daysLeft: number): Promise<void>;
  /**
   * HR, in the chat the poll was started from (in their language): a team did not get the poll, as
   * at its delivery it shared too many members with `openTeam`, a team of another open poll.
   */
  tellHrOverlapRefused(poll: Poll, target: PollTarget, openTeam: string): Promise<void>;
  /** After closing: the poll cards in channels say "closed", HR's channel gets the results card. */
  announceClosed(poll: Poll): Promise<void>;
  /** After closing: a team's own results in its channel, to talk about in its next session. */
  mirrorToTeam(poll: Poll, target: PollTarget, team: TeamResult, minRespondents: number): Promise<void>;
}
