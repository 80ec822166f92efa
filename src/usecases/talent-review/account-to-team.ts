import { directReportsOf } from '../../domain/directory/manager-directory';
import { Language } from '../../domain/framework/framework';
import { DomainError } from '../../domain/shared/errors';
import { emptyIfNothingShows } from '../../domain/shared/text';
import { newestFirst, TeamAccount, TeamAccountDelivery, teamAccountKey, TeamAccountRecipient, TeamAccountRecord, teamAccountRecordId, teamAccountText } from '../../domain/talent-review/team-account';
import { afterFailedQueue, afterHeldCardsTakenBack, earlierTry, mayKeepAgain, onceQueued, SendAttempt, stateToStore, TakeBackResult, takeBackStopsAt, teamAccountState, withState } from '../../domain/talent-review/team-account-send';
import { erasureUnfinished } from '../verantwoording/erasure-ticket';
import { openSaveWindow, sameAsWritten } from '../verantwoording/save-window';
import { TalentReviewDeps } from './deps';

export type TeamAccountDeps = Pick<TalentReviewDeps, 'directory' | 'clock' | 'teamAccounts' | 'verantwoording'>;

/**
 * Who the account went to (their names as the directory has them, never read from storage) and its
 * words as sent, or why it went to nobody: `noTeam`, the directory lists no direct report of theirs;
 * `teamChanged`, it lists a team now, but nobody of it was named on the form (they all moved on while
 * the manager typed): nothing stored or queued, and `team` is whom a new form would name. Neither
 * when an earlier try of this press had kept the account: that went (`sent`, naming nobody in
 * `recipients`: they are not in the team now).
 * `earlierTry` on `sent`: an earlier try of this press (its answer lost) had kept and sent the
 * account already, with other words than this one's: `text` is what went, this try's words did not.
 */
export type TeamAccountOutcome =
  | { status: 'noTeam' }
  | { status: 'teamChanged'; team: { id: string; name: string }[] }
  | { status: 'sent'; recipients: string[]; text: string; toOwnManager: boolean; earlierTry?: true };

/**
 * What a send answers: its outcome, or one of two answers about an account she deleted from her
 * list, whose mark (DeletedTeamAccount) keeps no words. Neither says which words went.
 * `deletedSince`: this press again found the mark: she deleted it from her list; nothing is kept or
 * queued now, and nothing is said to have gone: the mark cannot tell which words went (the form may
 * have changed after a try whose answer was lost), nor whether the delivery that kept it finished
 * queueing (found in review, stop 61).
 * `notFullySent`: she deleted it while this delivery was still queueing its cards, and a card could
 * not be queued, even once more: her team may not all get it, and a press again cannot finish it
 * (it finds the mark).
 * `erasedMidSend`: her erasure overtook this send while it queued its cards, and a card of it went,
 * or may have (found in review, stop 62: "not sent" was said, and Anna had it): some of her team
 * may have it, the rest was not sent, and her data, this account with it, is being erased.
 * `goneSince`: a press delivered again found its record gone without a mark (her erasure took it,
 * or a delete that left no mark), and every card's key held: this press sent and kept nothing, and
 * whatever went before stays in their chats (found in review, stop 62: "sent" was said, and the
 * cards her erasure had taken never went).
 */
export type TeamAccountAnswer = TeamAccountOutcome | { status: 'deletedSince' } | { status: 'notFullySent' } | { status: 'erasedMidSend' } | { status: 'goneSince' };

export interface TeamAccountInput {
  managerId: string;
  /** How the team's cards name the manager (their Teams name). */
  managerName?: string;
  text?: string;
  /** The key of the press, set when the form was rendered: the same press delivered again sends nothing twice. */
  pressKey: string;
  /** Also to the manager's own manager in the directory, where there is one. */
  alsoOwnManager?: boolean;
  /** The ids the form said it goes to: nobody else gets it (a report added since did not read as meant for them). */
  listed?: string[];
  /** The language the manager's form was in: kept with the account. */
  language: Language;
}

