import { Mutate } from '../week-cycle/ports';
import { OpenAnswer, PollAnswer } from './answer';
import { Poll, PollTarget } from './poll';

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

/**
 * Answers and respondent markers. Answers and markers share nothing: no id, no time, no team on
 * the marker; so no query can join who answered to what they answered.
 */
export interface AnswerRepository {
  /** The gate against a second answer: true when the marker was created, false when it existed. */
  markRespondent(pollId: string, hash: string): Promise<boolean>;
  unmarkRespondent(pollId: string, hash: string): Promise<void>;
  hasResponded(pollId: string, hash: string): Promise<boolean>;
  /** The hashes of everyone who answered (to aim nudges). */
  respondentHashes(pollId: string): Promise<Set<string>>;
  addAnswer(answer: PollAnswer): Promise<void>;
  removeAnswer(pollId: string, answerId: string): Promise<void>;
  addOpenAnswer(answer: OpenAnswer): Promise<void>;
  answers(pollId: string): Promise<PollAnswer[]>;
  openAnswers(pollId: string): Promise<OpenAnswer[]>;
  /** Answers per team, without reading the scores. */
  countsByTarget(pollId: string): Promise<Record<string, number>>;
}

/** A team member as the chat platform lists them. */
export interface TeamMember {
  /** The platform's user id (for 1:1 chats and card refresh). */
  platformId: string;
  /** The stable person id (Entra object id). */
  userId: string;
}

/** Port: the chat platform's view of a team. */
export interface TeamRoster {
  members(team: Pick<Installation, 'teamId' | 'serviceUrl' | 'tenantId'>): Promise<TeamMember[]>;
  /** The team's channels; the General channel has no name. */
  channels(team: Pick<Installation, 'teamId' | 'serviceUrl' | 'tenantId'>): Promise<{ id: string; name?: string }[]>;
}

export interface ReminderFigures {
  respondents: number;
  memberCount?: number;
  daysLeft: number;
}

/** Port: the messages a poll sends. Every one goes through the outbox with an idempotency key. */
export interface PollNotifier {
  /** The poll card in the team's channel, answered on the card itself. */
  postPollCard(poll: Poll, target: PollTarget, refreshFor: string[]): Promise<void>;
  /** Private delivery: a note in the channel (its thread takes the reminders) ... */
  postAnnouncement(poll: Poll, target: PollTarget): Promise<void>;
  /** ... and the poll card in each member's 1:1 chat. */
  sendPrivatePollCards(poll: Poll, target: PollTarget, members: TeamMember[]): Promise<void>;
  postReminder(poll: Poll, target: PollTarget, index: number, figures: ReminderFigures): Promise<void>;
  /** A private nudge to members who had not answered; skipped at sending time if they have by then. */
  nudge(poll: Poll, target: PollTarget, index: number, members: TeamMember[], daysLeft: number): Promise<void>;
  /** After closing: the poll cards in channels say "closed", HR's channel gets the results card. */
  announceClosed(poll: Poll): Promise<void>;
}
