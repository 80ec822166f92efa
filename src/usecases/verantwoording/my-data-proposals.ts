import { Proposal } from '../../domain/proposal/proposal';
import { DecidedProposal, ProposalToManager } from '../../domain/talent-review/proposal-to-manager';
import { VerantwoordingDeps } from './deps';

/**
 * Proposals put before a manager in "mijn gegevens" (talent-review/proposal-to-manager.ts): as the
 * member who put them there, and as the manager they were put before. This file is the one place
 * that decides what each side gets.
 */

/** The member's own record, all of it but the technical keys of the answer presses. */
export type PutBeforeByMeExport = Omit<ProposalToManager, 'type' | 'userId' | 'answerKeys' | 'answer'> & { answer?: { text: string; at: string } };

/**
 * What the manager got: from whom, when, the proposal and the member's words as their card showed
 * them, and the answer they gave. A card Teams refused never reached them: that it was sent (and
 * by whom) is theirs to know, what it said is not.
 */
export interface PutBeforeMeExport {
  memberId: string;
  /** How their card named the member; absent: the card said "someone from your team". */
  memberName?: string;
  groupId: string;
  proposalId: string;
  sentAt: string;
  proposal?: DecidedProposal;
  words?: string;
  answer?: { text: string; at: string };
  /** Teams refused their chat for good: the card never reached them. */
  undelivered?: true;
}

/**
 * What a proposal's own record keeps about the person's part in it, beyond what they wrote and
 * judged (listed apart): that they took the group's decision (`decision.decidedBy`), or asked the
 * AI for the draft being written now (`ai.requestedBy`, kept only while it drafts). Only flags
 * about them: who else decided or asked is not theirs to export. The erasure forgets both.
 */
export interface MyPartInProposal {
  decidedByMe?: true;
  draftRequestedByMe?: true;
}

export function myPartIn(p: Proposal | undefined, userId: string): MyPartInProposal {
  return {
    ...(p?.decision?.decidedBy === userId ? { decidedByMe: true as const } : {}),
    ...(p?.ai.status === 'drafting' && p.ai.requestedBy === userId ? { draftRequestedByMe: true as const } : {}),
  };
}

const bySent = <T extends { sentAt: string }>(list: T[]) => list.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
const answerOf = (r: ProposalToManager) => (r.answer ? { answer: { text: r.answer.text, at: r.answer.at } } : {});

/** The proposals the person put before their manager: the records in their own partition (read with the rest of it). */
export function putBeforeByMe(own: readonly { type: string }[]): PutBeforeByMeExport[] {
  return bySent(
    own
      .filter((r): r is ProposalToManager => r.type === 'proposalToManager')
      .map((record) => {
        // Without the store's own marks (whether a send confirmed it, how often it changed): nothing of hers.
        const { type: _t, userId: _u, answerKeys: _k, answer: _a, confirmed: _c, rev: _r, ...r } = record;
        return { ...r, ...answerOf(record) };
      }),
  );
}

function forManager(r: ProposalToManager): PutBeforeMeExport {
  const received = r.undelivered ? {} : { proposal: r.proposal, ...(r.words ? { words: r.words } : {}) };
  return {
    memberId: r.userId,
    ...(r.memberName ? { memberName: r.memberName } : {}),
    groupId: r.groupId,
    proposalId: r.proposalId,
    sentAt: r.sentAt,
    ...received,
    ...answerOf(r),
    ...(r.undelivered ? { undelivered: true as const } : {}),
  };
}

/**
 * The proposals put before the person as a manager. They live in each member's own partition (the
 * member's act, erased with the member), so this is a query across partitions, as the manager's
 * erasure makes (`forgetManager`): only at the person's own request. Absent port: none kept.
 */
export async function putBeforeMe(deps: VerantwoordingDeps, userId: string): Promise<PutBeforeMeExport[]> {
  const records = (await deps.dataRights.proposalsToManager?.putBefore(userId)) ?? [];
  return bySent(records.filter((r) => r.managerId === userId).map(forManager));
}
