import { isDeepStrictEqual } from 'node:util';
import { DomainError } from '../domain/shared/errors';
import { Judgement, Proposal } from '../domain/proposal/proposal';
import { answerMayBeTakenBack, PersonalAnswer } from '../domain/personal/personal-answer';
import { Cycle } from '../domain/week-cycle/cycle';
import { Group } from '../domain/week-cycle/group';
import { cycleIdOfSession, previousProposalIdOf, proposalIdFor } from '../domain/week-cycle/ids';
import {
  CycleRepository,
  COUNTED_ITEM_GONE,
  CycleState,
  GroupRepository,
  GroupTrace,
  GroupTraceRepository,
  Mutate,
  PersonalAnswerRepository,
  ProposalRepository,
  SessionItemRepository,
  SessionOpening,
  SessionRepository,
} from '../domain/week-cycle/ports';
import { Session, SessionState } from '../domain/week-cycle/session';
import { Contribution, SessionItem } from '../domain/week-cycle/session-items';
import { AnyZodObject } from 'zod';
import { DOCUMENT_SCHEMAS } from './document-schemas';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, RequiredDocumentGone, statusOf, Stored, TransactOp } from './document-store';
import { pendingJob } from './job-document';
import { fromGroupDoc, GROUP_PARTITION_CONTAINER, GroupDoc, PartitionDoc, sortDocs, toGroupDoc } from './group-partition';

/**
 * A live session reads all its contributions on every click, and they are most of what it reads.
 * The query returns each as a row of its own fields, in the order of the stored document's schema
 * (so a new field is never left out), without the keys, the type, the group, cycle and session ids
 * it already knows, or Cosmos DB's system fields: a third of the bytes to send, and half the work to
 * parse. The repository builds the contribution again from the row.
 */
const CONTRIBUTION_ROW = Object.keys((DOCUMENT_SCHEMAS.sessions.contribution as AnyZodObject).shape).filter((field) => !['type', 'groupId', 'cycleId', 'sessionId'].includes(field));
const CONTRIBUTION_ROW_SQL = `[${CONTRIBUTION_ROW.map((field) => `c.${field}`).join(', ')}]`;
/** The same contributions as objects: for a stored contribution that lacks a field (Cosmos DB leaves undefined out of a row, so the row cannot be read by position). */
const CONTRIBUTION_OBJECT_SQL = `{"type": c.type, ${CONTRIBUTION_ROW.map((field) => `"${field}": c.${field}`).join(', ')}}`;

type Row = unknown[];

/**
 * The contribution from its row, as one object literal of the row's fields (compiled once from
 * CONTRIBUTION_ROW): every contribution of every turn is built with the same shape at once.
 * Setting the fields one by one under computed keys cost about ten times as much per row (a
 * session's 75 rows: 10 µs against 1).
 */
// A field named so in an object literal would set the prototype, not a field (the names come from the schema).
if (CONTRIBUTION_ROW.some((field) => field === '__proto__')) throw new Error('contribution schema: a field named __proto__');
const contributionFromRow = new Function( // eslint-disable-line @typescript-eslint/no-implied-eval
  'row',
  'ids',
  `return { type: 'contribution', groupId: ids.groupId, cycleId: ids.cycleId, sessionId: ids.sessionId, ${CONTRIBUTION_ROW.map((field, i) => `${JSON.stringify(field)}: row[${i}]`).join(', ')} };`,
) as (row: Row, ids: Pick<Contribution, 'groupId' | 'cycleId' | 'sessionId'>) => Contribution;

/** What a member said in a judgement (not when): a stored one that says it is this one. */
function sameJudgement(a: Judgement, b: Judgement): boolean {
  return a.opinion === b.opinion && a.reason === b.reason && a.textFingerprint === b.textFingerprint;
}

/** The id of a session's open gate (see `Session.gated`). */
function sessionGateId(sessionId: string): string {
  return `${sessionId}_open`;
}