/** The manager's team as the directory has it now: their direct reports (never themselves). */
export async function teamOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<{ id: string; name: string }[]> {
  const reports = await directReportsOf(deps.directory, managerId);
  return reports.map((p) => ({ id: p.id, name: p.name }));
}

/** The manager's own manager in the directory, if any (never themselves). */
export async function ownManagerOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<string | undefined> {
  const above = await deps.directory.managerOf(managerId);
  return above && above !== managerId ? above : undefined;
}

/**
 * The manager accounts to their team: each direct report the form named, still in the team, gets
 * her words in their own 1:1 chat (and her own manager too, when she chooses so). The record is kept
 * first, in her own partition under an id from the press, then one card each is queued under a key
 * from the press: Teams delivering the press again finds the record and queues nothing twice.
 *
 * Refused before anything is stored or queued: words that are none or too many; a directory that
 * does not answer; her erasure unfinished (checked just before the record), or the record's create
 * answered later than the save window (save-window.ts) allows.
 *
 * Every later decision reads the record's state (TeamAccountState, team-account-send.ts) and is
 * made there; this function only reads, asks the domain, and writes (ETag-guarded):
 * - a card that cannot be queued makes the delivery that created the record take the send back
 *   (takeBack; afterFailedQueue says what follows), so the error card means nothing kept or sent;
 *   a delivery that found the record kept never takes it back (the error card asks to press again);
 * - every key held already means this press queued nothing: onceQueued says whether the record
 *   goes again (`goneSince`: a held key cannot tell a card that went from one her erasure took) or
 *   is confirmed before "verstuurd" (so the creating delivery no longer takes it back);
 * - her erasure begun or ended while the cards were queued past the save window: never
 *   "verstuurd" (see erasedWhileQueueing, answerErasedMidSend);
 * - her delete's mark under the id (`deletedFromList`): "verstuurd" meant sent, so its cards still
 *   go, nothing is kept again, and the answer (`deletedSince`) says nothing about which words went.
 */
export async function accountToTeam(deps: TeamAccountDeps, delivery: TeamAccountDelivery, input: TeamAccountInput): Promise<TeamAccountAnswer> {
  return sendAccount(deps, delivery, input, 'first');
}

type Card = { to: TeamAccountRecipient; key: string };

