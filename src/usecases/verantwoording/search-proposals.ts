import { Proposal } from '../../domain/proposal/proposal';
import { isMember } from '../../domain/week-cycle/group';
import { VerantwoordingDeps } from './deps';
import { summariseProposal, ProposalSummary } from './overview';

/** Bounds that keep a search well inside Teams' five seconds for an invoke. */
export const SEARCH_LIMITS = { groups: 50, proposals: 200, results: 25, termLength: 100 } as const;

/**
 * A search hit goes into any chat (with a manager, HR, another team): never the first step, which
 * names who does what and stays with the group; only whether the group agreed one.
 */
export interface ProposalHit extends Omit<ProposalSummary, 'firstStep'> {
  createdAt: string;
  hasFirstStep?: boolean;
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function haystack(p: Proposal): string {
  const s = summariseProposal(p);
  // Not the first step: a search for a colleague's commitment must not find the record.
  return fold([p.groupName, p.title, s.text, s.reason ?? ''].join('\n'));
}

/** The groups the person is a member of now: their index names the candidates, each group record decides. */
export async function myGroups(deps: VerantwoordingDeps, userId: string, limit: number = SEARCH_LIMITS.groups) {
  const entries = (await deps.membership.groupsOf(userId)).filter((e) => e.member).slice(0, limit);
  const groups = await Promise.all(entries.map((e) => deps.groups.get(e.groupId)));
  return groups.filter((g) => g !== undefined && isMember(g, userId));
}

/**
 * Proposals of the groups the caller is a member of, newest first, matching every word of the
 * term. Candidates come from the caller's own membership index; each group's partition is read
 * with one query and its group record decides membership, never the request.
 */
export async function searchProposals(deps: VerantwoordingDeps, userId: string, term: string, page: { skip?: number; count?: number } = {}): Promise<ProposalHit[]> {
  const entries = (await deps.membership.groupsOf(userId)).filter((e) => e.member).slice(0, SEARCH_LIMITS.groups);
  const found = await Promise.all(entries.map((e) => deps.traces.proposalsOf(e.groupId, SEARCH_LIMITS.proposals)));
  const proposals = found
    .filter((f) => f.group && isMember(f.group, userId))
    .flatMap((f) => f.proposals)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, SEARCH_LIMITS.proposals);
  const words = fold(term.slice(0, SEARCH_LIMITS.termLength)).split(/\s+/).filter(Boolean);
  const hits = proposals.filter((p) => {
    const hay = haystack(p);
    return words.every((w) => hay.includes(w));
  });
  const skip = Math.max(0, page.skip ?? 0);
  const count = Math.min(SEARCH_LIMITS.results, Math.max(1, page.count ?? SEARCH_LIMITS.results));
  return hits.slice(skip, skip + count).map((p) => {
    const { firstStep, ...summary } = summariseProposal(p);
    return { ...summary, createdAt: p.createdAt, hasFirstStep: !!firstStep };
  });
}
