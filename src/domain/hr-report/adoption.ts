import { FirstStepStatus } from '../proposal/proposal';

/** An adopted proposal as the report reads it: the group's own record, no names. */
export interface AdoptedProposalRow {
  groupId: string;
  groupName: string;
  verdict: 'accept' | 'adapt';
  text: string;
  firstStep: string;
  decidedAt: string;
  outcome?: { status: FirstStepStatus; note: string };
}

/**
 * Transfer to practice: the proposals groups adopted (accepted or adapted) in the period, per
 * group, with their first step and what became of it; and the share whose first step was taken
 * (done or under way) of those the group looked back on.
 */
export interface AdoptionSection {
  adopted: number;
  lookedBack: number;
  taken: number;
  /** Percentage, rounded; absent when no group looked back yet. */
  takenShare?: number;
  groups: { groupName: string; proposals: { verdict: 'accept' | 'adapt'; text: string; firstStep: string; decidedOn: string; outcome?: { status: FirstStepStatus; note: string } }[] }[];
}

export function computeAdoption(rows: AdoptedProposalRow[], inPeriod: (iso: string) => boolean, dateOf: (iso: string) => string): AdoptionSection {
  const adopted = rows.filter((r) => inPeriod(r.decidedAt)).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const lookedBack = adopted.filter((r) => r.outcome);
  const taken = lookedBack.filter((r) => r.outcome!.status !== 'dropped');
  const groups = new Map<string, AdoptionSection['groups'][number]>();
  for (const r of adopted) {
    const group = groups.get(r.groupId) ?? { groupName: r.groupName, proposals: [] };
    group.proposals.push({ verdict: r.verdict, text: r.text, firstStep: r.firstStep, decidedOn: dateOf(r.decidedAt), ...(r.outcome ? { outcome: r.outcome } : {}) });
    groups.set(r.groupId, group);
  }
  return {
    adopted: adopted.length,
    lookedBack: lookedBack.length,
    taken: taken.length,
    ...(lookedBack.length ? { takenShare: Math.round((taken.length / lookedBack.length) * 100) } : {}),
    groups: [...groups.values()].sort((a, b) => a.groupName.localeCompare(b.groupName)),
  };
}
