import { managerIfNamed } from '../../domain/directory/manager-directory';
import { isDomainError } from '../../domain/shared/errors';
import { emptyIfNothingShows } from '../../domain/shared/text';
import { newestFirst, openRequest, plannedAhead, requestKey, requestMessage, ReviewRequestDelivery, ReviewRequestRecord, reviewRequestRecordId, WithdrawnReviewRequest } from '../../domain/talent-review/review-request';
import { erasureUnfinished } from '../verantwoording/erasure-ticket';
import { openSaveWindow, SAVE_WINDOW_MS, sameAsWritten, takeBackPending } from '../verantwoording/save-window';
import { TalentReviewDeps } from './deps';

/**
 * Whether a professional can ask for a talentontwikkelgesprek now: not without a manager in the
 * directory, and not while one with that manager is planned ahead (`date`: its day, yyyy-mm-dd).
 */
export type RequestStatus = { status: 'noManager' } | { status: 'alreadyPlanned'; date: string } | { status: 'open'; managerId: string; asked?: AskedBefore };

/** The professional's own open request to this manager (see openRequest): its record's id, when, and the manager's name where the directory has it. */
export interface AskedBefore {
  id: string;
  sentAt: string;
  managerName?: string;
}

/**
 * What became of a request; `sent` names the manager where the directory knows their name, and the
 * message as sent. `earlierTry`: this press had been queued by an earlier try already (its answer
 * was lost), so what goes is that try's message, which may not be this one: no message is given.
 * `withdrawn`: the press's request was withdrawn since (the press delivered again, or the old form
 * still open): nothing is sent or kept now; a new request is a new press.
 */
export type RequestOutcome = Exclude<RequestStatus, { status: 'open' }> | { status: 'sent'; managerName?: string; message?: string; earlierTry?: true } | { status: 'withdrawn' };

type RequestDeps = Pick<TalentReviewDeps, 'directory' | 'reviews' | 'clock' | 'reviewRequests' | 'timeZone' | 'verantwoording'>;

/**
 * Asked when the form opens and again when it is sent. The manager is the directory's now (a
 * lookup it does not answer refuses, `directoryUnavailable`: never read as "no manager").
 */
export async function requestStatus(deps: RequestDeps, professionalId: string, opts: { withAsked?: boolean } = {}): Promise<RequestStatus> {
  const managerId = await deps.directory.managerOf(professionalId);
  if (!managerId || managerId === professionalId) return { status: 'noManager' };
  const reviews = await deps.reviews.listAbout(managerId, professionalId);
  const planned = plannedAhead(reviews, professionalId, deps.clock.now());
  if (planned) return { status: 'alreadyPlanned', date: planned.date };
  const asked = opts.withAsked ? await askedBefore(deps, professionalId, managerId, reviews) : undefined;
  return { status: 'open', managerId, ...(asked ? { asked } : {}) };
}

/**
 * The professional's latest request to this manager while no conversation with them was planned
 * after it (`reviews`: the manager's conversations about them, as the caller read them): one
 * query in their own partition, and the manager's name from the directory (never stored).
 */
export async function askedBefore(deps: Pick<TalentReviewDeps, 'directory' | 'reviewRequests' | 'timeZone'>, professionalId: string, managerId: string, reviews: Parameters<typeof openRequest>[3]): Promise<AskedBefore | undefined> {
  return (await keptRequests(deps, professionalId, managerId, reviews, { open: true, shown: 0 })).open;
}

/** The most earlier requests "Wat ziet mijn leidinggevende?" lists (the rest is counted: withdrawing one shows the next). */
export const KEPT_REQUESTS_SHOWN = 3;

/**
 * The professional's kept requests, from one query in their own partition: the open one (see
 * openRequest; only when `open` is asked: with a conversation planned ahead none is), and the
 * others, newest first, at most `shown`, with how many more: answered by a plan, or to a former
 * manager. Each is theirs to withdraw. Managers are named from the directory (never stored).
 */