function partitionStore<T extends { id: string; groupId: string }>(conn: CosmosConnection): DocumentStore<T> {
  return new DocumentStore<T>(conn.container(GROUP_PARTITION_CONTAINER), (d) => d.groupId);
}

export class CosmosGroupRepository implements GroupRepository {
  private readonly store: DocumentStore<GroupDoc>;
  constructor(conn: CosmosConnection) {
    this.store = partitionStore<GroupDoc>(conn);
  }
  async get(groupId: string) {
    const doc = await this.store.get(groupId, groupId);
    return doc?.type === 'group' ? fromGroupDoc(doc) : undefined;
  }
  async create(group: Group) {
    const { doc, created } = await this.store.create(toGroupDoc(group));
    return { group: fromGroupDoc(doc), created };
  }
  async update(groupId: string, mutate: Mutate<Group>) {
    const doc = await this.store.update(groupId, groupId, (current) => {
      const group = fromGroupDoc(current);
      const next = mutate(group);
      return next === group ? current : toGroupDoc(next);
    });
    return fromGroupDoc(doc);
  }
  async idsInTeam(teamId: string) {
    // Across partitions: each group is in its own.
    return this.store.queryStored<string>({ query: "SELECT VALUE c.id FROM c WHERE c.type = 'group' AND c.conversationRef.team.id = @teamId", parameters: [{ name: '@teamId', value: teamId }] });
  }
}

export class CosmosCycleRepository implements CycleRepository {
  private readonly store: DocumentStore<Cycle>;
  constructor(conn: CosmosConnection) {
    this.store = partitionStore<Cycle>(conn);
  }
  async get(groupId: string, cycleId: string) {
    const doc = await this.store.get(cycleId, groupId);
    return doc?.type === 'cycle' ? doc : undefined;
  }
  async create(cycle: Cycle) {
    const { doc, created } = await this.store.create(cycle);
    return { cycle: doc, created };
  }
  update(groupId: string, cycleId: string, mutate: Mutate<Cycle>, known?: { doc: Cycle; version: string }) {
    return this.store.update(cycleId, groupId, mutate, known);
  }
}

export class CosmosSessionRepository implements SessionRepository {
  private readonly store: DocumentStore<Session>;
  private readonly docs: DocumentStore<PartitionDoc & { groupId: string }>;
  /** Writes of several document types together (a session opening). */
  private readonly batches: DocumentStore<{ id: string; groupId: string }>;
  constructor(conn: CosmosConnection) {
    this.store = partitionStore<Session>(conn);
    this.docs = partitionStore(conn);
    this.batches = partitionStore(conn);
  }
  async get(groupId: string, sessionId: string) {
    const doc = await this.store.get(sessionId, groupId);
    return doc?.type === 'session' ? doc : undefined;
  }
  async create(session: Session) {
    const { doc, created, version } = await this.store.create(session);
    return { session: doc, created, ...(version ? { version } : {}) };
  }
  async update(groupId: string, sessionId: string, mutate: Mutate<Session>, known?: { doc: Session; version: string }, counted?: readonly string[]) {
    try {
      // The close removes the open gate in the same transaction: from then on no addition is stored.
      const deletes = (before: Session, after: Session) => (after.gated && before.status === 'open' && after.status === 'closed' ? [sessionGateId(sessionId)] : []);
      return await this.store.update(sessionId, groupId, mutate, known, { requires: counted, deletes });
    } catch (err) {
      throw err instanceof RequiredDocumentGone ? new DomainError('conflict', COUNTED_ITEM_GONE) : err;
    }
  }

