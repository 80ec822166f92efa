import { Language } from '../framework/framework';
import { DecisionSource } from '../proposal/proposal';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { overLimit, trimText, withoutControlCharacters } from '../shared/text';

/** The longest words a member adds when they put an adopted proposal before their manager. */
export const MAX_PROPOSAL_WORDS_LENGTH = 1000;
/** The longest answer a manager gives to it. */
export const MAX_MANAGER_ANSWER_LENGTH = 2000;
/** How many answer presses a record remembers: far more than a manager answers in the minutes Teams redelivers in. */
export const ANSWER_KEYS_KEPT = 20;

/**
 * The proposal as the group decided it, as the member previewed it and the manager (or L&O) sees
 * it: the group's own words (adapt), or the AI draft the group adopted as it is (labelled so
 * wherever it shows), with the group's reason. No member's name, no other answer of the group, and
 * not the first step: it names who does what ("wie doet wat, wanneer?") and stays with the group.
 */
export interface DecidedProposal {
  verdict: 'accept' | 'adapt';
  /**
   * 'adoptedAiDraft': the AI's words, adopted as they are; 'adaptedFromAiDraft': the group's own
   * words, made from an AI draft; 'decision': the group's own text.
   */
  source: DecisionSource;
  text: string;
  reason: string;
  /** Only on records stored before the first step stayed with the group: kept, never shown. */
  firstStep?: string;
}

/**
 * One member puts a proposal their group adopted before their own manager (seed: "welke voorstellen
 * voor verbeteringen en innovaties"; "zijn eerder ingebrachte voorstellen"). It is the member's act,
 * never the group's: it lives in the member's own partition, and their erasure deletes it.
 */
export interface ProposalToManager {
  id: string;
  type: 'proposalToManager';
  /** The member who put it before their manager (the partition). */
  userId: string;
  /** How the manager's card names the member (their Teams name when they sent it). */
  memberName?: string;
  groupId: string;
  proposalId: string;
  /** The manager it went to; gone once that manager's data is erased (the answer's words stay). */
  managerId?: string;
  /** How the directory named the manager when it was sent; gone with `managerId`. */
  managerName?: string;
  proposal: DecidedProposal;
  /** The member's own words, if any, shown to the manager as plain text. */
  words?: string;
  sentAt: string;
  /** The manager's answer: a later answer replaces an earlier one. */
  answer?: { text: string; at: string; key: string; confirmed?: true };
  /** The keys of the latest answer presses (see `answerKey`): a press delivered again stores nothing twice. */
  answerKeys?: string[];
  /** Teams refused the manager's chat for good: the card never reached them (the member was told). */
  undelivered?: true;
  /**
   * A delivery of the send press that found the record kept by another (Teams delivering it
   * again) queued the manager's card and answered "sent" on it: no failing delivery takes it back.
   */
  confirmed?: true;
  /**
   * The language the member's send was answered in (their Teams client's when they chose none):
   * what comes back to them outside their turn (not delivered, the manager's answer) is told in it
   * while they choose none. Absent on records from before it was kept: the default then.
   */
  language?: Language;
  /**
   * How many times the record was changed since it was created (set by the store on each change):
   * it only grows while the record lives, so a send's confirm that finds it at or below the count
   * it read, under another version, knows the record was taken back and created again, also when
   * a change left it exactly as it was (an answer taken back). Absent: none counted (as created,
   * or changed only before the count was kept).
   */
  rev?: number;
}

/** The record's id: one per member, proposal and press of the form's send button (a redelivered press is one record). */
export function proposalToManagerId(memberId: string, proposalId: string, pressKey: string): string {
  return stableId('ptm', memberId, proposalId, pressKey);
}

/** The outbox key of the manager's card for this record. */
export function managerCardKey(recordId: string): string {
  return `talentReview.proposalToManager:${recordId}`;
}

/** The outbox key of the member's notice of one answer press. */
export function answerNoticeKey(recordId: string, answerPressKey: string): string {
  return `talentReview.proposalAnswer:${stableId('pta', recordId, answerPressKey)}`;
}

