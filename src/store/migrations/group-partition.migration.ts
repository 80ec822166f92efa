import { Judgement, Opinion, Proposal, tallyOpinions, Verdict } from '../../domain/proposal/proposal';
import { stableId } from '../../domain/shared/ids';
import { closeRound, openRound } from '../../domain/week-cycle/energy';
import { Group } from '../../domain/week-cycle/group';
import { Session } from '../../domain/week-cycle/session';
import { CheckIn, checkInId, Contribution, contributionId, EnergyPhase, ERASED_ID, Presence, presenceId } from '../../domain/week-cycle/session-items';
import type { Logger } from '../../log/logger';
import { CosmosConnection } from '../cosmos-connection';
import { DocumentStore } from '../document-store';
import { GROUP_PARTITION_CONTAINER, toGroupDoc } from '../group-partition';
import { CosmosMembershipIndex } from '../membership-index.repository';

/** The shapes written before each group's data moved into one partition. */
interface LegacyContribution { key: string; authorId: string; authorName: string; text: string; at: string }
interface LegacySession extends Omit<Session, 'energy'> {
  answers?: Record<string, LegacyContribution[]>;
  energy?: Record<EnergyPhase, Record<string, number>> | Session['energy'];
  attendeeIds?: string[];
}
interface LegacyJudgement { memberId: string; memberName: string; verdict: Verdict; reason: string; at: string }
interface LegacyDecision { verdict: Verdict; text: string; firstStep: string; decidedBy: string; at: string; reason?: string }
interface LegacyProposal extends Omit<Proposal, 'decision'> {
  judgements?: Record<string, LegacyJudgement>;
  contributorIds?: string[];
  decision?: LegacyDecision;
}

/** Before the group decided explicitly, members judged with the decision's words. */
const OPINION_OF: Record<Verdict, Opinion> = { accept: 'agree', adapt: 'doubt', reject: 'disagree' };

const MIGRATION_ID = 'migration.group-partition.v1';

function isLegacySession(s: LegacySession): boolean {
  return s.answers !== undefined || s.attendeeIds !== undefined || (s.energy !== undefined && !('closedAt' in (s.energy.in ?? {})) && Object.values(s.energy.in ?? {}).some((v) => typeof v === 'number'));
}

/** Splits an old session (every answer inside it) into its items and a lean session document. */
export function splitLegacySession(s: LegacySession): { session: Session; items: (Contribution | CheckIn | Presence)[] } {
  const items: (Contribution | CheckIn | Presence)[] = [];
  const base = { groupId: s.groupId, cycleId: s.cycleId, sessionId: s.id };
  for (const [q, list] of Object.entries(s.answers ?? {})) {
    for (const c of list) {
      const questionId = Number(q);
      items.push({ ...base, id: contributionId(s.id, c.authorId, c.key, questionId, c.text), type: 'contribution', questionId, authorId: c.authorId, authorName: c.authorName, text: c.text, at: c.at });
    }
  }
  const scores = (s.energy ?? { in: {}, out: {} }) as Record<EnergyPhase, Record<string, number>>;
  for (const phase of ['in', 'out'] as const) {
    for (const [memberId, score] of Object.entries(scores[phase] ?? {})) {
      if (typeof score === 'number') items.push({ ...base, id: checkInId(s.id, phase, memberId), type: 'checkIn', phase, memberId, score, at: s.startedAt });
    }
  }
  for (const memberId of s.attendeeIds ?? []) {
    if (memberId !== ERASED_ID) items.push({ ...base, id: presenceId(s.id, memberId), type: 'presence', memberId, at: s.startedAt });
  }
  const checkIns = items.filter((i): i is CheckIn => i.type === 'checkIn');
  const closedAt = new Date(s.closedAt ?? s.startedAt);
  const energy: Session['energy'] =
    s.status === 'closed'
      ? { in: closeRound(checkIns, 'in', closedAt), out: closeRound(checkIns, 'out', closedAt) }
      : { in: s.currentIndex > 0 ? closeRound(checkIns, 'in', new Date(s.startedAt)) : openRound(), out: openRound() };
  const { answers: _a, attendeeIds: _at, energy: _e, ...rest } = s;
  return { session: { ...rest, energy }, items };
}

