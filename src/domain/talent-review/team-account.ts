import { Language } from '../framework/framework';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { cutWhole, lengthForLimit, overLimit, trimText, unitCeiling, withoutControlCharacters } from '../shared/text';
import type { TeamAccountState } from './team-account-send';

/** The longest account a manager sends their team. */
export const MAX_TEAM_ACCOUNT_LENGTH = 2000;

/**
 * Accountability runs both ways (seed 002: "omgekeerd legt de leidinggevende verantwoording af aan
 * zijn teamleden"): a manager tells their team, in their own words, what they facilitated for the
 * team's learning (time, room, means), what did not work out, and what they do next. It names the
 * manager and carries only their words: nothing of any professional's record.
 */
export interface TeamAccount {
  managerId: string;
  /** How the team's cards name the manager (their Teams name); absent: "your manager". */
  managerName?: string;
  /** The manager's own words, shown to each team member as plain text. */
  text: string;
}

/** The account as it is sent: trimmed, without control characters; refused when empty or over the limit. */
export function teamAccountText(text: string | undefined): string {
  const words = trimText(withoutControlCharacters(text ?? ''));
  if (!words) throw new DomainError('invalidInput', { detail: 'team account empty', input: { field: 'text', rule: 'required' } });
  const over = overLimit(words, MAX_TEAM_ACCOUNT_LENGTH);
  if (over) {
    throw new DomainError('invalidInput', { detail: 'team account too long', input: { field: 'text', rule: 'tooLong', params: { max: MAX_TEAM_ACCOUNT_LENGTH, count: over } } });
  }
  return words;
}

/**
 * A press's words as an answer shows them back (its card echoes what the press carried, up to the
 * verb's 20,000 characters): without control characters, and at most the account's own limit as
 * `teamAccountText` counts it (`lengthForLimit`), cut between two characters. Words the send took
 * are shown whole; the cut only keeps a card from a press it refused within Teams' size (found in
 * review, stop 62: control characters up to the verb's limit made the card too big to show).
 */
export function teamAccountShown(text: string): string {
  const words = withoutControlCharacters(text);
  if (!overLimit(words, MAX_TEAM_ACCOUNT_LENGTH)) return words;
  // The longest start within the limit: a longer start never counts less, so halve the search.
  let fits = 0;
  let over = Math.min(words.length, unitCeiling(MAX_TEAM_ACCOUNT_LENGTH)) + 1;
  while (over - fits > 1) {
    const mid = Math.floor((fits + over) / 2);
    if (lengthForLimit(cutWhole(words, mid)) <= MAX_TEAM_ACCOUNT_LENGTH) fits = mid;
    else over = mid;
  }
  return cutWhole(words, fits);
}

/**
 * The key of one team member's card from one press (set when the form was rendered): Teams
 * delivering that press again sends nobody a second card, while a new form is a new account.
 */
export function teamAccountKey(managerId: string, pressKey: string, memberId: string): string {
  return `talentReview.teamAccount:${stableId('ta', managerId, pressKey, memberId)}`;
}

/**
 * Who gets an account: a member of the team, or the manager's own manager (the seed: "aan zijn
 * teamleden en zijn leidinggevende"), when the manager chooses to send it up as well.
 */
export type TeamAccountRecipient = { memberId: string; role: 'member' | 'ownManager' };

/**
 * Port: delivers the account to one person's own 1:1 chat with the bot, in their language; `key`
 * sends it once. Resolves `erasedKey` when the key is held by what an erasure (the recipient's or
 * the manager's) left of that card: nothing goes.
 */