  /**
   * One transactional batch: the cycle first (a changed version refuses it before anything is
   * written), then the proposal, the session and its jobs. A refusal is one of the first two
   * writes failing: the embedded store runs a batch in order and stops at the first refusal, so
   * with this order it, too, never keeps half an opening.
   */
  async open({ session, cycle, proposal, jobs }: SessionOpening) {
    const ops: TransactOp<{ id: string; groupId: string }>[] = [
      ...(cycle ? [{ replace: cycle.doc, ifMatch: cycle.version }] : []),
      ...(proposal ? [{ create: proposal }] : []),
      { create: session },
      ...(session.gated ? [{ create: { id: sessionGateId(session.id), type: 'sessionGate', groupId: session.groupId } as { id: string; groupId: string } }] : []),
      ...jobs.map((job) => ({ create: { ...pendingJob({ ...job, groupId: session.groupId }), groupId: session.groupId } })),
    ];
    const result = await this.batches.transact(session.groupId, ops);
    if (!result.ok) {
      if (result.status === 409 || result.status === 412) return { opened: false as const };
      throw Object.assign(new Error(`session opening refused (${result.status})`), { code: result.status });
    }
    const at = (i: number) => result.written[i]!;
    const first = cycle ? 1 : 0;
    const written = at(first + (proposal ? 1 : 0));
    return {
      opened: true as const,
      session: written.doc as Session,
      version: written.version,
      ...(cycle ? { cycle: at(0).doc as Cycle } : {}),
      ...(proposal ? { proposal: at(first).doc as Proposal } : {}),
    };
  }

  async openSessionIds(groupId: string): Promise<string[]> {
    return this.docs.queryStored<string>({ query: "SELECT VALUE c.id FROM c WHERE c.groupId = @groupId AND c.type = 'session' AND c.status = 'open'", parameters: [{ name: '@groupId', value: groupId }] }, groupId);
  }

  async loadState(groupId: string, sessionId: string): Promise<SessionState | undefined> {
    const cycleId = cycleIdOfSession(sessionId) ?? '';
    const previousProposalId = previousProposalIdOf(cycleId) ?? '';
    const query = (contribution: string) => ({
      query:
        `SELECT VALUE (c.type = 'contribution' ? ${contribution} : c) FROM c ` +
        'WHERE c.groupId = @groupId AND (c.id IN (@groupId, @cycleId, @sessionId, @proposalId, @previousProposalId) ' +
        "OR c.sessionId = @sessionId OR (c.type = 'judgement' AND c.cycleId = @cycleId))",
      parameters: [
        { name: '@groupId', value: groupId },
        { name: '@cycleId', value: cycleId },
        { name: '@sessionId', value: sessionId },
        { name: '@proposalId', value: proposalIdFor(cycleId) },
        { name: '@previousProposalId', value: previousProposalId },
      ],
    });
    const ids = { groupId, cycleId, sessionId };
    let read = await this.docs.queryStored<PartitionDoc | Row>(query(CONTRIBUTION_ROW_SQL), groupId);
    if (read.some((d) => Array.isArray(d) && d.length !== CONTRIBUTION_ROW.length)) read = await this.docs.queryStored<PartitionDoc>(query(CONTRIBUTION_OBJECT_SQL), groupId);
    // The query matched contributions of this session only; each gets back the ids it left out.
    let contributions: Contribution[] = [];
    const others: Stored<PartitionDoc>[] = [];
    for (const d of read) {
      if (Array.isArray(d)) contributions.push(contributionFromRow(d, ids));
      else if (d.type === 'contribution') contributions.push({ ...d, ...ids });
      else others.push(d);
    }
    const found = sortDocs(others);
    const session = found.sessions.find((s) => s.doc.id === sessionId);
    if (!found.group || !session) return undefined;
    const proposal = found.proposals.find((p) => p.doc.cycleId === session.doc.cycleId);
    const previous = found.proposals.find((p) => p.doc.id === previousProposalId);
    if (session.doc.cycleId !== cycleId) contributions = contributions.map((c) => ({ ...c, cycleId: session.doc.cycleId }));
    return {
      group: found.group,
      cycle: found.cycles.find((c) => c.id === session.doc.cycleId),
      session: session.doc,
      sessionVersion: session.version,
      contributions,
      checkIns: found.checkIns.filter((c) => c.sessionId === sessionId),
      presence: found.presence.filter((p) => p.sessionId === sessionId),
      ...(proposal ? { proposal: proposal.doc, proposalVersion: proposal.version } : {}),
      judgements: found.judgements.filter((j) => j.cycleId === session.doc.cycleId),
      judgementVersions: found.judgementVersions,
      ...(previous ? { previousProposal: previous.doc } : {}),
    };
  }