export function splitLegacyProposal(p: LegacyProposal): { proposal: Proposal; judgements: Judgement[] } {
  const { judgements = {}, contributorIds: _c, decision, ...rest } = p;
  const split: Judgement[] = Object.entries(judgements).map(([key, j]) => ({
    // Judgements of erased members were kept under a random key: keep that key, never a person's id.
    id: j.memberId === ERASED_ID ? stableId('jd', p.id, key) : stableId('jd', p.id, j.memberId),
    type: 'judgement',
    groupId: p.groupId,
    cycleId: p.cycleId,
    proposalId: p.id,
    memberId: j.memberId,
    memberName: j.memberName,
    opinion: OPINION_OF[j.verdict] ?? 'doubt',
    reason: j.reason,
    at: j.at,
  }));
  return {
    proposal: { ...rest, ...(decision ? { decision: { ...decision, reason: decision.reason ?? '', judged: tallyOpinions(split) } } : {}) },
    judgements: split,
  };
}

/**
 * Moves data written before the group partition into it: groups and proposals from their old
 * containers, old sessions split into their items, and everyone's membership index. Every step is
 * idempotent (creates with deterministic ids, ETag replaces, deletes of copied documents), so two
 * instances starting at once, or a restart halfway, finish the same migration.
 */
export async function migrateToGroupPartition(conn: CosmosConnection, logger: Logger, now: Date): Promise<void> {
  const jobs = conn.container('jobs');
  const done = await jobs.item(MIGRATION_ID, MIGRATION_ID).read().catch(() => undefined);
  if (done?.resource) return;

  const target = new DocumentStore<{ id: string; groupId: string }>(conn.container(GROUP_PARTITION_CONTAINER), (d) => d.groupId);
  const index = new CosmosMembershipIndex(conn);
  const at = now.toISOString();
  const counts = { groups: 0, proposals: 0, sessions: 0 };

  const groups = (await conn.container('groups').items.query<Group & { _etag?: string }>('SELECT * FROM c').fetchAll()).resources;
  for (const raw of groups) {
    const { _etag, _rid, _self, _ts, _attachments, ...group } = raw as Group & Record<string, unknown>;
    await target.create(toGroupDoc(group as Group));
    const members = group.members.map((m) => m.id);
    await index.record(group.id, group.name, { joined: members, left: [group.createdBy].filter((u) => u !== ERASED_ID && !members.includes(u)) }, at);
    await conn.container('groups').item(group.id, group.id).delete().catch(() => undefined);
    counts.groups++;
  }

  const proposals = (await conn.container('proposals').items.query<LegacyProposal>('SELECT * FROM c').fetchAll()).resources;
  for (const raw of proposals) {
    const { _etag, _rid, _self, _ts, _attachments, ...legacy } = raw as LegacyProposal & Record<string, unknown>;
    const { proposal, judgements } = splitLegacyProposal(legacy as LegacyProposal);
    for (const j of judgements) await target.create(j);
    await target.create(proposal);
    await conn.container('proposals').item(proposal.id, proposal.groupId).delete().catch(() => undefined);
    counts.proposals++;
  }

  const sessions = (await conn.container(GROUP_PARTITION_CONTAINER).items.query<LegacySession>("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources;
  for (const raw of sessions.filter(isLegacySession)) {
    const { session, items } = splitLegacySession(raw);
    for (const item of items) await target.create(item);
    await target.update(session.id, session.groupId, (current) => (isLegacySession(current as LegacySession) ? splitLegacySession(current as LegacySession).session : current));
    counts.sessions++;
  }

  // Recorded as a finished job: the scheduler's container, in the scheduler's own shape.
  await jobs.items.upsert({ id: MIGRATION_ID, kind: 'migration', dueAt: at, payload: {}, status: 'done', attempts: 1 });
  if (counts.groups + counts.proposals + counts.sessions > 0) logger.info(counts, 'moved earlier data into the group partition');
}
