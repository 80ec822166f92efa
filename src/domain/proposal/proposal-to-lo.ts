import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { overLimit, showsNothing, trimText, withoutControlCharacters } from '../shared/text';
import { DecidedProposal, mayBePutBefore } from '../talent-review/proposal-to-manager';
import { Group } from '../week-cycle/group';
import { Mutate } from '../week-cycle/ports';
import { decisionSource, Proposal, ProposalLoMirror } from './proposal';

/**
 * A proposal the group adopted or adapted, shared with L&O on behalf of the group ("inspraak ten
 * behoeve van innovatie"). Organisation data in the tenant's partition: the group's name and its
 * decision, never a member's name or id, answer, energy or judgement. One per tenant and proposal:
 * two members sharing at once, or a press delivered again, meet on the same document.
 */
export interface SharedProposal {
  id: string;
  tenantId: string;
  groupId: string;
  proposalId: string;
  groupName: string;
  /**
   * The proposal as the group decided it (the group's words, the AI draft it adopted as it is, or its
   * words made from one) and its reason. Not its first step: that names who does what ("wie doet
   * wat, wanneer?") and stays with the group; records stored before hold it, and no card shows it.
   */
  proposal: DecidedProposal;
  decidedAt: string;
  sharedAt: string;
  /** Counts the writes: 1 when shared, one more per answer. L&O's answer form names the revision it showed. */
  revision: number;
  /** L&O's answer: its own words, plain text. A later answer replaces it. */
  answer?: { text: string; at: string; key: string };
  /** The keys of the latest answer presses (random per form, no person): a press delivered again stores once. */
  keys: string[];
  /**
   * When the group's notice of the share went out (or was given up) and its outbox hook took over
   * telling L&O: from then on a press asks for no notice. Absent: no notice went out yet, so a
   * press asks for it (under its key: once however often it is asked); also on records from before it was kept.
   */
  noticedAt?: string;
}

/** L&O's answer: its own words, at most this long. */
export const MAX_LO_ANSWER_LENGTH = 2000;
/** How many answer presses' keys a shared proposal keeps. */
export const SHARED_PROPOSAL_KEYS_KEPT = 20;
/** How many shared proposals L&O's list shows at once (newest first); the rest on the next page. */
export const SHARED_PROPOSALS_PAGE = 8;

export function sharedProposalId(tenantId: string, proposalId: string): string {
  return stableId('plo', tenantId, proposalId);
}

/** The key of one answer press: the form's key and the words as read. The same press again has it; other words do not. */
export function loAnswerPressKey(formKey: string, text: string): string {
  return stableId('loa', formKey, text);
}

/**
 * Whether a card offers "Delen met L&O" for this decision: adopted or adapted, with a text that
 * shows (never a rejection, no decision, an AI draft alone, or words of only tag characters stored
 * before the decision form refused them: L&O would get "the group's words" and read nothing).
 * Read from the decision the card already shows; the press checks it again (shareableProposal)
 * and finds out only then whether it was shared already.
 */
export function offersShareWithLo(decision: { verdict: string; text: string } | undefined): boolean {
  return mayBePutBefore(decision) && !showsNothing((decision as { text: string }).text);
}

/**
 * What a member may share for the group, or why not: only a member the group names now
 * (`notAMember`: someone who left, or anyone outside the group with a forwarded or forged card),
 * only a proposal of this group that it adopted or adapted (`notDecided`: rejected, undecided, an
 * AI draft alone, a text that shows nothing: see `offersShareWithLo`).
 */
export function shareableProposal(group: Group | undefined, proposal: Proposal | undefined, memberId: string): { status: 'notAMember' } | { status: 'notDecided' } | { status: 'shareable'; decided: DecidedProposal; decidedAt: string } {
  if (!group || !group.members.some((m) => m.id === memberId)) return { status: 'notAMember' };
  if (!proposal || proposal.groupId !== group.id || !proposal.decision || !mayBePutBefore(proposal.decision)) return { status: 'notDecided' };
  const { verdict, text, reason, at } = proposal.decision;
  if (showsNothing(text)) return { status: 'notDecided' };
  // The first step names who does what: it stays with the group (HR's report withholds it too).
  return { status: 'shareable', decided: { verdict, source: decisionSource(proposal), text, reason }, decidedAt: at };
}

/**
 * L&O's words as sent: trimmed, without control characters; required (something that shows: an
 * answer of only tag characters or a variation selector would replace a real one, and the group
 * would read "Antwoord van L&O:" and nothing), and refused over the limit.
 */
export function loAnswerText(text: unknown): string {
  const words = trimText(withoutControlCharacters(typeof text === 'string' ? text : ''));
  if (showsNothing(words)) throw new DomainError('invalidInput', { detail: 'lo answer empty', input: { field: 'answer', rule: 'required' } });
  const over = overLimit(words, MAX_LO_ANSWER_LENGTH);
  if (over) throw new DomainError('invalidInput', { detail: 'lo answer too long', input: { field: 'answer', rule: 'tooLong', params: { max: MAX_LO_ANSWER_LENGTH, count: over } } });
  return words;
}

/** The refusal of an answer made on a form that showed an older revision: the form comes back with what is stored. */
export const ANSWERED_MEANWHILE = { field: 'rev', rule: 'format', params: { changedMeanwhile: 1 } } as const;

/** Port: the shared proposals, one document each in the tenant's partition, answered under its ETag. */
export interface SharedProposalRepository {
  get(tenantId: string, id: string): Promise<SharedProposal | undefined>;
  /** Every shared proposal of one tenant (one partition, one query). */
  listOfTenant(tenantId: string): Promise<SharedProposal[]>;
  /** Creates it; when it exists already, returns that one with `created: false`. */
  create(shared: SharedProposal): Promise<{ shared: SharedProposal; created: boolean }>;
  /** ETag read-modify-write; a mutate that returns its input writes nothing. */
  update(tenantId: string, id: string, mutate: Mutate<SharedProposal>): Promise<SharedProposal>;
  /** Sets `noticedAt` (ETag-guarded; kept when set already, then no write) and returns the record; undefined when it is gone. */
  markNoticed(tenantId: string, id: string, at: string): Promise<SharedProposal | undefined>;
}

/** Port: the group and one of its proposals, read together in the group's partition (one request). */
export interface GroupProposalReader {
  groupAndProposal(groupId: string, proposalId: string): Promise<{ group?: Group; proposal?: Proposal }>;
  group(groupId: string): Promise<Group | undefined>;
}

/**
 * The proposal with what its shared record holds now (date, latest answer), for the members' look
 * back. Only a newer revision is written over an older one (a late hook of an earlier answer writes
 * nothing); the same revision again is the proposal itself (no write). Its `updatedAt` stays: the
 * group did not change its proposal.
 */
export function withLoMirror(p: Proposal, shared: Pick<SharedProposal, 'proposalId' | 'groupId' | 'sharedAt' | 'revision' | 'answer'>): Proposal {
  if (p.id !== shared.proposalId || p.groupId !== shared.groupId) return p;
  if (p.lo && p.lo.revision >= shared.revision) return p;
  const lo: ProposalLoMirror = { sharedAt: shared.sharedAt, revision: shared.revision, ...(shared.answer ? { answer: { text: shared.answer.text, at: shared.answer.at } } : {}) };
  return { ...p, lo };
}
