import type { Language } from '../framework/framework';
import { Mutate } from '../week-cycle/ports';
import { PrepCardMessage, TalentReview } from './review';

export interface TalentReviewRepository {
  get(managerId: string, reviewId: string): Promise<TalentReview | undefined>;
  create(review: TalentReview): Promise<{ review: TalentReview; created: boolean }>;
  update(managerId: string, reviewId: string, mutate: Mutate<TalentReview>): Promise<TalentReview>;
  /** Removes a conversation (moved or cancelled by its manager); nothing when it is gone already. */
  delete(managerId: string, reviewId: string): Promise<void>;
  /** A conversation with its version (ETag), for a move or cancellation of exactly what was read. */
  getVersioned(managerId: string, reviewId: string): Promise<VersionedReview | undefined>;
  /**
   * A move as one transaction (one request, in the manager's partition): `from` is deleted if it
   * is still the version read, and `to` created, both or neither (`to` undefined: it is stored
   * already, only `from` goes). `changed`: `from` changed since it was read; `gone`: it is no
   * longer there (moved or cancelled by another press); `taken`: `to`'s id is taken.
   */
  move(from: VersionedReview, to: TalentReview | undefined): Promise<'moved' | 'changed' | 'gone' | 'taken'>;
  /** Deletes a conversation if it is still the version read (one request): `changed` or `gone` when not. */
  deleteIfUnchanged(read: VersionedReview): Promise<'deleted' | 'changed' | 'gone'>;
  /** Remembers that the presses with these card keys belong to a cancelled conversation (cancelled-press.ts); idempotent. */
  rememberCancelledPresses(keys: readonly string[]): Promise<void>;
  /** Whether the press with this card key belongs to a conversation cancelled since: one point read. */
  pressCancelled(key: string): Promise<boolean>;
  listByManager(managerId: string): Promise<TalentReview[]>;
  /** One manager's conversations about one report, inside the manager's partition. */
  listAbout(managerId: string, reportId: string): Promise<TalentReview[]>;
  /**
   * Every conversation that remembers a message showing its prep card (not an erased report's):
   * a search across managers' partitions, for the daily manager check only, never a user's turn.
   */
  withPrepCards(): Promise<Pick<TalentReview, 'id' | 'managerId' | 'reportId'>[]>;
  /** Conversations on or after `fromDate` whose prep card has not gone out: across managers' partitions, at start-up only. */
  prepsToSend(fromDate: string): Promise<TalentReview[]>;
}

/** A conversation as read, with its version (ETag). */
export interface VersionedReview {
  review: TalentReview;
  version: string;
}

/** What happened to a conversation that its professional is told about. */
export type ReviewChange = { kind: 'planned' } | { kind: 'moved'; fromDate: string } | { kind: 'cancelled' };

/**
 * Port: tells the professional, in their own 1:1 chat, that their manager planned, moved or
 * cancelled a conversation about them, so they can prepare what the manager sees (it is theirs to
 * share). Queued once per change of one plan; a notice that cannot be queued is logged, never an
 * error for the manager, whose change is stored.
 */
export interface ReviewNotices {
  tell(review: TalentReview, change: ReviewChange, managerName: string | undefined): Promise<void>;
}

/**
 * Why a prep card is withdrawn: `gone` says only that it is no longer available; `notManager`
 * tells the reader it is no longer theirs to see, as the directory no longer makes them the
 * report's manager (without naming who is now).
 */
export type PrepWithdrawal = 'gone' | 'notManager';

/**
 * What became of the scheduled prep card: it reached the manager's chat (`delivered`), is still
 * being tried (`pending`: Teams failed transiently, the outbox tries again), or never will
 * (`notDelivered`: refused for good, 413 or 403, or not sent at all).
 */
export type PrepDelivery = 'delivered' | 'pending' | 'notDelivered';

/**
 * Port: the prep card's messages in the manager's chat. Each is queued now and rendered when it
 * is sent, from what the report shares at that moment, so a queued message never holds it.
 */
