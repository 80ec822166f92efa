import { Proposal } from '../../domain/proposal/proposal';
import { isMember } from '../../domain/week-cycle/group';
import { PersonalRecord } from '../../domain/verantwoording/personal-record';
import { membershipIndexId } from '../../domain/week-cycle/membership-index';
import { GroupTrace, MembershipEntry } from '../../domain/week-cycle/ports';
import { attendeeIds } from '../../domain/week-cycle/session';
import { VerantwoordingDeps } from './deps';

export interface PersonInGroup {
  groupId: string;
  groupName: string;
  member: boolean;
  trace: GroupTrace;
}

/** Bounds that keep a personal view well inside Teams' time limits, however long someone takes part. */
export const MAX_GROUPS_READ = 50;

/**
 * The person's traces in every group their membership index names: one single-partition query
 * per group, a few at a time. The group record (not the index) decides whether they are a member.
 * `records`: all the person's records, just read: the index is taken from them, not read again.
 */
export async function tracesOf(deps: VerantwoordingDeps, userId: string, limit = MAX_GROUPS_READ, records?: readonly PersonalRecord[]): Promise<PersonInGroup[]> {
  const entries = (records ? groupsIn(records, userId) : await deps.membership.groupsOf(userId)).sort((a, b) => Number(b.member) - Number(a.member) || b.since.localeCompare(a.since)).slice(0, limit);
  const out: PersonInGroup[] = [];
  for (let i = 0; i < entries.length; i += 8) {
    const batch = await Promise.all(entries.slice(i, i + 8).map(async (e) => ({ e, trace: await deps.traces.traceOf(e.groupId, userId) })));
    for (const { e, trace } of batch) {
      out.push({ groupId: e.groupId, groupName: trace.group?.name ?? e.groupName, member: !!trace.group && isMember(trace.group, userId), trace });
    }
  }
  return out;
}

/** The groups of the person's membership index among their records, as `MembershipIndex.groupsOf` reads them. */
function groupsIn(records: readonly PersonalRecord[], userId: string): MembershipEntry[] {
  const doc = records.find((r) => r.id === membershipIndexId(userId));
  if (doc?.type !== 'membershipIndex' || doc.userId !== userId) return [];
  return Object.entries(doc.groups).map(([groupId, e]) => ({ groupId, ...e }));
}

/** Sessions the person attended in this group: those where they checked in or said "ik ben erbij". */
export function attendedSessions(trace: GroupTrace, userId: string): { sessionId: string; cycleId: string; startedAt: string }[] {
  return trace.sessions
    .filter((s) =>
      attendeeIds({
        presence: trace.presence.filter((p) => p.sessionId === s.id),
        checkIns: trace.checkIns.filter((c) => c.sessionId === s.id),
      }).includes(userId),
    )
    .map((s) => ({ sessionId: s.id, cycleId: s.cycleId, startedAt: s.startedAt }));
}

/**
 * When someone who is no longer a member left the group: their index says (`entry`, the time it
 * marked them as having left), or else (no index entry that says so) their own latest action
 * there, a decision or an AI draft they asked for included. Undefined for a member.
 */
export function leftAtOf(trace: GroupTrace, userId: string, entry?: { member: boolean; since: string }): string | undefined {
  if (trace.group && isMember(trace.group, userId)) return undefined;
  if (entry && !entry.member) return entry.since;
  const own = [
    ...trace.contributions.filter((c) => c.authorId === userId).map((c) => c.at),
    ...trace.checkIns.filter((c) => c.memberId === userId).map((c) => c.at),
    ...trace.presence.filter((p) => p.memberId === userId).map((p) => p.at),
    ...trace.judgements.filter((j) => j.memberId === userId).map((j) => j.at),
    ...trace.proposals.filter((p) => p.decision?.decidedBy === userId).map((p) => p.decision!.at),
  ];
  return own.sort().at(-1) ?? '';
}

/**
 * A proposal as it stood when the person left the group (`leftAt`), or undefined when it changed
 * since: what the group decided or wrote without them is the group's, not part of their story.
 * A look back on its first step told after they left is left out too, and so is a share with L&O
 * (or L&O's answer) after they left.
 */
function asItStoodWhenLeft(p: Proposal, leftAt: string | undefined): Proposal | undefined {
  if (leftAt === undefined) return p;
  const decidedBefore = p.decision && p.decision.at <= leftAt;
  if (!decidedBefore && (p.decision || p.updatedAt > leftAt)) return undefined;
  let before = p;
  if (before.firstStepOutcome && before.firstStepOutcome.at > leftAt) {
    const { firstStepOutcome: _later, ...rest } = before;
    before = rest;
  }
  // Shared with L&O, or answered by L&O, after they left: the group's, not theirs.
  if (before.lo && before.lo.sharedAt > leftAt) {
    const { lo: _later, ...rest } = before;
    before = rest;
  } else if (before.lo?.answer && before.lo.answer.at > leftAt) {
    const { answer: _later, ...lo } = before.lo;
    before = { ...before, lo };
  }
  return before;
}

/**
 * The proposals the person helped make: they wrote in its cycle, judged it, decided it or asked AI
 * for it; for someone who left the group (`leftAt`, see `leftAtOf`), as they stood then.
 */
export function proposalsContributedTo(trace: GroupTrace, userId: string, leftAt?: string): Proposal[] {
  const cycles = new Set([...trace.contributions.filter((c) => c.authorId === userId).map((c) => c.cycleId), ...trace.judgements.filter((j) => j.memberId === userId).map((j) => j.cycleId)]);
  return trace.proposals
    .filter((p) => cycles.has(p.cycleId) || p.decision?.decidedBy === userId || (p.ai.status === 'drafting' && p.ai.requestedBy === userId))
    .map((p) => asItStoodWhenLeft(p, leftAt))
    .filter((p): p is Proposal => !!p);
}