  async loadCycle(groupId: string, cycleId: string): Promise<CycleState | undefined> {
    // Last week's proposal comes along: a week's first session opens by looking back on its first step.
    const previousProposalId = previousProposalIdOf(cycleId) ?? '';
    const found = sortDocs(
      await this.docs.queryStored<PartitionDoc>(
        {
          query: 'SELECT * FROM c WHERE c.groupId = @groupId AND (c.id IN (@groupId, @cycleId, @previousProposalId) OR c.cycleId = @cycleId)',
          parameters: [
            { name: '@groupId', value: groupId },
            { name: '@cycleId', value: cycleId },
            { name: '@previousProposalId', value: previousProposalId },
          ],
        },
        groupId,
      ),
    );
    const cycle = found.cycles.find((c) => c.id === cycleId);
    if (!found.group || !cycle) return undefined;
    const proposal = found.proposals.find((p) => p.doc.cycleId === cycleId)?.doc;
    const previousProposal = found.proposals.find((p) => p.doc.id === previousProposalId)?.doc;
    const cycleVersion = found.cycleVersions[cycleId];
    return {
      group: found.group,
      cycle,
      ...(cycleVersion ? { cycleVersion } : {}),
      sessions: found.sessions.map((s) => s.doc),
      contributions: found.contributions,
      checkIns: found.checkIns,
      presence: found.presence,
      ...(proposal ? { proposal } : {}),
      ...(previousProposal ? { previousProposal } : {}),
      judgements: found.judgements,
    };
  }
}

/** Tries of a take-back whose session keeps changing under it (each a step stored meanwhile). */
const MAX_TAKE_BACK_TRIES = 12;

export class CosmosSessionItemRepository implements SessionItemRepository {
  private readonly store: DocumentStore<SessionItem>;
  private readonly sessions: DocumentStore<Session>;
  /** The session's replace and the item's delete in one transaction (`removeWithSession`). */
  private readonly batches: DocumentStore<{ id: string; groupId: string }>;
  constructor(conn: CosmosConnection) {
    this.store = partitionStore<SessionItem>(conn);
    this.sessions = partitionStore<Session>(conn);
    this.batches = partitionStore(conn);
  }
  /**
   * One transactional batch: the create, then a read of the session, which sees it as it stood at
   * that create. An item whose id was taken (stored before, or a retry of a create whose answer
   * was lost) comes back as stored, without the session.
   */
  async addReadingSession<T extends SessionItem>(item: T, gated?: boolean): Promise<{ item: T; session?: { doc: Session; version: string } } | { gateClosed: true }> {
    const gate = gated ? [{ read: sessionGateId(item.sessionId) }] : [];
    let result: Awaited<ReturnType<typeof this.store.transact>>;
    try {
      result = await this.store.transact(item.groupId, [...gate, { create: item }, { read: item.sessionId }]);
    } catch (err) {
      // No answer on any try (the connection dropped after Cosmos DB stored it, say): the item may
      // be stored. Its id is known, so look: stored means stored (the session is read apart), and
      // only an item that is not there makes this an error that means nothing was stored.
      const stored = await this.store.get(item.id, item.groupId).catch(() => undefined);
      if (stored) return { item: stored as T };
      throw err;
    }
    if (!result.ok) {
      if (gated && result.index === 0 && result.status === 404) {
        // Closed now; but an item with this id was created while the gate stood (a retry of a write
        // whose answer was lost, or Teams delivering the press again): stored, not refused.
        const stored = await this.store.get(item.id, item.groupId);
        return stored ? { item: stored as T } : { gateClosed: true };
      }
      // Only a taken id falls back (to what is stored); any other refusal past the gate stored nothing, and says so.
      if (result.status !== 409 || result.index !== gate.length) throw Object.assign(new Error(`addition refused (${result.status})`), { code: result.status });
      const stored = await this.store.get(item.id, item.groupId);
      if (!stored) throw Object.assign(new Error('addition refused (409) and not found'), { code: 409 });
      return { item: stored as T };
    }
    const read = result.written[gate.length + 1]!;
    return { item: result.written[gate.length]!.doc as T, session: { doc: read.doc as unknown as Session, version: read.version } };
  }
  async remove(item: SessionItem): Promise<void> {
    await this.store.delete(item.id, item.groupId);
  }
  /**
   * The replace first, then the delete: the embedded store runs a batch in order and stops at the
   * first refusal (Cosmos DB undoes all of it), so a changed version refuses it before anything is
   * deleted. The session is replaced also when `change` leaves it as it was: its new version makes
   * a step that read it before (and may count the item) read it again, after the delete.
   */
  async removeWithSession(item: SessionItem, change: Mutate<Session>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const read = await this.sessions.getVersioned(item.sessionId, item.groupId);
      if (!read) return void (await this.remove(item));
      const result = await this.batches.transact(item.groupId, [{ replace: change(read.doc), ifMatch: read.version }, { delete: item.id }]);
      if (result.ok) return;
      // The item is gone already (taken back by an earlier try whose answer was lost, or by an erasure): the change alone.
      if (result.status === 404 && result.index === 1) return void (await this.sessions.update(item.sessionId, item.groupId, change));
      if (result.status !== 412 || attempt >= MAX_TAKE_BACK_TRIES) throw Object.assign(new Error(`take-back refused (${result.status})`), { code: result.status });
    }
  }
}