/** Only a proposal the group adopted as it is or adapted can be put before a manager: not a rejected one, nor an undecided AI draft. */
export function mayBePutBefore(decision: { verdict: string } | undefined): decision is { verdict: 'accept' | 'adapt' } {
  return decision?.verdict === 'accept' || decision?.verdict === 'adapt';
}

function cleaned(text: string | undefined): string {
  return trimText(withoutControlCharacters(text ?? ''));
}

/** The member's words as sent: trimmed, without control characters; refused over the limit; empty is none. */
export function proposalWords(text: string | undefined): string | undefined {
  const words = cleaned(text);
  const overWords = overLimit(words, MAX_PROPOSAL_WORDS_LENGTH);
  if (overWords) {
    throw new DomainError('invalidInput', { detail: 'proposal words too long', input: { field: 'words', rule: 'tooLong', params: { max: MAX_PROPOSAL_WORDS_LENGTH, count: overWords } } });
  }
  return words || undefined;
}

/** The manager's answer as stored: required, and refused over the limit. */
export function managerAnswerText(text: string | undefined): string {
  const answer = cleaned(text);
  if (!answer) throw new DomainError('invalidInput', { detail: 'manager answer empty', input: { field: 'answer', rule: 'required' } });
  const overAnswer = overLimit(answer, MAX_MANAGER_ANSWER_LENGTH);
  if (overAnswer) {
    throw new DomainError('invalidInput', { detail: 'manager answer too long', input: { field: 'answer', rule: 'tooLong', params: { max: MAX_MANAGER_ANSWER_LENGTH, count: overAnswer } } });
  }
  return answer;
}

/** Whether this user is the manager the record names (a forwarded card pressed by anyone else is refused). */
export function isAnsweringManager(record: ProposalToManager, userId: string): boolean {
  return !!record.managerId && record.managerId === userId;
}

/**
 * The record with the manager's answer: a press already applied (Teams delivering it again)
 * returns the record unchanged; any other press replaces the answer.
 */
export function withAnswer(record: ProposalToManager, answer: string, key: string, at: string): ProposalToManager {
  if (record.answerKeys?.includes(key)) return record;
  const answerKeys = [...(record.answerKeys ?? []), key].slice(-ANSWER_KEYS_KEPT);
  return { ...record, answer: { text: answer, at, key }, answerKeys };
}

/**
 * Whether another answer press was stored since `seen` was read: the answer stored `now` is of a
 * press `seen` did not know (the manager answering on two devices at once, each served by another
 * instance). A press that finds one yields to it, so that the answer that stands is the one whose
 * device said "sent" (found in review, stop 60). An answer taken back meanwhile, the one `seen`
 * held standing again, is none; nor a record from before the keys were kept.
 */
export function answeredMeanwhile(seen: ProposalToManager, now: ProposalToManager): boolean {
  const key = now.answer?.key;
  return !!key && key !== seen.answer?.key && !(seen.answerKeys ?? []).includes(key);
}

/**
 * The record with an answer press that yielded to another (see `answeredMeanwhile`) remembered, the
 * answer left as it stands: the press delivered again is one already applied, so it yields again
 * rather than replace the answer it yielded to.
 */
export function withAnswerPressYielded(record: ProposalToManager, key: string): ProposalToManager {
  if (record.answerKeys?.includes(key)) return record;
  return { ...record, answerKeys: [...(record.answerKeys ?? []), key].slice(-ANSWER_KEYS_KEPT) };
}

/**
 * The record with an answer press taken back, its notice not queued: the answer it replaced
 * (`before`) stands again and the press is forgotten, so pressing again stores it once. The same
 * record when a later press replaced that answer, or a delivery of the press confirmed it.
 */
export function withoutAnswerPress(record: ProposalToManager, key: string, before: ProposalToManager['answer']): ProposalToManager {
  if (record.answer?.key !== key || record.answer.confirmed) return record;
  const { answer: _taken, ...rest } = record;
  return { ...rest, ...(before ? { answer: before } : {}), answerKeys: (record.answerKeys ?? []).filter((k) => k !== key) };
}