export async function keptRequests(
  deps: Pick<TalentReviewDeps, 'directory' | 'reviewRequests'>,
  professionalId: string,
  managerId: string,
  reviews: Parameters<typeof openRequest>[3],
  opts: { open: boolean; shown?: number },
): Promise<{ open?: AskedBefore; earlier: AskedBefore[]; more: number }> {
  if (!deps.reviewRequests) return { earlier: [], more: 0 };
  const records = await deps.reviewRequests.list(professionalId);
  const open = opts.open ? openRequest(records, managerId, professionalId, reviews) : undefined;
  const rest = newestFirst(records.filter((r) => r.id !== open?.id));
  const shown = rest.slice(0, opts.shown ?? KEPT_REQUESTS_SHOWN);
  const names = new Map<string, string | undefined>();
  for (const id of new Set([open?.managerId, ...shown.map((r) => r.managerId)])) if (id) names.set(id, await managerNameOf(deps, id));
  const view = (r: ReviewRequestRecord): AskedBefore => {
    const managerName = r.managerId ? names.get(r.managerId) : undefined;
    return { id: r.id, sentAt: r.sentAt, ...(managerName ? { managerName } : {}) };
  };
  return { ...(open ? { open: view(open) } : {}), earlier: shown.map(view), more: rest.length - shown.length };
}

/**
 * The professional withdraws their own kept request (under its ETag, in their own partition): the
 * card already sent stays in the manager's chat; one still waiting in the outbox (a retry) is
 * dropped unsent by its send-time check (requestCardMayGo). Its id stays taken for three days, holding
 * nothing of it (WithdrawnReviewRequest): the send press delivered again keeps nothing. `notFound`:
 * nothing of theirs under that id (withdrawn already, a press delivered again, or another's id).
 */
export async function withdrawRequest(deps: Pick<TalentReviewDeps, 'reviewRequests' | 'clock'>, professionalId: string, id: string): Promise<'withdrawn' | 'notFound'> {
  if (!deps.reviewRequests) return 'notFound';
  return (await deps.reviewRequests.withdraw(professionalId, id, deps.clock.now())) ? 'withdrawn' : 'notFound';
}

/** One kept request of this professional (a point read in their own partition): another's id finds nothing. */
export async function keptRequest(deps: Pick<TalentReviewDeps, 'reviewRequests'>, professionalId: string, id: string): Promise<ReviewRequestRecord | undefined> {
  return deps.reviewRequests?.get(professionalId, id);
}

export interface RequestInput {
  professionalId: string;
  /** How the manager's card names them (their Teams name). */
  professionalName?: string;
  /** Their optional message, as typed. */
  text?: string;
  /** The key of the press, set when the form was rendered: the same press delivered again sends nothing twice. */
  pressKey: string;
}

/**
 * The professional asks their manager for a talentontwikkelgesprek: the manager gets a card in
 * their own chat with the bot, with a button to plan it. Without a manager, or with a conversation
 * already planned, nothing is sent and nothing kept. A second request on a new form is a new
 * request: the professional decides.
 *
 * A sent request is kept for the professional (theirs to look back on and withdraw): first the
 * manager's card is queued under the press's key, then one record is created in their own
 * partition (id from the press, create-if-absent: a press delivered again finds it). A card that
 * cannot be queued fails before anything is kept, so the error card means nothing was kept; a
 * record that cannot be written fails too (the error card), and the retry, with the same press
 * key, finds the card `alreadyQueued` (nothing goes twice) and keeps the record then. A send that
 * finds the press's record withdrawn (its id still taken, WithdrawnReviewRequest) keeps nothing
 * and answers as the earlier try did. A press delivered again after the professional's (or the
 * manager's) erasure finds the key that erasure left (`erasedKey`): nothing goes, no record is
 * kept again (her words and the manager's id stay gone), and the answer says nothing new was sent.
 * The record's create keeps to the save window from the erasure check (save-window.ts): answered
 * later, it is taken back and the send refused (`saveTooSlow`, or `erasureUnderway` while the ticket
 * is there), so no erasure that began meanwhile is outlived by it. The card was queued by then (the
 * erasure's outbox purge takes it when the purge came after its queueing; one queued after the
 * purge is dropped unsent by its send-time check, requestCardMayGo).
 *
 * A delivery that finds the record (another delivery of the press created it) marks it `confirmed`
 * before it answers "sent"; the take-back of a create answered too late deletes only a record as it
 * was written, so a confirmed one stays, its card goes, and the late delivery answers "sent" too
 * (found in review, stop 60: one device was told "sent", the other's late retry took the record
 * back, and the manager got nothing). A confirm that finds the record taken back fails: the error
 * card (the send-time check drops the card), so nothing said sent is gone.
 */
