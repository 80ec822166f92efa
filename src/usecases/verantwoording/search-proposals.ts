import { Proposal } from '../../domain/proposal/proposal';
import { isMember } from '../../domain/week-cycle/group';
import { VerantwoordingDeps } from './deps';
import { summariseProposal, ProposalSummary } from './overview';

/** Bounds that keep a search well inside Teams' five seconds for an invoke. */
export const SEARCH_LIMITS = { groups: 50, proposals: 200, results: 25, termLength: 100 } as const;

export interface ProposalHit extends ProposalSummary {
  createdAt: string;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function haystack(p: Proposal): string {
  const s = summariseProposal(p);
  return fold([p.groupName, p.title, s.text, s.firstStep ?? ''].join('\n'));
}

/**
 * Proposals of the groups the caller is a member of, newest first, matching every word of the
 * term. Groups the caller is not in are never searched: membership is checked on the group
 * record itself, not taken from the request.
 */
export async function searchProposals(deps: VerantwoordingDeps, userId: string, term: string, page: { skip?: number; count?: number } = {}): Promise<ProposalHit[]> {
  const groups = (await deps.groups.listByMember(userId, SEARCH_LIMITS.groups)).filter((g) => isMember(g, userId));
  if (groups.length === 0) return [];
  const allowed = new Set(groups.map((g) => g.id));
  const proposals = (await deps.proposals.listRecentByGroups([...allowed], SEARCH_LIMITS.proposals)).filter((p) => allowed.has(p.groupId));
  const words = fold(term.slice(0, SEARCH_LIMITS.termLength)).split(/\s+/).filter(Boolean);
  const hits = proposals.filter((p) => {
    const hay = haystack(p);
    return words.every((w) => hay.includes(w));
  });
  const skip = Math.max(0, page.skip ?? 0);
  const count = Math.min(SEARCH_LIMITS.results, Math.max(1, page.count ?? SEARCH_LIMITS.results));
  return hits.slice(skip, skip + count).map((p) => ({ ...summariseProposal(p), createdAt: p.createdAt }));
}