async function sendAccount(deps: TeamAccountDeps, delivery: TeamAccountDelivery, input: TeamAccountInput, attempt: SendAttempt): Promise<TeamAccountAnswer> {
  // The words first: refused ones come back to the form before anything is looked up.
  const text = teamAccountText(emptyIfNothingShows(input.text));
  const { now, team } = await listedTeam(deps, input);
  // Nobody the form named is in the team any more: unless an earlier try of this press sent it, nothing went.
  if (!team.length) return (await sentByEarlierTry(deps, input, text)) ?? (now.length ? { status: 'teamChanged', team: now } : { status: 'noTeam' });
  // Every lookup before the record: a directory that fails half-way leaves nothing stored or half-sent.
  const up = input.alsoOwnManager ? await ownManagerOf(deps, input.managerId) : undefined;
  // Read before the record: a blank holding the first card's key means its cards ended before it.
  const firstKeyHeld = await delivery.keyLeftBehind(teamAccountKey(input.managerId, input.pressKey, team[0]!.id));
  const fresh = withState(freshRecord(deps, input, text, team.length, !!up), stateToStore(firstKeyHeld));
  // One point read of her erasure's ticket, then the create within the save window (see above).
  const window = await openSaveWindow(deps.verantwoording, input.managerId);
  const kept = await window.keep(fresh, () => deps.teamAccounts.create(fresh), (r) => 'record' in r && (r.created || sameAsWritten(r.record, fresh)));
  if (!('record' in kept)) return { status: 'deletedSince' };
  const { record, created } = kept;
  const name = input.managerName?.trim();
  const account: TeamAccount = { managerId: input.managerId, ...(name ? { managerName: name } : {}), text: record.text };
  const cards = cardsOf(input, record, team, up);
  // The answer names the form's list as the directory has it, not whom the cards went to: the same
  // press answers alike before and after a recipient's erasure, so it never tells who erased. Words
  // other than those kept under this press before (a try whose answer was lost) did not go.
  const sent: TeamAccountOutcome = { status: 'sent', recipients: team.map((m) => m.name), text: record.text, toOwnManager: record.toOwnManager, ...(!created && record.text !== text ? { earlierTry: true as const } : {}) };
  let everyKeyHeld: boolean;
  try {
    everyKeyHeld = await queueCards(delivery, account, cards);
  } catch (err) {
    // Found kept by another delivery, whose cards may have gone: never taken back; the error card asks to press again.
    if (!created) throw err;
    return afterQueueFailed(deps, delivery, input, { record, account, cards, sent, attempt }, err);
  }
  // Within the window no request more: an erasure begun since has not ended (its last sweep waits a
  // whole window after its ticket), so this answer comes before its "gewist".
  if (window.closed() && (await erasedWhileQueueing(deps, input.managerId, record.id, created))) return answerErasedMidSend(delivery, cards);
  const step = onceQueued({ created, state: teamAccountState(record), everyKeyHeld, attempt });
  const next = step === 'takeBack' ? afterHeldCardsTakenBack(await takeBack(deps, delivery, record, []), created) : step;
  if (next === 'goneSince' || next === 'deletedSince') return { status: next };
  // Kept by another delivery of this press, which may still take it back: confirmed first; gone already, the store's error is the error card.
  if (next === 'confirm') await deps.teamAccounts.confirm(record.userId, record.id);
  return sent;
}

/** The team now, and of it only whom the form named: someone who left is not told, someone new was not written to. */
async function listedTeam(deps: TeamAccountDeps, input: TeamAccountInput): Promise<{ now: { id: string; name: string }[]; team: { id: string; name: string }[] }> {
  const listed = input.listed ? new Set(input.listed) : undefined;
  const now = await teamOf(deps, input.managerId);
  return { now, team: now.filter((m) => !listed || listed.has(m.id)) };
}

function freshRecord(deps: TeamAccountDeps, input: TeamAccountInput, text: string, recipientCount: number, toOwnManager: boolean): TeamAccountRecord {
  // A count only: nobody it went to is named or kept (data minimisation; the list cannot tell who erased).
  return { id: teamAccountRecordId(input.managerId, input.pressKey), type: 'teamAccount', userId: input.managerId, text, sentAt: deps.clock.now().toISOString(), language: input.language, recipientCount, toOwnManager };
}

/**
 * Whom the cards go to: the form's list as the directory has it now, never names from storage. An
 * older record that named its recipients keeps to those it still names (one who erased their data
 * since is not written to again).
 */
function cardsOf(input: TeamAccountInput, record: TeamAccountRecord, team: { id: string }[], up: string | undefined): Card[] {
  const still = record.recipients ? new Set(record.recipients.map((m) => m.id)) : undefined;
  const to = still ? team.filter((m) => still.has(m.id)) : team;
  const cards: Card[] = to.map((m) => ({ to: { memberId: m.id, role: 'member' }, key: teamAccountKey(input.managerId, input.pressKey, m.id) }));
  if (record.toOwnManager && up) cards.push({ to: { memberId: up, role: 'ownManager' }, key: teamAccountKey(input.managerId, input.pressKey, up) });
  return cards;
}