export interface TeamAccountDelivery {
  /**
   * Queues the card under `key`: `erasedKey` when an erasure left the key behind (or a card that went
   * did), `held` when a job that ended without going holds it (skipped), nothing when queued now or
   * held by a card still waiting (another delivery of this press queued it).
   */
  deliver(account: TeamAccount, to: TeamAccountRecipient, key: string): Promise<'erasedKey' | 'held' | void>;
  /**
   * Takes back the card queued under `key` if it has not gone: true when it did not and cannot go
   * (never queued, or withdrawn before a sender claimed it), false when it went or may have.
   */
  withdraw(key: string): Promise<boolean>;
  /**
   * Whether the card queued under `key` went, or may have: sent, unconfirmed, or being sent, or a
   * blank holds its key (a card that went leaves one, and so does an erasure that took it out unsent:
   * the two look alike). False when it was never queued, still waits (for its first try or a retry),
   * or ended without going (skipped, undeliverable, given up).
   * Reads only; asked only when her erasure overtook a send, never on a send's common path.
   */
  mayHaveGone(key: string): Promise<boolean>;
  /**
   * Whether a blank holds the key: the card under it went, or an erasure took it out unsent (the two
   * look alike, by design). One point read, before a send stores its record (see keptAfterCards).
   */
  keyLeftBehind(key: string): Promise<boolean>;
}

/**
 * One account as the manager keeps it to look back on (the half-yearly rhythm: what did I write
 * last time?), in their own partition: their words, when, in which language, how many it went to,
 * and whether it went up to their own manager. Nothing of any member's record, and nobody named:
 * the members keep the card they got, and nothing is stored about them. The list shows a count,
 * never names, so a member who erases their data changes nothing the manager sees (comparing the
 * list before and after cannot tell who erased).
 */
export interface TeamAccountRecord {
  id: string;
  type: 'teamAccount';
  /** The manager (the partition). */
  userId: string;
  text: string;
  sentAt: string;
  /** The language the manager wrote and sent it in (their form's). */
  language: Language;
  /** How many team members it went to (the form's list then). Records from before it have `recipients` instead. */
  recipientCount?: number;
  /**
   * Only in records kept before the count (stop 47): whom it went to, as the form named them. Read
   * as a count (see recipientCount); one who erased their data since leaves it (see withoutRecipient).
   */
  recipients?: { id: string; name: string }[];
  /** Only in such older records: how many it went to who have since erased their data. Absent: none. */
  erasedRecipients?: number;
  /** Also sent to the manager's own manager, as they chose. */
  toOwnManager: boolean;
  /** The record's state `confirmed` (see TeamAccountState, teamAccountState): never taken back. */
  confirmed?: true;
  /** The record's state `afterItsCards` (see TeamAccountState): stored while its first card's key was held. */
  keptAfterCards?: true;
}

/**
 * What an account the manager deleted from her list leaves for a week, under the record's own id
 * (as a withdrawn request does, WithdrawnReviewRequest): that it was deleted, and nothing it said,
 * nor to whom or to how many. "Verstuurd" means sent: deleting takes it out of her list and her
 * data, never back from the team. So a card of it still waiting in the outbox (its first try not
 * yet made: the outbox is paced, and another instance may send it) still goes (teamCardMayGo finds
 * this), and Teams delivering the send press again finds this where the record was: nothing is
 * kept or queued again, and the answer says it went. Never listed nor shown; her erasure deletes
 * it with the rest of her partition, so a card queued after that still drops. Expires by itself (`ttl`).
 */
export interface DeletedTeamAccount {
  id: string;
  type: 'teamAccountDeleted';
  /** The manager (the partition). */
  userId: string;
  deletedAt: string;
  /** Seconds after the delete until the store removes it. */
  ttl: number;
}

/**
 * How long a deleted account's id stays taken: a week. Longer than any wait of its cards: the
 * outbox retries a card for 24 hours from when it was queued (before the delete), and keeps a
 * card's key a week after it ended (a press again within that week queues nothing anyway); Teams
 * delivers a press again within minutes.
 */
export const DELETED_TEAM_ACCOUNT_TTL_SECONDS = 7 * 24 * 3600;

/** The record deleted from her list: its id kept for a week, without its words or whom it went to. */
export function deletedTeamAccount(record: Pick<TeamAccountRecord, 'id' | 'userId'>, now: Date): DeletedTeamAccount {
  return { id: record.id, type: 'teamAccountDeleted', userId: record.userId, deletedAt: now.toISOString(), ttl: DELETED_TEAM_ACCOUNT_TTL_SECONDS };
}

