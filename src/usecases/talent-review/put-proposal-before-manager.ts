import { Language } from '../../domain/framework/framework';
import { decisionSource } from '../../domain/proposal/proposal';
import { DomainError } from '../../domain/shared/errors';
import { emptyIfNothingShows } from '../../domain/shared/text';
import {
  answeredMeanwhile,
  answerNoticeKey,
  DecidedProposal,
  isAnsweringManager,
  managerAnswerText,
  managerCardKey,
  ManagerCardView,
  mayBePutBefore,
  ProposalToManager,
  ProposalToManagerDelivery,
  ProposalToManagerRepository,
  proposalToManagerId,
  proposalWords,
  withAnswer,
  withAnswerConfirmed,
  withAnswerPressYielded,
  withoutAnswerPress,
} from '../../domain/talent-review/proposal-to-manager';
import { erasureUnfinished, refuseWhileErasing } from '../verantwoording/erasure-ticket';
import { leftAtOf, proposalsContributedTo } from '../verantwoording/group-traces';
import { TalentReviewDeps } from './deps';
import { managerNameOf } from './request-review';

export type PutBeforeDeps = Pick<TalentReviewDeps, 'directory' | 'verantwoording' | 'clock'> & { proposalsToManager: ProposalToManagerRepository };

/**
 * Whether the member can put this proposal before their manager now: only one they contributed
 * to (`notYours` otherwise, also for a group they are not in), that their group adopted or adapted
 * (`notDecided`: rejected, undecided, an AI draft alone), and only with a manager in the directory.
 */
export type PutBeforeStatus =
  | { status: 'notYours' }
  | { status: 'notDecided' }
  | { status: 'noManager' }
  | { status: 'open'; managerId: string; managerName?: string; proposal: DecidedProposal };

/**
 * The proposal as the group decided it, from the member's own membership index (a point read in
 * their partition) and their traces in that one group (a single-partition query): never a search.
 */
export async function decidedProposalOf(deps: Pick<PutBeforeDeps, 'verantwoording'>, memberId: string, groupId: string, proposalId: string): Promise<{ status: 'notYours' } | { status: 'notDecided' } | { status: 'decided'; proposal: DecidedProposal }> {
  const v = deps.verantwoording;
  const entry = (await v.membership.groupsOf(memberId)).find((e) => e.groupId === groupId);
  if (!entry) return { status: 'notYours' };
  const trace = await v.traces.traceOf(groupId, memberId);
  const p = proposalsContributedTo(trace, memberId, leftAtOf(trace, memberId, entry)).find((x) => x.id === proposalId);
  if (!p) return { status: 'notYours' };
  if (!p.decision || !mayBePutBefore(p.decision)) return { status: 'notDecided' };
  // Not the first step: it names who does what, and stays with the group.
  const { verdict, text, reason } = p.decision;
  return { status: 'decided', proposal: { verdict, source: decisionSource(p), text, reason } };
}

/** Asked when the form opens and again when it is sent: the proposal first, then the directory's manager now. */
export async function putBeforeStatus(deps: PutBeforeDeps, memberId: string, groupId: string, proposalId: string): Promise<PutBeforeStatus> {
  const decided = await decidedProposalOf(deps, memberId, groupId, proposalId);
  if (decided.status !== 'decided') return decided;
  const managerId = await deps.directory.managerOf(memberId);
  if (!managerId || managerId === memberId) return { status: 'noManager' };
  const managerName = await managerNameOf(deps, managerId);
  return { status: 'open', managerId, ...(managerName ? { managerName } : {}), proposal: decided.proposal };
}

/**
 * `managerChanged`: the directory names another manager than the form did (or the form named
 * none): nothing was sent; the status says whom a new form goes to. `earlierTry` on `sent`: an
 * earlier try of this press (its answer lost) had put it before the manager already, with other
 * words than this one's: the record's words went, these did not.
 */
export type PutBeforeOutcome =
  | Exclude<PutBeforeStatus, { status: 'open' }>
  | { status: 'sent'; record: ProposalToManager; earlierTry?: true }
  | { status: 'managerChanged'; now: Extract<PutBeforeStatus, { status: 'open' }> };

