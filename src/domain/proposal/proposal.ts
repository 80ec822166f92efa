import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { DraftFailure, ProposalDraft } from './proposal-draft';

export type Verdict = 'accept' | 'adapt' | 'reject';
export const VERDICTS: readonly Verdict[] = ['accept', 'adapt', 'reject'];

/**
 * One member's judgement of the cycle's proposal: its own document in the group's partition
 * (one per member, replaced when the member changes their mind), so members judge at once
 * without rewriting a shared document.
 */
export interface Judgement {
  id: string;
  type: 'judgement';
  groupId: string;
  cycleId: string;
  proposalId: string;
  memberId: string;
  memberName: string;
  verdict: Verdict;
  reason: string;
  at: string;
}

export interface Decision {
  verdict: Verdict;
  /** The proposal as the group adopts it (the AI draft, adapted, or the group's own). */
  text: string;
  firstStep: string;
  decidedBy: string;
  at: string;
}

export type AiState =
  | { status: 'none' }
  | { status: 'drafting'; since: string; requestedBy: string }
  | { status: 'drafted'; draft: ProposalDraft; at: string }
  | { status: 'failed'; reason: DraftFailure; at: string };

/**
 * The improvement proposal of one cycle: the organisation's record of improvements. Judgements
 * are documents of their own (see Judgement); who contributed follows from the group's items.
 */
export interface Proposal {
  id: string;
  type: 'proposal';
  groupId: string;
  groupName: string;
  cycleId: string;
  sessionId: string;
  title: string;
  ai: AiState;
  decision?: Decision;
  createdAt: string;
  updatedAt: string;
}

export function judgementId(proposalId: string, memberId: string): string {
  return stableId('jd', proposalId, memberId);
}

export const MAX_REASON_LENGTH = 1000;
export const DRAFT_STALE_AFTER_MS = 2 * 60_000;

export function newProposal(p: Omit<Proposal, 'type' | 'ai' | 'createdAt' | 'updatedAt'>, now: Date): Proposal {
  return { ...p, type: 'proposal', ai: { status: 'none' }, createdAt: now.toISOString(), updatedAt: now.toISOString() };
}

/**
 * Starts an AI draft unless one is already running (two members pressing at once start one),
 * or a previous attempt is stuck past the stale limit (an instance died while drafting).
 */
export function startDrafting(p: Proposal, memberId: string, now: Date): { proposal: Proposal; started: boolean } {
  if (p.decision) throw new DomainError('sessionClosed', 'proposal decided');
  if (p.ai.status === 'drafting' && now.getTime() - new Date(p.ai.since).getTime() < DRAFT_STALE_AFTER_MS) {
    return { proposal: p, started: false };
  }
  if (p.ai.status === 'drafted') return { proposal: p, started: false };
  return { proposal: { ...p, ai: { status: 'drafting', since: now.toISOString(), requestedBy: memberId }, updatedAt: now.toISOString() }, started: true };
}

export function finishDrafting(p: Proposal, result: { ok: true; draft: ProposalDraft } | { ok: false; reason: DraftFailure }, now: Date): Proposal {
  const ai: AiState = result.ok ? { status: 'drafted', draft: result.draft, at: now.toISOString() } : { status: 'failed', reason: result.reason, at: now.toISOString() };
  return { ...p, ai, updatedAt: now.toISOString() };
}

function cleanText(text: string, max: number, field: string): string {
  const t = text.trim();
  if (!t || t.length > max) throw new DomainError('invalidInput', field);
  return t;
}

/** A member's judgement of an undecided proposal, as the document to store. */
export function judge(p: Proposal, j: { memberId: string; memberName: string; verdict: Verdict; reason: string; at: string }): Judgement {
  if (p.decision) throw new DomainError('sessionClosed', 'proposal decided');
  if (!VERDICTS.includes(j.verdict)) throw new DomainError('invalidInput', 'verdict');
  const reason = cleanText(j.reason, MAX_REASON_LENGTH, 'reason');
  return { id: judgementId(p.id, j.memberId), type: 'judgement', groupId: p.groupId, cycleId: p.cycleId, proposalId: p.id, ...j, reason };
}

/** The group's decision. An adapted or own proposal needs its text; a first step is always needed, except on reject. */
export function decide(p: Proposal, judgements: readonly Judgement[], d: Decision): Proposal {
  if (!VERDICTS.includes(d.verdict)) throw new DomainError('invalidInput', 'verdict');
  if (judgements.filter((j) => j.proposalId === p.id).length === 0) throw new DomainError('proposalNotReady', 'no judgements yet');
  const text = cleanText(d.text, 4000, 'proposal text');
  const firstStep = d.verdict === 'reject' ? d.firstStep.trim() : cleanText(d.firstStep, MAX_REASON_LENGTH, 'first step');
  return { ...p, decision: { ...d, text, firstStep }, updatedAt: d.at };
}

/** The text the group is judging: the AI draft when there is one, otherwise the group's own answer. */
export function proposalText(p: Proposal, ownProposal: string): string {
  return p.ai.status === 'drafted' ? p.ai.draft.proposal : ownProposal;
}