/** The record's id: one per manager and press of the form's send button (Teams delivering it again finds it). */
export function teamAccountRecordId(managerId: string, pressKey: string): string {
  return stableId('tar', managerId, pressKey);
}

/** How many an account went to: its count, or in an older record those still named and those who erased their data since. */
export function recipientCount(record: Pick<TeamAccountRecord, 'recipientCount' | 'recipients' | 'erasedRecipients'>): number {
  return record.recipientCount ?? (record.recipients?.length ?? 0) + (record.erasedRecipients ?? 0);
}

/**
 * An older record (one that names its recipients) once this person has erased their data: their
 * id and name leave it, and only the count of erased recipients says it went to one more. The same
 * record when it does not name them (a record kept with a count only, or an erasure run again).
 */
export function withoutRecipient(record: TeamAccountRecord, userId: string): TeamAccountRecord {
  if (!record.recipients) return record;
  const recipients = record.recipients.filter((m) => m.id !== userId);
  if (recipients.length === record.recipients.length) return record;
  return { ...record, recipients, erasedRecipients: (record.erasedRecipients ?? 0) + (record.recipients.length - recipients.length) };
}

/** The manager's accounts, newest first (ties: by id, so two renders list them alike). */
export function newestFirst(records: readonly TeamAccountRecord[]): TeamAccountRecord[] {
  return [...records].sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id));
}

/** Port: the manager's kept accounts, each in the manager's own partition. */
export interface TeamAccountRepository {
  /**
   * Idempotent: the stored record when the id is taken (a press delivered again); `deleted` when
   * the id holds what her delete left (DeletedTeamAccount): nothing is kept then.
   */
  create(record: TeamAccountRecord): Promise<{ record: TeamAccountRecord; created: boolean } | { deleted: true }>;
  /** Every account of this manager: one query in their own partition, never across partitions. */
  list(managerId: string): Promise<TeamAccountRecord[]>;
  /** A point read in the manager's own partition; another manager's id finds nothing (nor does a deleted one). */
  get(managerId: string, id: string): Promise<TeamAccountRecord | undefined>;
  /** As `get`, and `deleted` when the id holds what her delete left (DeletedTeamAccount). */
  find(managerId: string, id: string): Promise<TeamAccountRecord | 'deleted' | undefined>;
  /**
   * Deletes the manager's own record from her list under its ETag: replaced by what keeps its id
   * taken for a week (deletedTeamAccount, `now`); false when there was none (deleted already, or not theirs).
   */
  delete(managerId: string, id: string, now: Date): Promise<boolean>;
  /**
   * Marks the record `confirmed` under its ETag (nothing written when it is already), before a
   * delivery that did not create it answers "sent". Throws (a store error) when it is gone: the
   * delivery that created it took it back, and this one must not say it was kept. Deleted from her
   * list meanwhile (DeletedTeamAccount): nothing to mark, it went (she saw it in her list).
   */
  confirm(managerId: string, id: string): Promise<void>;
  /**
   * A send's take-back: deletes the record under its ETag when its state allows (mayTakeBack: a
   * confirm that lands meanwhile is seen, never deleted unseen). Resolves the state it found:
   * `kept` or `afterItsCards` when it deleted it; `confirmed` or `deletedFromList` (her mark: she saw
   * it listed as sent) when it stays; `absent` when it was gone already (her erasure took it).
   */
  takeBack(managerId: string, id: string): Promise<TeamAccountState>;
}

/**
 * Port: a member's erasure takes them out of their managers' older kept accounts (those kept
 * before the count, which name their recipients; newer ones name nobody). A query across
 * partitions (the records are in each manager's own), asked only by the erasure: a rare request
 * of the person themselves, never a chat turn or a card action.
 */
export interface TeamAccountsErasure {
  /** Every older kept account naming this person loses their id and name (ETag-guarded); returns how many changed. */
  forgetRecipient(userId: string): Promise<number>;
}