export interface PutBeforeInput {
  memberId: string;
  /** How the manager's card names them (their Teams name). */
  memberName?: string;
  groupId: string;
  proposalId: string;
  /** Their optional words, as typed. */
  words?: string;
  /** The key of the send press, set when the form was rendered. */
  pressKey: string;
  /** The manager the form named (its button's data): the words were written for them, so nobody else gets them. */
  namedManagerId?: string;
  /** The language her send is answered in: what comes back to her later is told in it (see ProposalToManager.language). */
  language?: Language;
}

/** What the manager's card shows of a record. */
export function managerViewOf(record: ProposalToManager): ManagerCardView {
  return { recordId: record.id, memberId: record.userId, ...(record.memberName ? { memberName: record.memberName } : {}), proposal: record.proposal, ...(record.words ? { words: record.words } : {}) };
}

/**
 * The member puts the proposal before their manager: a record in their own partition (its id
 * from member, proposal and press, so Teams delivering the press again finds it), then the
 * manager's card through the outbox under the record's key (one card however often it is asked).
 * Only to the manager the form named, if the directory still names them (`managerChanged`
 * otherwise: the words were written for someone else). Refused (`erasureUnderway`) while the
 * member's erasure is unfinished: it would delete the record after she was told it was sent.
 *
 * Write, then check again: the check at the start cannot see an erasure that begins while the
 * directory or the create takes its time, and a create landing after the erasure's last listing
 * of her partition, or a card queued after its outbox purge, would outlive "Je gegevens zijn
 * gewist". So once record and card are written, `erasedSinceSend` asks again, and a yes takes
 * both back (`takeBack`) and answers as the refusal does. Why no order leaves either behind: the
 * erasure's first write is its ticket and its last the ticket's delete; its index delete, the
 * anonymising of her part in the group, its outbox purge and its last listing all lie between.
 * - The check reads no ticket and finds the proposal hers: the erasure had not begun when the
 *   ticket was read (had it finished, the check's later read would find her index gone). Record
 *   and card were written before that read, so before the erasure began: its listing deletes the
 *   record, its purge the card (or the card went out before she asked to be erased).
 * - The check reads the ticket, or no longer finds the proposal hers: the erasure began before
 *   the check; record and card are deleted here, whatever the erasure already did.
 * - The card cannot slip out between its queueing and the take-back: the outbox asks
 *   `managerCardMayGo`, the same check, just before it sends, so once the erasure has begun the
 *   card is skipped.
 * A card that could not be queued takes the record back too: an error card means nothing was
 * stored, and the same press again creates both once. Not when Teams delivered the press again
 * (the first was slow) and that delivery answered "sent": a delivery that finds the record kept
 * by another marks it `confirmed` once the card is queued, before it answers; a take-back leaves a
 * confirmed record and its card alone (and answers "sent" as well), and a confirm that finds the
 * record taken back fails (the error card), also when it was written again since: it replaces only
 * the record as this delivery found it.
 */