/** Queues each card; true when every key was held already (a card that went, was skipped, or an erasure's blank): nothing new was queued. A card still waiting is not held. */
async function queueCards(delivery: TeamAccountDelivery, account: TeamAccount, cards: Card[]): Promise<boolean> {
  let held = 0;
  for (const card of cards) if (await delivery.deliver(account, card.to, card.key)) held++;
  return cards.length > 0 && held === cards.length;
}

/** A card failed to queue after this delivery created the record: taken back, and then as afterFailedQueue says. */
async function afterQueueFailed(deps: TeamAccountDeps, delivery: TeamAccountDelivery, input: TeamAccountInput, send: { record: TeamAccountRecord; account: TeamAccount; cards: Card[]; sent: TeamAccountOutcome; attempt: SendAttempt }, err: unknown): Promise<TeamAccountAnswer> {
  const back = await takeBack(deps, delivery, send.record, send.cards.map((c) => c.key)).catch(() => 'keptAgain' as const);
  const next = afterFailedQueue(back, send.attempt);
  if (next.then === 'sayVerstuurd') return send.sent;
  if (next.then === 'finishQueueing') return finishDeletedMidSend(deps, delivery, send.account, send.record.id, send.cards, send.sent);
  if (next.then === 'sendAgain') return sendAccount(deps, delivery, input, next.attempt);
  throw err;
}

/**
 * She deleted the account from her list (on another device) while this delivery, which kept it,
 * was still queueing, and a card's queue write failed. Her mark says she sent it and that its cards
 * go (found in review, stop 61: read as a confirm, "sent" was said with cards never queued): each
 * card is queued once more (its key holds: none twice), and "sent" is said only once every card is;
 * still failing, `notFullySent`. Nothing is withdrawn: another delivery may have queued the cards
 * and said "sent" on them. Her erasure may have run meanwhile (found in review, stop 62): the
 * outbox's own check is read before "sent" (two point reads, only on this rare path).
 */
async function finishDeletedMidSend(deps: TeamAccountDeps, delivery: TeamAccountDelivery, account: TeamAccount, recordId: string, cards: Card[], sent: TeamAccountOutcome): Promise<TeamAccountAnswer> {
  try {
    for (const card of cards) await delivery.deliver(account, card.to, card.key);
  } catch {
    // The queue still fails: nothing may be said sent.
    return { status: 'notFullySent' };
  }
  if (await erasedWhileQueueing(deps, account.managerId, recordId, true)) return answerErasedMidSend(delivery, cards);
  return sent;
}

/**
 * Whether her erasure began, or ran to its end, while this send queued its cards: then none of them
 * goes (its purge takes a card queued before it, the send-time check teamCardMayGo drops one that
 * landed after), and the record or mark goes with her partition. The outbox's own reads: her ticket,
 * then (`ownRecord`: this delivery created the record, or found her delete's mark) the record or
 * the mark, whose absence no ticket explains only once an erasure has finished: nothing else deletes
 * a record this delivery still holds, nor a mark younger than its week. A record another delivery
 * created may be taken back by that one: then only the ticket, and the confirm that follows fails
 * on a record gone (the error card).
 */
async function erasedWhileQueueing(deps: TeamAccountDeps, managerId: string, recordId: string, ownRecord: boolean): Promise<boolean> {
  return ownRecord ? !(await teamCardMayGo(deps, managerId, recordId)) : erasureUnfinished(deps.verantwoording, managerId);
}

/**
 * A send her erasure overtook while it queued its cards. No card of this press went: refused as one
 * made during it (`erasureUnderway`: nothing sent, nothing kept; the form keeps her words). A card
 * went, or may have (one sent before her erasure began; the others taken by it): `erasedMidSend`,
 * as "not sent" would not be true (found in review, stop 62). The outbox is read per card, one or
 * two point reads each, only on this late path; the first that may have gone ends the reads.
 */
async function answerErasedMidSend(delivery: TeamAccountDelivery, cards: { key: string }[]): Promise<TeamAccountAnswer> {
  for (const card of cards) if (await delivery.mayHaveGone(card.key)) return { status: 'erasedMidSend' };
  throw new DomainError('erasureUnderway', 'her erasure began or ended while the cards were queued');
}