/** The record with this press's answer marked confirmed (its notice queued by a delivery that did not write it); the same record otherwise. */
export function withAnswerConfirmed(record: ProposalToManager, key: string): ProposalToManager {
  if (record.answer?.key !== key || record.answer.confirmed) return record;
  return { ...record, answer: { ...record.answer, confirmed: true } };
}

/** The record once Teams refused the manager's card for good: the overview says it did not arrive. */
export function asUndelivered(record: ProposalToManager): ProposalToManager {
  return record.undelivered ? record : { ...record, undelivered: true };
}

/** The record once its manager's data is erased: the answer's words stay, nothing names the manager. */
export function withoutManager(record: ProposalToManager): ProposalToManager {
  if (record.managerId === undefined && record.managerName === undefined) return record;
  const { managerId: _id, managerName: _name, ...rest } = record;
  return rest;
}

/** Port: the records, each in its member's own partition. */
export interface ProposalToManagerRepository {
  /** A point read in the member's partition; another member's id finds nothing. */
  get(memberId: string, id: string): Promise<ProposalToManager | undefined>;
  /** The same point read, with the record's version: what a `confirm` later in the turn replaces under. */
  getVersioned(memberId: string, id: string): Promise<{ record: ProposalToManager; version: string } | undefined>;
  /** Idempotent: the stored record when the id is taken; `version` as stored, for a `confirm` later in the turn. */
  create(record: ProposalToManager): Promise<{ record: ProposalToManager; created: boolean; version?: string }>;
  /** ETag read-modify-write in the member's partition. */
  update(memberId: string, id: string, mutate: (r: ProposalToManager) => ProposalToManager): Promise<ProposalToManager>;
  /** Deletes the record (a send taken back: see put-proposal-before-manager.ts); nothing there is fine. */
  delete(memberId: string, id: string): Promise<void>;
  /**
   * Marks the record `confirmed` (nothing written when it is already), before a delivery that did
   * not create it answers "sent": replaced only under the version this delivery found (`found`, as
   * its read or create gave it), or as changed since by what happens to a send (an answer, its
   * manager's erasure). `takenBack` when it is gone, or is another send under the same id: taken
   * back meanwhile and written again (pressed again, or a late create after her erasure's sweep),
   * whose own delivery answers for it (found in review, stop 62); this one must not say it was sent.
   */
  confirm(memberId: string, id: string, found: { record: ProposalToManager; version?: string }): Promise<ProposalToManager | 'takenBack'>;
  /**
   * A send's take-back after its card could not be queued: deletes the record under its ETag
   * unless it is `confirmed`. False when confirmed (it stays); true when deleted, or gone already.
   */
  deleteUnconfirmed(memberId: string, id: string): Promise<boolean>;
}

/** Port: a manager's export and erasure (a query across partitions, at their own request only). */
export interface ProposalsToManagerErasure {
  /** Every record that names this manager loses the name; returns how many changed. */
  forgetManager(managerId: string): Promise<number>;
  /** Every record that names this manager: what was put before them, in their own export. */
  putBefore(managerId: string): Promise<ProposalToManager[]>;
}

/** What the manager's card shows, and who it is about. */
export interface ManagerCardView {
  recordId: string;
  memberId: string;
  memberName?: string;
  proposal: DecidedProposal;
  words?: string;
}

/**
 * Port: the cards that go through the outbox. `key` sends each once; the manager's card is
 * addressed to the manager and about the member, the answer's notice addressed to the member and
 * about the manager, so either one's erasure takes both out of the outbox.
 */
export interface ProposalToManagerDelivery {
  toManager(managerId: string, view: ManagerCardView, key: string): Promise<void>;
  /** Takes the manager's card queued under `key` out of the outbox, whatever its state; none there is fine. */
  withdrawFromManager(key: string): Promise<void>;
  answerToMember(record: ProposalToManager, answer: string, key: string): Promise<void>;
}
