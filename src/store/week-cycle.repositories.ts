import { Cycle } from '../domain/week-cycle/cycle';
import { Group } from '../domain/week-cycle/group';
import { CycleRepository, GroupRepository, Mutate, PersonalAnswerRepository, ProposalRepository, SessionAttendance, SessionRepository } from '../domain/week-cycle/ports';
import { Session } from '../domain/week-cycle/session';
import { Proposal } from '../domain/proposal/proposal';
import { PersonalAnswer } from '../domain/personal/personal-answer';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

export class CosmosGroupRepository implements GroupRepository {
  private readonly store: DocumentStore<Group>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<Group>(conn.container('groups'), (g) => g.id);
  }
  get(groupId: string) {
    return this.store.get(groupId, groupId);
  }
  async create(group: Group) {
    const { doc, created } = await this.store.create(group);
    return { group: doc, created };
  }
  update(groupId: string, mutate: Mutate<Group>) {
    return this.store.update(groupId, groupId, mutate);
  }
  listByMember(userId: string, limit = 100) {
    return this.store.query({
      // Cross-partition on purpose: a person's groups (message-extension search, erasure).
      query:
        'SELECT TOP @limit * FROM c WHERE EXISTS(SELECT VALUE m FROM m IN c.members WHERE m.id = @userId) OR c.createdBy = @userId ' +
        'OR c.conversationRef.user.aadObjectId = @userId OR c.conversationRef.user.id = @userId',
      parameters: [{ name: '@userId', value: userId }, { name: '@limit', value: limit }],
    });
  }
}

export class CosmosCycleRepository implements CycleRepository {
  private readonly store: DocumentStore<Cycle>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<Cycle>(conn.container('sessions'), (c) => c.groupId);
  }
  get(groupId: string, cycleId: string) {
    return this.store.get(cycleId, groupId);
  }
  async create(cycle: Cycle) {
    const { doc, created } = await this.store.create(cycle);
    return { cycle: doc, created };
  }
  update(groupId: string, cycleId: string, mutate: Mutate<Cycle>) {
    return this.store.update(cycleId, groupId, mutate);
  }
  listStartedBy(userId: string) {
    return this.store.query({ query: "SELECT * FROM c WHERE c.type = 'cycle' AND c.startedBy = @userId", parameters: [{ name: '@userId', value: userId }] });
  }
}

export class CosmosSessionRepository implements SessionRepository {
  private readonly store: DocumentStore<Session>;
  private readonly attendance: DocumentStore<SessionAttendance>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<Session>(conn.container('sessions'), (s) => s.groupId);
    this.attendance = new DocumentStore<SessionAttendance>(conn.container('sessions'), (s) => s.groupId);
  }
  listAttendance(userId: string, limit = 1000) {
    return this.attendance.query({
      // Cross-partition, projected to ids: a person's sessions over all their groups.
      query: "SELECT TOP @limit c.id, c.groupId, c.cycleId, c.startedAt FROM c WHERE c.type = 'session' AND ARRAY_CONTAINS(c.attendeeIds, @userId) ORDER BY c.startedAt DESC",
      parameters: [{ name: '@userId', value: userId }, { name: '@limit', value: limit }],
    });
  }
  get(groupId: string, sessionId: string) {
    return this.store.get(sessionId, groupId);
  }
  async create(session: Session) {
    const { doc, created } = await this.store.create(session);
    return { session: doc, created };
  }
  update(groupId: string, sessionId: string, mutate: Mutate<Session>) {
    return this.store.update(sessionId, groupId, mutate);
  }
  listByCycle(groupId: string, cycleId: string) {
    return this.store.query(
      { query: "SELECT * FROM c WHERE c.type = 'session' AND c.groupId = @groupId AND c.cycleId = @cycleId ORDER BY c.seq",
        parameters: [{ name: '@groupId', value: groupId }, { name: '@cycleId', value: cycleId }],
      },
      groupId,
    );
  }
}

export class CosmosProposalRepository implements ProposalRepository {
  private readonly store: DocumentStore<Proposal>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<Proposal>(conn.container('proposals'), (p) => p.groupId);
  }
  get(groupId: string, proposalId: string) {
    return this.store.get(proposalId, groupId);
  }
  async create(proposal: Proposal) {
    const { doc, created } = await this.store.create(proposal);
    return { proposal: doc, created };
  }
  update(groupId: string, proposalId: string, mutate: Mutate<Proposal>) {
    return this.store.update(proposalId, groupId, mutate);
  }
  listByGroup(groupId: string) {
    return this.store.query({ query: 'SELECT * FROM c WHERE c.groupId = @groupId ORDER BY c.createdAt DESC', parameters: [{ name: '@groupId', value: groupId }] }, groupId);
  }
  listByContributor(userId: string) {
    return this.store.query({
      query:
        "SELECT * FROM c WHERE c.type = 'proposal' AND (ARRAY_CONTAINS(c.contributorIds, @userId) " +
        'OR c.decision.decidedBy = @userId OR c.ai.requestedBy = @userId)',
      parameters: [{ name: '@userId', value: userId }],
    });
  }
  listRecentByGroups(groupIds: string[], limit: number) {
    if (groupIds.length === 0) return Promise.resolve([]);
    return this.store.query({
      query: "SELECT TOP @limit * FROM c WHERE c.type = 'proposal' AND ARRAY_CONTAINS(@groupIds, c.groupId) ORDER BY c.createdAt DESC",
      parameters: [{ name: '@groupIds', value: groupIds }, { name: '@limit', value: limit }],
    });
  }
}

export class CosmosPersonalAnswerRepository implements PersonalAnswerRepository {
  private readonly store: DocumentStore<PersonalAnswer>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<PersonalAnswer>(conn.container('personal'), (a) => a.userId);
  }
  async get(userId: string, id: string) {
    const doc = await this.store.get(id, userId);
    return doc?.userId === userId ? doc : undefined;
  }
  upsert(answer: PersonalAnswer) {
    return this.store.upsert(answer);
  }
  listForSession(userId: string, sessionId: string) {
    return this.store.query(
      {
        // The partition key already scopes this to one member; the explicit filter keeps it so everywhere.
        query: "SELECT * FROM c WHERE c.type = 'personalAnswer' AND c.userId = @userId AND c.sessionId = @sessionId",
        parameters: [{ name: '@userId', value: userId }, { name: '@sessionId', value: sessionId }],
      },
      userId,
    );
  }
}