/**
 * A press whose form names nobody in the team now, looked up in its own record: an earlier try of
 * it (its answer lost) kept and sent the account while they were still in the team, so the answer
 * is that it went, not "nothing went" (found in review, stop 57). Read only once the team is found
 * empty, so a send to a team takes no more requests than before: one point read here, and a confirm
 * when the record is not yet confirmed (so the creating delivery, should it still be queueing, no
 * longer takes it back). Nobody is named, and no card is queued: those it went to are not in the
 * team now, names never come from storage, and someone who left is not told. What each state
 * answers: earlierTry.
 */
async function sentByEarlierTry(deps: TeamAccountDeps, input: TeamAccountInput, text: string): Promise<TeamAccountAnswer | undefined> {
  const found = await deps.teamAccounts.find(input.managerId, teamAccountRecordId(input.managerId, input.pressKey));
  const next = earlierTry(teamAccountState(found));
  if (next === 'nothingWent' || !found) return undefined;
  if (next === 'deletedSince' || found === 'deleted') return { status: 'deletedSince' };
  if (next === 'takeBack') {
    const stays = takeBackStopsAt(await deps.teamAccounts.takeBack(found.userId, found.id));
    if (stays === 'deletedFromList') return { status: 'deletedSince' };
    // Confirmed meanwhile by another delivery of this press, which said "verstuurd": it went, as on the main path (found in review, stop 64).
    if (stays !== 'confirmed') return { status: 'goneSince' };
  }
  if (next === 'confirm') await deps.teamAccounts.confirm(found.userId, found.id);
  return { status: 'sent', recipients: [], text: found.text, toOwnManager: found.toOwnManager, ...(found.text !== text ? { earlierTry: true as const } : {}) };
}

/**
 * Asked by the outbox just before an account's card goes (its `sendIf`), never on a turn: not once
 * the manager's erasure has begun, nor after it finished. A card's queue write may land after the
 * erasure's outbox purge (a slow store), so the purge cannot be relied on to take it. Read in this
 * order, as managerCardMayGo does: the ticket (there from the erasure's first write to its last),
 * then the account's record (written before its cards; the erasure's last sweep deletes it before
 * the ticket goes). No ticket and the record there: the erasure had not begun at the first read.
 *
 * The record deleted from her list: its mark is there instead (DeletedTeamAccount), and the card
 * goes, tried before or not: she was told it went, and that what went stays in the chats (found in
 * review, stop 60). An erasure deletes the mark with the rest of her partition, so a card whose
 * queue write landed after a finished erasure finds neither, and is dropped.
 *
 * Neither there, but this card was tried before (`triedBefore`: Teams answered a 503, say), and the
 * account was deleted without a mark (from before stop 60, or its mark expired): it still goes. A
 * try passed this check once, so the card was in the outbox then, and an erasure begun since has
 * purged it (or its ticket is still there). Not the ticket alone: a card whose queue write landed
 * after a finished erasure finds no ticket either, and was never tried.
 */
export async function teamCardMayGo(deps: Pick<TeamAccountDeps, 'teamAccounts' | 'verantwoording'>, managerId: string, recordId: string, triedBefore: () => Promise<boolean> = async () => false): Promise<boolean> {
  if (await erasureUnfinished(deps.verantwoording, managerId)) return false;
  // The job is read only when neither the record nor her delete's mark is there (an erasure's sweep, or a take-back).
  return (await deps.teamAccounts.find(managerId, recordId)) !== undefined || (await triedBefore());
}

