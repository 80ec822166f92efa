import { Poll } from '../pulse-poll/poll';
import { Mutate } from '../week-cycle/ports';
import { ReviewManagersIndex } from '../talent-review/ports';
import { OutboxPurge } from '../outbox/outbox.port';
import { PrepDaysOff, TalentReview } from '../talent-review/review';
import { ProposalsToManagerErasure } from '../talent-review/proposal-to-manager';
import { PollMarkersOfPerson } from '../pulse-poll/ports';
import { TeamAccountsErasure } from '../talent-review/team-account';
import { ReviewRequestsErasure } from '../talent-review/review-request';

/**
 * Port: the planned talentontwikkelgesprekken a person took part in, as the manager who planned
 * them or as the report they were about, for that person's export and erasure only.
 */
export interface ReviewsOfPerson {
  /** The manager's own partition: one single-partition query. */
  asManager(userId: string): Promise<TalentReview[]>;
  /**
   * Reviews about this person, in their managers' partitions: a query across partitions. Only
   * export and erasure ask it (a rare request of the person themselves, never a chat turn or a
   * card action), so no index in the report's own partition is kept for it.
   */
  asReport(userId: string): Promise<TalentReview[]>;
  /** Stores `next` (idempotent: a deterministic id) and then removes `previous`. */
  replace(previous: TalentReview, next: TalentReview): Promise<void>;
  remove(review: TalentReview): Promise<void>;
}

/** Port: removes a scheduled job with everything in it (its payload may name a person). */
export interface ScheduledJobPurge {
  forget(jobId: string): Promise<void>;
  /** Every job of `kind` whose payload holds these values, whatever its id (an erasure's sweep). */
  forgetWithPayload(kind: string, payload: Record<string, string>): Promise<number>;
}

/**
 * Port: the B3-spiegel polls a person started. A poll keeps its starter's ids (the results card
 * refreshes for them) and where it was started (their 1:1 chat, perhaps) until its retention ends.
 */
export interface PollsStartedBy {
  /** Polls whose starter has this app id, or one of these Teams ids (polls from before the app id was kept). */
  startedBy(userId: string, platformIds: string[]): Promise<Poll[]>;
  update(pollId: string, mutate: Mutate<Poll>): Promise<Poll>;
}

/** What "mijn gegevens" needs beyond the person's own partition and their groups. */
export interface DataRightsDeps {
  reviews: ReviewsOfPerson;
  /** Erasing a manager takes them out of their reports' index of managers too. */
  reviewManagers: Pick<ReviewManagersIndex, 'forgetManager'>;
  outbox: OutboxPurge;
  jobs: ScheduledJobPurge;
  /** The days off that moved a prep card (its job's id names the moment it was planned for). */
  holidays: PrepDaysOff;
  /** Absent: no B3-spiegel polls in this deployment (nothing to forget there). */
  polls?: PollsStartedBy;
  /** Erasing a manager takes their name off the proposals members put before them (the answer's words stay). */
  proposalsToManager?: ProposalsToManagerErasure;
  /** The open private B3 polls forget that the person was asked and answered (their scores stay, nobody's). */
  pollMarkers?: PollMarkersOfPerson;
  /** Erasing a member takes their id and name off the accounts their manager sent the team and keeps (the count stays). */
  teamAccounts?: TeamAccountsErasure;
  /** Erasing a manager takes their id off the requests professionals keep of asking them (the records stay theirs). */
  reviewRequests?: ReviewRequestsErasure;
}