export interface PrepCards {
  /**
   * Sends (or, while the chat platform is unreachable, queues) the scheduled prep card of a review,
   * once per delivery attempt (prepDeliveryAttempt): the review's id and the attempt are its key.
   * Says what became of it, so the card counts as received only when it arrived.
   */
  post(review: TalentReview): Promise<PrepDelivery>;
  /** Queues a rebuild, in place, of a message that shows the review's prep card; `key` queues it once. */
  refresh(review: TalentReview, card: PrepCardMessage, key: string): Promise<void>;
  /**
   * Queues a message that showed the review's prep card to show "no longer available" instead,
   * whatever the review says when it is sent; `key` queues it once. The queued job names neither
   * the report nor the review, so it outlives the report's erasure. `reason` picks its words
   * (`gone` unless said).
   */
  withdraw(review: TalentReview, card: PrepCardMessage, key: string, reason?: PrepWithdrawal): Promise<void>;
}

/** Port: the managers who planned a conversation about a person, kept in that person's partition. */
export interface ReviewManagersIndex {
  managersOf(reportId: string): Promise<string[]>;
  record(reportId: string, managerId: string): Promise<void>;
  /**
   * A manager erased their data: they leave every index that names them, also where their
   * conversations already expired (a search across partitions: erasure only, never a user turn).
   */
  forgetManager(managerId: string): Promise<void>;
}

/**
 * Port: the conversations planned about one professional by every manager who planned one (and
 * the directory's current manager). Read for that professional's own verantwoording: the manager's phase proposal, and after
 * the conversation what the manager facilitated.
 */
export interface ReviewsOfProfessional {
  listByReport(reportId: string): Promise<TalentReview[]>;
}

/** A Teams team a person belongs to, where the app is installed. */
export interface TeamOfPerson {
  teamId: string;
  name?: string;
  /** The same roster lists the other person asked about too (teamsOf's `alsoOf`): the team they share. */
  withOther?: true;
}

/**
 * Port: the teams (with the app installed) whose roster lists this person. `alsoOf`: another
 * person (by the same id kind, the Entra object id) whose presence in each roster read is marked.
 */
export interface TeamsOfPerson {
  teamsOf(tenantId: string, userId: string, alsoOf?: string): Promise<TeamOfPerson[]>;
}

/** The B3-spiegel aggregate of one team, already under the anonymity rule. */
export type TeamPulse =
  | { status: 'none' }
  | { status: 'tooFew'; closedOn: string }
  | { status: 'ok'; closedOn: string; respondents: number; scores: { boeien: number; binden: number; behouden: number } };

/** Port: the latest closed B3-spiegel result of a team, for the prep card. */
export interface TeamPulseSource {
  latest(tenantId: string, teamId: string): Promise<TeamPulse>;
}

/** Port: an optional AI summary of what a report shared; undefined when AI is off or fails. */
export interface PrepSummarizer {
  readonly enabled: boolean;
  summarize(input: { language: 'nl' | 'en'; items: string[] }): Promise<string | undefined>;
}

/** A professional's stored prep summary as read: what it summarises, its text, and the version read (for a guarded write). */
export interface StoredPrepSummary {
  inputHash: string;
  /** The language it is written in (see summarisesInput). */
  language?: Language;
  text: string;
  version: string;
}

/** A write of the stored summary: done, or refused because another render changed it first (`current`: what is stored now, if anything). */
export type PrepSummaryWrite = { written: StoredPrepSummary } | { conflict: StoredPrepSummary | undefined };

/**
 * Port: the one stored AI summary of a professional's shared items, in their own partition. Every
 * write is guarded: a create when none was read, else a replace or removal of the version read.
 */
export interface PrepSummaryStore {
  get(userId: string): Promise<StoredPrepSummary | undefined>;
  /** Stores the summary of `inputHash`: created when `replaces` is undefined, else replacing that version. */
  put(userId: string, summary: { inputHash: string; language: 'nl' | 'en'; text: string }, replaces?: string): Promise<PrepSummaryWrite>;
  /** Removes the stored summary if it is still the version read; false when it changed or is gone. */
  remove(userId: string, version: string): Promise<boolean>;
}