/**
 * A send whose cards could not all be queued (or none of them anew), by the delivery that created
 * its record. The record goes first, under its ETag (the repository's takeBack; a state it may not
 * delete stops it: `confirmed`, `deletedFromList`), so a confirm landing meanwhile is seen and one
 * coming after finds it gone (that delivery answers with the error card); then its cards are
 * withdrawn while no sender has claimed them.
 * One that went, or may have, keeps the record after all (`keptAgain`: it went to someone; a card
 * still queued once the record is gone is dropped unsent by teamCardMayGo), unless her erasure took
 * the record before this take-back (found `absent`: never kept again, found in review, stop 63), or
 * began meanwhile (the keep's save window refuses: the error card).
 * `storedAnew`: between the delete and the withdrawals another delivery of this press stored the
 * record anew, found these cards waiting or queued them, and answers "sent"; the withdrawals took
 * its cards (found reviewing stop 62). Seen by the keep again, or by one point read more after the
 * withdrawals (only on this path): a record stored after that read has its cards queued after them.
 */
async function takeBack(deps: TeamAccountDeps, delivery: TeamAccountDelivery, record: TeamAccountRecord, keys: string[]): Promise<TakeBackResult> {
  const found = await deps.teamAccounts.takeBack(record.userId, record.id);
  const stays = takeBackStopsAt(found);
  if (stays) return stays;
  let noneWent = true;
  try {
    for (const key of keys) if (!(await delivery.withdraw(key))) noneWent = false;
  } catch (err) {
    // Kept again as any save into her partition is: not while her erasure is unfinished, and within
    // a save window of its own, so an erasure that began after the delete (the withdrawals may be
    // slow) is never outlived by a record it already reported gone (found in review, stop 56).
    if (mayKeepAgain(found)) await keepAgain(deps, record);
    throw err;
  }
  if (!noneWent && mayKeepAgain(found)) return (await keepAgain(deps, record)) ? 'storedAnewAfterOwnCards' : 'keptAgain';
  if (keys.length && (await deps.teamAccounts.get(record.userId, record.id))) return 'storedAnew';
  return 'takenBack';
}

/**
 * A record taken back whose card went after all, stored again under the same guard as its first
 * create. True when a record held the id already: another delivery stored it anew meanwhile.
 */
async function keepAgain(deps: TeamAccountDeps, record: TeamAccountRecord): Promise<boolean> {
  const window = await openSaveWindow(deps.verantwoording, record.userId);
  // Deleted from her list meanwhile (its mark holds the id): it stays deleted, and its cards may go.
  const kept = await window.keep(record, () => deps.teamAccounts.create(record), (r) => 'record' in r && (r.created || sameAsWritten(r.record, record)));
  return 'record' in kept && !kept.created;
}

/** The manager's kept accounts, newest first: one query in their own partition. */
export async function keptTeamAccounts(deps: Pick<TeamAccountDeps, 'teamAccounts'>, managerId: string): Promise<TeamAccountRecord[]> {
  return newestFirst(await deps.teamAccounts.list(managerId));
}

/** One kept account of this manager (a point read in their own partition): another's id finds nothing. */
export async function keptTeamAccount(deps: Pick<TeamAccountDeps, 'teamAccounts'>, managerId: string, id: string): Promise<TeamAccountRecord | undefined> {
  return deps.teamAccounts.get(managerId, id);
}

/**
 * The manager deletes one of their kept accounts from their list and their data (under its ETag),
 * never from the team: what was sent stays in the chats it went to, and a card the outbox had not
 * sent yet still goes (teamCardMayGo finds the mark the delete leaves, DeletedTeamAccount; a press
 * delivered again keeps nothing). `notFound`: nothing of theirs under that id (deleted
 * already, a press delivered again, or another manager's id): nothing deleted.
 */
export async function deleteKeptTeamAccount(deps: Pick<TeamAccountDeps, 'teamAccounts' | 'clock'>, managerId: string, id: string): Promise<'deleted' | 'notFound'> {
  return (await deps.teamAccounts.delete(managerId, id, deps.clock.now())) ? 'deleted' : 'notFound';
}