export class CosmosProposalRepository implements ProposalRepository {
  private readonly store: DocumentStore<Proposal>;
  private readonly judgements: DocumentStore<Judgement>;
  constructor(conn: CosmosConnection) {
    this.store = partitionStore<Proposal>(conn);
    this.judgements = partitionStore<Judgement>(conn);
  }
  async get(groupId: string, proposalId: string) {
    const doc = await this.store.get(proposalId, groupId);
    return doc?.type === 'proposal' ? doc : undefined;
  }
  async create(proposal: Proposal) {
    const { doc, created } = await this.store.create(proposal);
    return { proposal: doc, created };
  }
  async update(groupId: string, proposalId: string, mutate: Mutate<Proposal>, known?: { doc: Proposal; version: string }, openSessionId?: string) {
    // The group's partition holds its other records too (the group, its weeks and sessions) under
    // ids a press may name (the look-back's proposal): only a proposal is one, anything else is as good as not there.
    const onlyAProposal: Mutate<Proposal> = (current) => {
      if (current.type !== 'proposal' || current.groupId !== groupId) throw Object.assign(new Error('not a proposal'), { code: 404 });
      return mutate(current);
    };
    try {
      return await this.store.update(proposalId, groupId, onlyAProposal, known, openSessionId ? { requires: [sessionGateId(openSessionId)] } : undefined);
    } catch (err) {
      throw err instanceof RequiredDocumentGone ? new DomainError('sessionClosed', 'the session closed before this change was stored') : err;
    }
  }
  /**
   * One transactional batch: (in a gated session, a read of its open gate,) the judgement, then a
   * read of its proposal as it stood at that write. With `proposalRead` (the proposal as the turn
   * read it), instead of that read a replace of it by itself under the version read: the judgement
   * is stored only on the proposal as read, and the proposal's new version makes a decision (or a
   * draft's start) that read the judgements before this one read them again (a replace: If-Match is a condition of writes,
   * and the embedded store's batch read takes none).
   */
  async putJudgement(judgement: Judgement, session: { id: string; gated?: boolean }, read?: { version: string } | 'none', proposalRead?: { doc: Proposal; version: string }) {
    const gate = session.gated ? [{ read: sessionGateId(session.id) }] : [];
    // The judgement as stored now, when it is this one (its id is the member's on this proposal).
    const storedSame = async () => {
      const stored = await this.judgements.get(judgement.id, judgement.groupId);
      const proposal = stored && sameJudgement(stored, judgement) ? await this.store.get(judgement.proposalId, judgement.groupId) : undefined;
      return proposal ? { judgement: stored!, proposal } : undefined;
    };
    let result: Awaited<ReturnType<typeof this.judgements.transact>>;
    try {
      const write = read === 'none' ? { create: judgement } : read ? { replace: judgement, ifMatch: read.version } : { upsert: judgement };
      const atWrite = proposalRead ? { replace: proposalRead.doc as unknown as Judgement, ifMatch: proposalRead.version } : { read: judgement.proposalId };
      result = await this.judgements.transact(judgement.groupId, [...gate, write, atWrite, { read: session.id }]);
    } catch (err) {
      // No answer on any try: stored means stored (see addReadingSession).
      const found = await storedSame().catch(() => undefined);
      if (found) return found;
      throw err;
    }
    if (!result.ok) {
      if (gate.length && result.index === 0 && result.status === 404) {
        // Closed now; the same judgement stored while the gate stood (its answer lost, or the press delivered again) is stored, not refused.
        return (await storedSame()) ?? { gateClosed: true as const };
      }
      // Another write of this member's judgement came first (their other press, or this one delivered twice).
      if (read && result.index === gate.length && (result.status === 409 || result.status === 412)) return { raced: true as const };
      // The proposal changed since the turn read it (a decision, another judgement that could count against an adoption).
      if (proposalRead && result.index === gate.length + 1 && result.status === 412) return { raced: true as const };
      throw Object.assign(new Error(`judgement refused (${result.status})`), { code: result.status });
    }
    const proposal = result.written[gate.length + 1]!;
    return { judgement: result.written[gate.length]!.doc, proposal: proposal.doc as unknown as Proposal, session: { version: result.written[gate.length + 2]!.version } };
  }
  async removeJudgement(judgement: Judgement) {
    await this.judgements.delete(judgement.id, judgement.groupId);
  }
}

