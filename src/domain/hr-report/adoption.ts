import { FirstStepStatus } from '../proposal/proposal';

/**
 * An adopted proposal as the report reads it: its text (the organisation's record) and whether
 * its first step was taken; not the first step nor the group's line about it, which name people.
 */
export interface AdoptedProposalRow {
  groupId: string;
  groupName: string;
  verdict: 'accept' | 'adapt';
  text: string;
  /** The text is the AI's draft, adopted as it is: the report says AI drafted it, never shows it as the group's own words. */
  aiAdopted?: true;
  /** The text is the group's own words, made from an AI draft: the report says so. */
  aiAdapted?: true;
  decidedAt: string;
  outcome?: { status: FirstStepStatus };
  /** The group shared it with L&O (the proposal's copy, `lo`): when, and L&O's latest answer. L&O's words name no member. */
  lo?: { sharedAt: string; answer?: { text: string; at: string } };
}

/** What the report shows of a share with L&O: the day it was shared, and L&O's latest answer with its day. */
export interface AdoptionLo {
  sharedOn: string;
  answer?: { text: string; on: string };
}

/**
 * Transfer to practice: the proposals groups adopted (accepted or adapted) in the period, per
 * group, with what became of their first step; and the share whose first step was taken
 * (done or under way) of those the group looked back on.
 */
export interface AdoptionSection {
  adopted: number;
  lookedBack: number;
  taken: number;
  /** Percentage, rounded; absent when no group looked back yet. */
  takenShare?: number;
  groups: { groupName: string; proposals: { verdict: 'accept' | 'adapt'; text: string; aiAdopted?: true; aiAdapted?: true; decidedOn: string; outcome?: { status: FirstStepStatus }; lo?: AdoptionLo }[] }[];
}

export function computeAdoption(rows: AdoptedProposalRow[], inPeriod: (iso: string) => boolean, dateOf: (iso: string) => string): AdoptionSection {
  const adopted = rows.filter((r) => inPeriod(r.decidedAt)).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const lookedBack = adopted.filter((r) => r.outcome);
  const taken = lookedBack.filter((r) => r.outcome!.status !== 'dropped');
  const groups = new Map<string, AdoptionSection['groups'][number]>();
  for (const r of adopted) {
    const group = groups.get(r.groupId) ?? { groupName: r.groupName, proposals: [] };
    group.proposals.push({
      verdict: r.verdict,
      text: r.text,
      ...(r.aiAdopted ? { aiAdopted: true as const } : {}),
      ...(r.aiAdapted ? { aiAdapted: true as const } : {}),
      decidedOn: dateOf(r.decidedAt),
      ...(r.outcome ? { outcome: { status: r.outcome.status } } : {}),
      ...(r.lo ? { lo: { sharedOn: dateOf(r.lo.sharedAt), ...(r.lo.answer ? { answer: { text: r.lo.answer.text, on: dateOf(r.lo.answer.at) } } : {}) } } : {}),
    });
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