export async function requestConversation(deps: RequestDeps, delivery: ReviewRequestDelivery, input: RequestInput): Promise<RequestOutcome> {
  // The message first: a refused one comes back to the form before anything is looked up.
  // A message of only invisible characters (emoji endings too: variation selectors, tags) is none.
  const message = requestMessage(emptyIfNothingShows(input.text));
  const status = await requestStatus(deps, input.professionalId);
  if (status.status !== 'open') return status;
  // One point read of the ticket: the record would go into the partition their erasure is deleting
  // (refused, `erasureUnderway`, as every other write into their own partition is). It opens the
  // save window the record's create keeps to (save-window.ts).
  const window = deps.reviewRequests ? await openSaveWindow(deps.verantwoording, input.professionalId) : undefined;
  const { managerId } = status;
  const name = input.professionalName?.trim();
  const queued = await delivery.deliver({ professionalId: input.professionalId, managerId, ...(name ? { professionalName: name } : {}), ...(message ? { message } : {}) }, requestKey(input.professionalId, input.pressKey));
  // Queued before under this press (a retry after a lost answer or a failed record write, or the
  // press delivered again): the words that went may not be these, so a record this try creates
  // keeps none, unless the delivery knows the queued card carries these very words (the press
  // delivered twice at once: whichever create lands first, the record keeps what the manager
  // gets). A record an earlier try kept stays as it is.
  const words = queued === 'alreadyQueued' ? undefined : message;
  // The press's request withdrawn since (the create finds the withdraw's mark): its card, queued
  // again here if a withdraw before it went had dropped it, is dropped again (requestCardMayGo).
  let withdrawn = false;
  // An erasure took this press's request out since: keep nothing of it again.
  if (deps.reviewRequests && window && queued !== 'erasedKey') {
    const requests = deps.reviewRequests;
    const record: ReviewRequestRecord = { id: reviewRequestRecordId(input.professionalId, input.pressKey), type: 'reviewRequest', userId: input.professionalId, managerId, sentAt: deps.clock.now().toISOString(), ...(words ? { message: words } : {}) };
    // Answered after the window, the record is taken back (when this press wrote it) and the send
    // refused: an erasure that began meanwhile may have swept the partition before it landed. The
    // card is queued by then under the press's key: the same press again sends nothing twice.
    const created = await window.keep(record, () => requests.create(record), (r) => 'record' in r && (r.created || sameAsWritten(r.record, record))).catch(async (err: unknown) => {
      // Too late, but another delivery of this press found the record meanwhile and answered
      // "sent" on it (`confirmed`): the take-back left it (it deletes only a record as written),
      // its card goes, and this answer says so too. One point read, only on this rare path.
      if (isDomainError(err) && err.code === 'saveTooSlow' && (await requests.get(record.userId, record.id))?.confirmed) return undefined;
      throw err;
    });
    withdrawn = !!created && 'withdrawn' in created;
    // Found, not created by this delivery (Teams delivered the press again, or to another instance):
    // confirmed before "sent" is answered, so the delivery that created it, should its save be
    // answered too late, no longer takes it back. One write, on this path only (a first create
    // writes nothing more); gone already (taken back), the store's error is the error card.
    if (created && 'record' in created && !created.created) await requests.confirm(record.userId, record.id, created.version ? { record: created.record, version: created.version } : undefined);
  }
  // Withdrawn since: nothing is kept again, and these words do not go either (whatever went before
  // the withdraw stays as it was). Said as such, not "sent".
  if (withdrawn) return { status: 'withdrawn' };
  const managerName = await managerNameOf(deps, managerId);
  // Queued before under this press: the first try's words went, and the confirmation must not show
  // these as sent.
  if (queued) return { status: 'sent', ...(managerName ? { managerName } : {}), earlierTry: true };
  return { status: 'sent', ...(managerName ? { managerName } : {}), ...(message ? { message } : {}) };
}