/** One person's traces in one group, from that group's partition only. */
export class CosmosGroupTraceRepository implements GroupTraceRepository {
  private readonly docs: DocumentStore<PartitionDoc & { groupId: string }>;
  constructor(conn: CosmosConnection) {
    this.docs = partitionStore(conn);
  }

  async traceOf(groupId: string, userId: string): Promise<GroupTrace> {
    const found = sortDocs(
      await this.docs.queryStored<PartitionDoc>(
        {
          query:
            "SELECT * FROM c WHERE c.groupId = @groupId AND (c.id = @groupId OR c.type IN ('cycle', 'proposal', 'session') " +
            "OR (c.type = 'contribution' AND c.authorId = @userId) OR (c.type IN ('checkIn', 'presence', 'judgement') AND c.memberId = @userId))",
          parameters: [
            { name: '@groupId', value: groupId },
            { name: '@userId', value: userId },
          ],
        },
        groupId,
      ),
    );
    return {
      ...(found.group ? { group: found.group } : {}),
      cycles: found.cycles,
      proposals: found.proposals.map((p) => p.doc),
      contributions: found.contributions,
      checkIns: found.checkIns,
      presence: found.presence,
      judgements: found.judgements,
      sessions: found.sessions.map(({ doc: s }) => ({ id: s.id, cycleId: s.cycleId, startedAt: s.startedAt, day: s.day, energy: s.energy, ...(s.stepKeys ? { stepKeys: s.stepKeys } : {}), ...(s.tookPartBeforeTags ? { tookPartBeforeTags: s.tookPartBeforeTags } : {}) })),
    };
  }