export async function putProposalBeforeManager(deps: PutBeforeDeps, delivery: ProposalToManagerDelivery, input: PutBeforeInput): Promise<PutBeforeOutcome> {
  // The words first: refused ones come back to the form before anything is looked up.
  // Words of only invisible characters (emoji endings too: variation selectors, tags) are none.
  const words = proposalWords(emptyIfNothingShows(input.words));
  await refuseWhileErasing(deps.verantwoording, input.memberId);
  const id = proposalToManagerId(input.memberId, input.proposalId, input.pressKey);
  const earlier = await deps.proposalsToManager.getVersioned(input.memberId, id);
  let record = earlier?.record;
  // The version this delivery found or wrote: its confirm replaces only that one.
  let version = earlier?.version;
  let created = false;
  if (!record) {
    const status = await putBeforeStatus(deps, input.memberId, input.groupId, input.proposalId);
    if (status.status !== 'open') return status;
    if (status.managerId !== input.namedManagerId) return { status: 'managerChanged', now: status };
    const name = input.memberName?.trim();
    const fresh: ProposalToManager = {
      id,
      type: 'proposalToManager',
      userId: input.memberId,
      ...(name ? { memberName: name } : {}),
      groupId: input.groupId,
      proposalId: input.proposalId,
      managerId: status.managerId,
      ...(status.managerName ? { managerName: status.managerName } : {}),
      proposal: status.proposal,
      ...(words ? { words } : {}),
      sentAt: deps.clock.now().toISOString(),
      ...(input.language ? { language: input.language } : {}),
    };
    ({ record, created, version } = await deps.proposalsToManager.create(fresh));
  }
  const sent = record;
  if (sent.managerId) {
    const queued = await delivery.toManager(sent.managerId, managerViewOf(sent), managerCardKey(sent.id)).then(
      () => true,
      async (err: unknown) => {
        // She is told it was not saved, so it is not: the record goes (best effort; a card whose
        // queue did land meanwhile is skipped by the outbox's check, as its record is gone). The
        // same press again creates record and card once more, under the same keys. Not a record
        // another delivery of this press confirmed: it queued the card and answered "sent", and
        // this delivery then says so too.
        if ((await takeBackUnconfirmed(deps, delivery, sent).catch(() => true)) === 'confirmed') return false;
        throw err;
      },
    );
    // Kept by another delivery of this press, whose own queue may still fail and take it back:
    // confirmed first, so it no longer can. Gone already, or taken back and written again since
    // (pressed again; a late create after her erasure's sweep): the error card. Confirming that
    // other send would keep it, as "sent", should its own queue fail (found in review, stop 62).
    if (queued && !created && (await deps.proposalsToManager.confirm(sent.userId, sent.id, { record: sent, ...(version ? { version } : {}) })) === 'takenBack') {
      throw new Error('the proposal put before the manager was taken back since this delivery found it');
    }
  }
  if (await erasedSinceSend(deps, input.memberId, sent.groupId, sent.proposalId)) {
    await takeBack(deps, delivery, sent);
    throw new DomainError('erasureUnderway', 'their erasure began while the proposal was put before the manager');
  }
  // Kept under this press before (a try whose answer was lost, the form then changed and pressed
  // again) with other words: those went, and these must not read as sent (as the tab's 409 alreadySent says).
  if (!created && (sent.words ?? '') !== (words ?? '')) return { status: 'sent', record: sent, earlierTry: true };
  return { status: 'sent', record: sent };
}

/**
 * Whether the member's erasure began (or began and finished) since the send read her data: its
 * ticket is there, from the erasure's first write to its last; or the proposal is no longer hers
 * to put before anyone, as a finished erasure leaves it: her membership index deleted and her
 * part in the group anonymous, both before its ticket goes. A point read, then (when no ticket)
 * the same reads the send began with.
 */
export async function erasedSinceSend(deps: PutBeforeDeps, memberId: string, groupId: string, proposalId: string): Promise<boolean> {
  if (await erasureUnfinished(deps.verantwoording, memberId)) return true;
  return (await decidedProposalOf(deps, memberId, groupId, proposalId)).status === 'notYours';
}

/** Asked by the outbox just before the manager's card goes: its record is still there, and her erasure has not begun. */
export async function managerCardMayGo(deps: PutBeforeDeps, memberId: string, recordId: string): Promise<boolean> {
  const record = await deps.proposalsToManager.get(memberId, recordId);
  return !!record && !(await erasedSinceSend(deps, memberId, record.groupId, record.proposalId));
}

/** A send whose card could not be queued, taken back unless another delivery of the press confirmed it: the record first, under its ETag, then the card. */
async function takeBackUnconfirmed(deps: PutBeforeDeps, delivery: ProposalToManagerDelivery, record: ProposalToManager): Promise<'takenBack' | 'confirmed'> {
  if (!(await deps.proposalsToManager.deleteUnconfirmed(record.userId, record.id))) return 'confirmed';
  await delivery.withdrawFromManager(managerCardKey(record.id));
  return 'takenBack';
}

/** A send taken back: the record first (the outbox's check then skips the card), then the card itself. */
async function takeBack(deps: PutBeforeDeps, delivery: ProposalToManagerDelivery, record: ProposalToManager): Promise<void> {
  await deps.proposalsToManager.delete(record.userId, record.id);
  await delivery.withdrawFromManager(managerCardKey(record.id));
}

/**
 * `replaced` on `answered`: this press's words are not the answer that stands (the record's): another
 * answer of the manager's stands instead, given at the same time (on another device) or later (this
 * press delivered again after it). Its own words, as this press sent them, so the card never shows
 * the other answer under "sent" as if it were this one.
 */
export type AnswerOutcome = { status: 'notFound' } | { status: 'notTheManager' } | { status: 'answered'; record: ProposalToManager; replaced?: { text: string } };

