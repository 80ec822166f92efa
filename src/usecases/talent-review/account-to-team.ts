import { directReportsOf } from '../../domain/directory/manager-directory';
import { Language } from '../../domain/framework/framework';
import { DomainError } from '../../domain/shared/errors';
import { emptyIfNothingShows } from '../../domain/shared/text';
import { newestFirst, TeamAccountDelivery, teamAccountKey, TeamAccountRecipient, TeamAccountRecord, teamAccountRecordId, teamAccountText } from '../../domain/talent-review/team-account';
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
 * The manager accounts to their team: each direct report in the directory gets the manager's
 * words in their own 1:1 chat, and their own manager too when they choose so. The account is kept
 * first, in the manager's own partition (id from the press, so Teams delivering the press again
 * finds it and queues the same cards under the same keys: one record, one card each); then the
 * cards are queued. Nobody of the form's list in the team now (`teamChanged`, or `noTeam` when the
 * directory lists no team at all): nothing is stored or queued, and the answer says nothing went,
 * unless an earlier try of this press kept the account before they moved on (sentByEarlierTry). A directory that does not answer refuses before anything is stored or queued;
 * a store that does not take the record refuses before any card is queued. While the manager's
 * erasure is unfinished the send is refused (`erasureUnderway`) before anything is stored or queued
 * (checked once the directory answered, just before the record), as every other write into their
 * own partition is: the erasure's resume would delete the record after they were told it was kept.
 * The record's create keeps to the save window (save-window.ts): answered later than that after the
 * check, it is taken back and the send refused (`saveTooSlow`, or `erasureUnderway`) before any card
 * is queued, so an erasure that began meanwhile is never outlived by it.
 *
 * A card that cannot be queued after this press stored the record takes the send back: the record
 * goes, and the cards this press queued are withdrawn while no sender has claimed them, so the
 * error card means nothing was kept and nothing sent. Should a card have gone meanwhile (or the
 * withdrawal itself fail), the record is kept again: it went to someone, and the same press again
 * queues the rest under the same keys. A press delivered again, whose record an earlier delivery
 * stored, never takes it back (that delivery's cards may have gone; the error card asks to press
 * again); once its cards are queued it marks the record `confirmed` before it answers "sent", and
 * the delivery that created it, should its own queue then fail (Teams delivered the press again
 * because it was slow), leaves a confirmed record and its cards alone and answers "sent" as well.
 * A confirm that finds the record taken back fails (the error card): nothing said kept is gone.
 *
 * Her erasure begun or ended while the cards were queued (the queue outlived the save window; no
 * request more within it): never "sent": the erasure takes the cards (its purge, or their send-time
 * check) and the record (see erasedWhileQueueing). Refused as `erasureUnderway` when no card of this
 * press went; else `erasedMidSend` (see answerErasedMidSend).
 *
 * "Verstuurd" means sent: deleting the account from her list takes it out of her list and her
 * data, never back from the team (found in review, stop 60: deleted before the paced outbox tried
 * its cards, it went to nobody, and she was never told). Her delete leaves a mark under the
 * record's id for a week (DeletedTeamAccount): the cards still waiting go (teamCardMayGo), and a
 * press delivered again finds the mark where the record was: nothing is kept or queued again (the
 * keys hold anyway), her list stays without it, and the answer (`deletedSince`) says she deleted it
 * and that this press sent nothing, without saying what went before: the mark keeps no words, and
 * the delivery that kept it may still be queueing (found in review, stop 61). Deleted while this
 * delivery was still queueing, its queue then failing: see finishDeletedMidSend.
 *
 * A press delivered again after the manager's own erasure (or after a delete that left no mark:
 * one from before stop 60, or a mark expired) stores the record anew (it is gone), and finds every
 * card's key held: by what an erasure left (`erasedKey`), by a card that went, or by one skipped
 * at send time (`held`). Nothing new goes, so the record goes again at once and none of her words
 * stay (found in review, stop 59), and the answer is `goneSince`, never "sent": the keys cannot tell
 * a card that went from one her erasure took out unsent (found in review, stop 62). A card still
 * waiting does not count: another delivery of this press queued it under this very record (two
 * deliveries at once), which must stay (found reviewing stop 60: taken back under it, "sent" was
 * said and nothing went).
 * (A record an earlier delivery kept is never taken back so: only the recipients may have erased.)
 * A delivery that did not store the record cannot tell one stored so from one kept before its cards
 * were queued (a key her erasure left looks like a card's that went, on purpose). So the first card's
 * key is read before the record is stored (one outbox point read more per send), and a record
 * stored while a blank held it is marked `keptAfterCards`: a delivery that finds it and every key
 * held takes it back as well, never confirms it, and answers `goneSince` (found reviewing stop 62:
 * two deliveries at once after her erasure, or a press again after a take-back the store refused,
 * answered "verstuurd" and kept her words).
 */
export async function accountToTeam(deps: TeamAccountDeps, delivery: TeamAccountDelivery, input: TeamAccountInput): Promise<TeamAccountAnswer> {
  return sendAccount(deps, delivery, input, { mayRetry: true });
}

/**
 * accountToTeam. `mayRetry`: a take-back that met the record stored anew by another delivery sends
 * once more (see takeBack). `ownCardsWent`: that retry, after cards of this press's own went: the
 * keys they hold are why the other delivery marked the record `keptAfterCards`, not an erasure.
 */
async function sendAccount(deps: TeamAccountDeps, delivery: TeamAccountDelivery, input: TeamAccountInput, retry: { mayRetry: boolean; ownCardsWent?: true }): Promise<TeamAccountAnswer> {
  // The words first: refused ones come back to the form before anything is looked up.
  // Words of only invisible characters (emoji endings too: variation selectors, tags) are none: refused as empty.
  const text = teamAccountText(emptyIfNothingShows(input.text));
  // The team now, and of it only whom the form named: someone who left is not told, someone new was not written to.
  const listed = input.listed ? new Set(input.listed) : undefined;
  const now = await teamOf(deps, input.managerId);
  const team = now.filter((m) => !listed || listed.has(m.id));
  // Nobody the form named is in the team any more, but others are: not "you have no team"; a new form names them.
  // Unless an earlier try of this press kept (and sent) the account before they moved on: that went.
  if (!team.length) return (await sentByEarlierTry(deps, input, text)) ?? (now.length ? { status: 'teamChanged', team: now } : { status: 'noTeam' });
  // Every lookup before the record: a directory that fails half-way leaves nothing stored or half-sent.
  const up = input.alsoOwnManager ? await ownManagerOf(deps, input.managerId) : undefined;
  // Read before the record: a blank holding the first card's key means its cards ended before a
  // record stored now, so it is marked (keptAfterCards) and no other delivery confirms it.
  const cardsEnded = await delivery.keyLeftBehind(teamAccountKey(input.managerId, input.pressKey, team[0]!.id));
  const fresh: TeamAccountRecord = {
    id: teamAccountRecordId(input.managerId, input.pressKey),
    type: 'teamAccount',
    userId: input.managerId,
    text,
    sentAt: deps.clock.now().toISOString(),
    language: input.language,
    // A count only: nobody it went to is named or kept (data minimisation; the list cannot tell who erased).
    recipientCount: team.length,
    toOwnManager: !!up,
    ...(cardsEnded ? { keptAfterCards: true as const } : {}),
  };
  // One point read of the ticket, just before the record: it would go into the partition the
  // erasure is deleting. Its create keeps to the save window (answered later, it is taken back and
  // refused, before any card is queued): no erasure that began meanwhile is outlived by it.
  const window = await openSaveWindow(deps.verantwoording, input.managerId);
  const kept = await window.keep(fresh, () => deps.teamAccounts.create(fresh), (r) => 'record' in r && (r.created || sameAsWritten(r.record, fresh)));
  // She deleted it from her list after an earlier delivery of this press kept it: its cards still
  // waiting go. Nothing kept or queued again; the answer says she deleted it and that this press sent
  // nothing, not that it went (that delivery may still be queueing, and the mark keeps no words).
  if (!('record' in kept)) return { status: 'deletedSince' };
  const { record, created } = kept;
  const name = input.managerName?.trim();
  const account = { managerId: input.managerId, ...(name ? { managerName: name } : {}), text: record.text };
  // Whom the cards go to: the form's list as the directory has it now, never names from storage. A
  // press delivered again queues under the same keys (one card each); an older record that named its
  // recipients keeps to those it still names (one who erased their data since is not written to again).
  // The answer names the form's list as the directory has it (`team`), not `to`: the same press
  // answers the same before and after a recipient's erasure, so the answer never tells who erased.
  const still = record.recipients ? new Set(record.recipients.map((m) => m.id)) : undefined;
  const to = still ? team.filter((m) => still.has(m.id)) : team;
  const cards: { to: TeamAccountRecipient; key: string }[] = to.map((m) => ({ to: { memberId: m.id, role: 'member' }, key: teamAccountKey(input.managerId, input.pressKey, m.id) }));
  if (record.toOwnManager && up) cards.push({ to: { memberId: up, role: 'ownManager' }, key: teamAccountKey(input.managerId, input.pressKey, up) });
  // Kept under this press before with other words (the form changed after a try whose answer was
  // lost): the first words went, and these must not read as sent (as the tab's 409 alreadySent says).
  const sent: TeamAccountOutcome = { status: 'sent', recipients: team.map((m) => m.name), text: record.text, toOwnManager: record.toOwnManager, ...(!created && record.text !== text ? { earlierTry: true as const } : {}) };
  let held = 0;
  try {
    for (const card of cards) if (await delivery.deliver(account, card.to, card.key)) held++;
  } catch (err) {
    if (!created) throw err;
    const back = await takeBack(deps, delivery, record, cards.map((c) => c.key)).catch(() => 'kept' as const);
    // Confirmed meanwhile: another delivery of this press queued every card and answered "sent"; it stays, and so does that answer.
    if (back === 'confirmed') return sent;
    // Deleted from her list meanwhile (on another device): not a confirm; the cards after the failed one are not queued yet.
    if (back === 'deletedFromList') return finishDeletedMidSend(deps, delivery, account, record.id, cards, sent);
    // Stored anew by another delivery, which may say "sent" on cards just withdrawn: sent as that press again would be.
    if ((back === 'storedAnew' || back === 'storedAnewAfterOwnCards') && retry.mayRetry) return sendAccount(deps, delivery, input, { mayRetry: false, ...(back === 'storedAnewAfterOwnCards' ? { ownCardsWent: true as const } : {}) });
    throw err;
  }
  // Queued later than a save window after the check: her erasure may have begun, or run to its end,
  // meanwhile, and its purge taken the cards or their send-time check drop them; "verstuurd" would
  // not be true (found in review, stop 62). Within the window no request more: an erasure begun
  // since has not ended (its last sweep waits a whole window after its ticket), so this answer comes
  // before its "gewist", and it takes what had not gone yet as it takes any card still waiting.
  if (window.closed() && (await erasedWhileQueueing(deps, input.managerId, record.id, created))) return answerErasedMidSend(delivery, cards);
  // Every card's key was held already, yet this delivery stored the record anew: an earlier one
  // queued them and the record went since, leaving no mark of a delete (an erasure took it, or all
  // of theirs; or a delete from before stop 60, or its mark expired), and each card went or was
  // skipped: it goes again, as a send that queued nothing keeps nothing, or it would be back in her
  // list. (A card still waiting is not `held`: see TeamAccountDelivery.deliver.) Not "sent": this
  // press sent nothing, and a held key may be one her erasure left of a card that never went.
  // Confirmed meanwhile by another delivery of this press: it answered "sent", and this one does too.
  // So too a record another delivery stored after its cards ended (keptAfterCards): this delivery
  // cannot tell it from one kept before its cards were queued, and must not confirm it (found
  // reviewing stop 62: after her erasure two deliveries at once, or a press again after a take-back
  // the store refused, said "verstuurd" and kept her words).
  if ((created || (record.keptAfterCards && !retry.ownCardsWent)) && cards.length && held === cards.length) {
    const back = await takeBack(deps, delivery, record, []);
    if (back === 'takenBack') return { status: 'goneSince' };
    if (back === 'deletedFromList') return { status: 'deletedSince' };
  }
  // Kept by another delivery of this press, which may still take it back (its queue failing):
  // confirmed first, so it no longer can; gone already, the store's error is the error card.
  if (!created) await deps.teamAccounts.confirm(record.userId, record.id);
  return sent;
}

/**
 * She deleted the account from her list (on another device) while this delivery, which kept it,
 * was still queueing its cards, and a card's queue write failed. Found in review, stop 61: the
 * take-back read her delete's mark as another delivery's confirm and answered "sent", though the
 * cards after the failed one were never queued. The mark says she sent it, and that its cards go:
 * each card is queued once more (its key holds: one queued already is not queued twice), and
 * "sent" is said only once every card is. Still failing: `notFullySent`, the mark stays, her list
 * stays without it, and the answer says her team may not all get it. Nothing is withdrawn: another
 * delivery of the same press may have queued the cards and answered "sent" on them (found reviewing
 * this change: withdrawing them, and dropping the mark another delivery had read, left her told
 * "sent" with nothing gone).
 * Her erasure may have run while the cards were queued once more (it deletes the mark and purges
 * the outbox; a card landing after the purge is dropped at send time): found in review, stop 62,
 * "sent" was said and nothing went. Before "sent", the outbox's own check is read (her ticket, then
 * the mark: two point reads, only on this rare path); an erasure begun or ended is the refusal
 * `erasureUnderway`, as a send made during it.
 */
async function finishDeletedMidSend(deps: TeamAccountDeps, delivery: TeamAccountDelivery, account: Parameters<TeamAccountDelivery['deliver']>[0], recordId: string, cards: { to: TeamAccountRecipient; key: string }[], sent: TeamAccountOutcome): Promise<TeamAccountAnswer> {
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
 * when the record is not yet confirmed (as a delivery that did not create it confirms before it
 * answers "sent", so the creating delivery, should it still be queueing, no longer takes it back).
 * Nobody is named: those it went to are not in the team now, and names never come from storage.
 * No card is queued: the team is nobody of the form's list now, and someone who left is not told.
 * Deleted from her list since (its mark): `deletedSince` (the mark keeps no words to say which went).
 */
async function sentByEarlierTry(deps: TeamAccountDeps, input: TeamAccountInput, text: string): Promise<TeamAccountAnswer | undefined> {
  const record = await deps.teamAccounts.find(input.managerId, teamAccountRecordId(input.managerId, input.pressKey));
  if (!record) return undefined;
  if (record === 'deleted') return { status: 'deletedSince' };
  // Stored after its cards ended (her erasure took the one they went under): never "sent"; it goes.
  if (record.keptAfterCards && !record.confirmed) return (await deps.teamAccounts.deleteUnconfirmed(record.userId, record.id)) === 'deletedFromList' ? { status: 'deletedSince' } : { status: 'goneSince' };
  if (!record.confirmed) await deps.teamAccounts.confirm(record.userId, record.id);
  return { status: 'sent', recipients: [], text: record.text, toOwnManager: record.toOwnManager, ...(record.text !== text ? { earlierTry: true as const } : {}) };
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
 * A send whose cards could not all be queued, by the delivery that created its record. Not once
 * another delivery of the press confirmed it (`confirmed`: it queued every card and answered
 * "sent"), nor once she deleted it from her list (`deletedFromList`: its mark stays). Else the
 * record goes first, under its ETag, so a confirm landing meanwhile is seen and one coming after
 * finds it gone (that delivery answers with the error card); then the cards.
 * One that went, or may have, keeps it after all (`kept`: kept again, as it went to someone; a card
 * still queued once the record is gone is dropped unsent by teamCardMayGo), unless the manager's
 * erasure began meanwhile: then it stays gone (the error card; the erasure said it was gone).
 *
 * `storedAnew`: between the delete and the withdrawals another delivery of this press stored the
 * record anew (it was gone), found these cards waiting or queued them, and answers "sent"; the
 * withdrawals took its cards (found reviewing stop 62: "verstuurd" was said, and nothing went). The
 * record is read once more after them (one point read, only on this path), or found by the keep
 * again; the caller then sends as that press again would (the cards queued anew under the same
 * keys, the record confirmed). A record stored after that read was stored after the withdrawals:
 * its cards are queued after them too.
 */
async function takeBack(deps: TeamAccountDeps, delivery: TeamAccountDelivery, record: TeamAccountRecord, keys: string[]): Promise<'takenBack' | 'confirmed' | 'deletedFromList' | 'kept' | 'storedAnew' | 'storedAnewAfterOwnCards'> {
  const gone = await deps.teamAccounts.deleteUnconfirmed(record.userId, record.id);
  if (gone !== 'deleted' && gone !== 'gone') return gone;
  // Gone before this take-back, with no mark of her delete: her erasure took it, maybe to its end
  // (its ticket gone), and left the keys of the cards it took out held, as if they went. Never kept
  // again then (found in review, stop 63: her words were stored after "gewist", and the press
  // delivered again sent them on); the cards still waiting are withdrawn all the same.
  const mayKeepAgain = gone === 'deleted';
  let noneWent = true;
  try {
    for (const key of keys) if (!(await delivery.withdraw(key))) noneWent = false;
  } catch (err) {
    // Kept again as any save into their partition is: not while their erasure is unfinished, and
    // within a save window of its own, so an erasure that began after the delete (the withdrawals
    // may be slow) is never outlived by a record it already reported gone (found in review, stop 56).
    if (mayKeepAgain) await keepAgain(deps, record);
    throw err;
  }
  if (!noneWent && mayKeepAgain) return (await keepAgain(deps, record)) ? 'storedAnewAfterOwnCards' : 'kept';
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