  async applyErasure(groupId: string, changes: { create: { id: string; groupId: string }[]; rewrite: { id: string; groupId: string }[]; remove: { id: string }[]; swaps?: Record<string, string> }) {
    const swaps = changes.swaps ?? {};
    const swapped = new Set(Object.values(swaps));
    for (const doc of changes.create) if (!swapped.has(doc.id)) await this.docs.create(doc as PartitionDoc & { groupId: string });
    for (const doc of changes.rewrite) if (!swapped.has(doc.id)) await this.docs.upsert(doc as PartitionDoc & { groupId: string });
    for (const [removedId, createdId] of Object.entries(swaps)) {
      const doc = [...changes.create, ...changes.rewrite].find((d) => d.id === createdId) as PartitionDoc & { groupId: string };
      const result = await this.docs.transact(groupId, [{ create: doc }, { delete: removedId }]);
      // A rerun finds the copy made (409): the original may still be there if the first run was cut before its delete.
      if (!result.ok) {
        if (result.status !== 409 && result.status !== 404) throw Object.assign(new Error(`erasure swap refused (${result.status})`), { code: result.status });
        await this.docs.create(doc);
        await this.docs.delete(removedId, groupId);
      }
    }
    for (const { id } of changes.remove) if (!(id in swaps)) await this.docs.delete(id, groupId);
  }

  async proposalsOf(groupId: string, limit: number) {
    const found = sortDocs(
      await this.docs.queryStored<PartitionDoc>(
        { query: "SELECT * FROM c WHERE c.groupId = @groupId AND (c.id = @groupId OR c.type = 'proposal')", parameters: [{ name: '@groupId', value: groupId }] },
        groupId,
      ),
    );
    const proposals = found.proposals.map((p) => p.doc).sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
    return { ...(found.group ? { group: found.group } : {}), proposals };
  }
}

export class CosmosPersonalAnswerRepository implements PersonalAnswerRepository {
  private readonly store: DocumentStore<PersonalAnswer>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<PersonalAnswer>(conn.container('personal'), (a) => a.userId);
  }
  async get(userId: string, id: string) {
    const doc = await this.store.get(id, userId);
    return doc?.userId === userId && doc.type === 'personalAnswer' ? doc : undefined;
  }
  async getVersioned(userId: string, id: string) {
    const found = await this.store.getVersioned(id, userId);
    return found?.doc.userId === userId && found.doc.type === 'personalAnswer' ? found : undefined;
  }
  async create(answer: PersonalAnswer) {
    const { doc, created, version } = await this.store.create(answer);
    if (doc.userId !== answer.userId) throw new Error('id collision across owners');
    return { answer: doc, created, ...(version ? { version } : {}) };
  }
  update(userId: string, id: string, mutate: Mutate<PersonalAnswer>, known?: { doc: PersonalAnswer; version: string }) {
    return this.store.update(id, userId, mutate, known);
  }
  async confirm(userId: string, id: string, found: { doc: PersonalAnswer; version: string }): Promise<PersonalAnswer | 'takenBack'> {
    let known = found;
    for (let attempt = 0; attempt < 5; attempt++) {
      const seen = known;
      try {
        // Only under the version given: what a re-read finds is decided below, never replaced here.
        return await this.store.update(
          id,
          userId,
          (current) => {
            if (current !== seen.doc) throw new ConfirmReadAgain();
            return { ...current, confirmed: true };
          },
          seen,
        );
      } catch (err) {
        if (statusOf(err) === 404) return 'takenBack';
        if (!(err instanceof ConfirmReadAgain)) throw err;
      }
      const now = await this.getVersioned(userId, id);
      if (!now) return 'takenBack';
      if (!answerMayBeTakenBack(now.doc)) return now.doc;
      // Still as written, under another version: taken back and written again (by a late delivery
      // whose own take-back may follow). Confirming it could outlive an erasure; "try again".
      if (now.version !== found.version || !isDeepStrictEqual(now.doc, found.doc)) return 'takenBack';
      known = now; // the replace did not go through (its answer lost): once more, under the same version
    }
    throw new DomainError('conflict', 'answer kept changing while confirmed');
  }
}

/** A confirm's replace met another version than it was given: decided on a fresh read. */
class ConfirmReadAgain extends Error {}