export interface AnswerInput {
  managerId: string;
  memberId: string;
  recordId: string;
  text?: string;
  pressKey: string;
}

/** The record the manager's card is about, for the manager it names only. */
export async function recordForManager(deps: Pick<PutBeforeDeps, 'proposalsToManager'>, managerId: string, memberId: string, recordId: string): Promise<{ status: 'notFound' } | { status: 'notTheManager' } | { status: 'found'; record: ProposalToManager }> {
  const record = await deps.proposalsToManager.get(memberId, recordId);
  if (!record) return { status: 'notFound' };
  return isAnsweringManager(record, managerId) ? { status: 'found', record } : { status: 'notTheManager' };
}

/**
 * The manager answers: stored on the member's record under its ETag (a later answer replaces an
 * earlier one), then the member is told in their own chat under a key of this press, so a press
 * delivered again stores and tells once. Only the manager the record names may answer. A notice
 * that cannot be queued takes the answer this delivery stored back (the error card: nothing
 * stored); a delivery that found the press stored by another confirms it once its notice is
 * queued (one write more, only on a redelivery), so that other one no longer takes it back.
 * A press that finds another answer stored since it read the record (the manager answering on two
 * devices at once) yields to it: no notice, `replaced`, only its key stored (delivered again, it
 * yields again). Had it replaced that answer, the device that stored it would have said "sent" of
 * words the member never reads, and that device cannot know without a read more on every answer
 * (found in review, stop 60); the press that yields knows from the reads it makes anyway (its
 * update's read, or the re-read after the ETag's 412).
 */
export async function answerProposal(deps: PutBeforeDeps, delivery: ProposalToManagerDelivery, input: AnswerInput): Promise<AnswerOutcome> {
  const found = await recordForManager(deps, input.managerId, input.memberId, input.recordId);
  if (found.status !== 'found') return found;
  const text = managerAnswerText(emptyIfNothingShows(input.text));
  const at = deps.clock.now().toISOString();
  const answered = (r: ProposalToManager) => {
    if (!isAnsweringManager(r, input.managerId)) throw new DomainError('forbidden', 'answer by another than the record names');
    return withAnswer(r, text, input.pressKey, at);
  };
  // Whether this delivery's write stored the answer (the try the ETag let through), or found the press stored.
  let wrote = false;
  const stored = await deps.proposalsToManager.update(input.memberId, input.recordId, (r) => {
    wrote = false;
    // Checked first as `answered` does (a press delivered again is not one that yields).
    if (isAnsweringManager(r, input.managerId) && !r.answerKeys?.includes(input.pressKey) && answeredMeanwhile(found.record, r)) return withAnswerPressYielded(r, input.pressKey);
    const next = answered(r);
    wrote = next !== r;
    return next;
  });
  // A press whose answer another replaced, or that yielded to another, tells nothing (that one told).
  // Told so, with its own words, unless they are the words that stand.
  if (stored.answer?.key !== input.pressKey) return { status: 'answered', record: stored, ...(stored.answer?.text === text ? {} : { replaced: { text } }) };
  try {
    await delivery.answerToMember(stored, stored.answer.text, answerNoticeKey(stored.id, input.pressKey));
  } catch (err) {
    if (!wrote) throw err;
    // The notice could not be queued: the answer this delivery stored is taken back (the one it
    // replaced stands again), so the error card means nothing was stored, and pressing again
    // stores and tells once. Not once another delivery of the press confirmed it (its notice
    // queued, "answered" told): then this one answers so too. Best effort, as a send's take-back.
    const now = await deps.proposalsToManager.update(input.memberId, input.recordId, (r) => withoutAnswerPress(r, input.pressKey, found.record.answer)).catch(() => undefined);
    if (now?.answer?.key === input.pressKey && now.answer.confirmed) return { status: 'answered', record: now };
    throw err;
  }
  if (wrote) return { status: 'answered', record: stored };
  // Stored by another delivery of this press, which may still take it back (its notice failing):
  // confirmed, so it no longer can; taken back already, stored again here (this notice is queued).
  const confirmed = await deps.proposalsToManager.update(input.memberId, input.recordId, (r) => withAnswerConfirmed(answered(r), input.pressKey));
  return { status: 'answered', record: confirmed };
}