/** The type of the mark a withdraw leaves under the request's id (WithdrawnReviewRequest). */
const WITHDRAWN: WithdrawnReviewRequest['type'] = 'reviewRequestWithdrawn';

/**
 * Asked by the outbox just before the request's card goes (its `sendIf`), never on a turn: not once
 * the professional's erasure has begun, nor after it finished. The card is queued before its record,
 * and its queue write may land after the erasure's outbox purge (a slow store), so the purge cannot
 * be relied on to take it. Read in this order, as managerCardMayGo does: the ticket (there from the
 * erasure's first write to its last), then the request's record (the erasure's last sweep deletes it
 * before the ticket goes). No ticket and the record there: the erasure had not begun at the first
 * read. No record yet: the create follows the queue in the same send, answered within the save
 * window from the check made before the queue (`queuedAt`, ms), so the card waits ('later') for two
 * windows; after that none comes from that send (refused, taken back, or swept by an erasure) and
 * the card is dropped unsent. A retry of the same press gives a card still waiting a fresh
 * `queuedAt` before it writes its record, or queues a dropped one again (the delivery). The mark a
 * withdraw left under the record's id drops the card too: withdrawn before it went, it never goes.
 */
export async function requestCardMayGo(deps: Pick<TalentReviewDeps, 'reviewRequests' | 'verantwoording'>, professionalId: string, recordId: string, queuedAt: number): Promise<boolean | 'later'> {
  if (await erasureUnfinished(deps.verantwoording, professionalId)) return false;
  if (!deps.reviewRequests) return true;
  // Its record created too late and being taken back (the store may refuse the delete a while, the
  // record staying meanwhile): the send was refused ("try again"), so its card never goes (found in
  // review, stop 59). Her retry queues it again. Known on the instance that took the press only.
  // Unless another delivery of the press confirmed the record meanwhile (it answered "sent" on it):
  // the take-back leaves a confirmed record alone (found in review, stop 60).
  const takenBack = takeBackPending(deps.verantwoording.records, professionalId, recordId);
  // The record, or the mark its withdraw left: read through their records, which hold both in their
  // partition. Withdrawn before its card went: the manager never gets a request that no longer
  // stands (the withdraw's confirm promises only that a card they already got stays).
  const kept = await deps.verantwoording.records.get(professionalId, recordId);
  if (kept) return (kept.type as string) !== WITHDRAWN && (!takenBack || (kept as { confirmed?: unknown }).confirmed === true);
  if (takenBack) return false;
  return Date.now() < queuedAt + 2 * (deps.verantwoording.saveWindowMs ?? SAVE_WINDOW_MS) ? 'later' : false;
}

/**
 * The manager's name for the professional's confirmation. The directory port names people only
 * as someone's direct reports, so the manager is found among their own manager's; a manager at the
 * top, or a lookup that fails, leaves it out ("your manager"). The request is queued by then:
 * nothing here may fail it.
 */
export async function managerNameOf(deps: Pick<TalentReviewDeps, 'directory'>, managerId: string): Promise<string | undefined> {
  try {
    const above = await managerIfNamed(deps.directory, managerId);
    if (!above) return undefined;
    return (await deps.directory.directReports(above)).find((p) => p.id === managerId)?.name;
  } catch {
    return undefined;
  }
}
