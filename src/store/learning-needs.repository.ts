import { LearningNeedBatch, LearningNeedPassOn, passOnId } from '../domain/learning-needs/learning-need';
import { LearningNeedStore } from '../domain/learning-needs/ports';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, isTransient, statusOf } from './document-store';
import { GROUP_PARTITION_CONTAINER } from './group-partition';

const MAX_ATTEMPTS = 12;

/**
 * Pass-ons live in their owner's `personal` partition (export and erasure find them there);
 * batches in the `learningNeeds` container, which holds nothing that names a person, each batch
 * naming the one tenant whose L&O it is for.
 */
export class CosmosLearningNeedStore implements LearningNeedStore {
  private readonly passOns: DocumentStore<LearningNeedPassOn>;
  private readonly batches: DocumentStore<LearningNeedBatch>;
  constructor(private readonly conn: CosmosConnection) {
    this.passOns = new DocumentStore<LearningNeedPassOn>(conn.container('personal'), (p) => p.userId);
    this.batches = new DocumentStore<LearningNeedBatch>(conn.container('learningNeeds'), (b) => b.id);
  }

  async get(userId: string, answerId: string) {
    const doc = await this.passOns.get(passOnId(userId, answerId), userId);
    return doc?.type === 'learningNeedPassOn' && doc.userId === userId ? doc : undefined;
  }

  async put(userId: string, answerId: string, mutate: (current: LearningNeedPassOn | undefined) => LearningNeedPassOn) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.get(userId, answerId);
      if (current) {
        try {
          return await this.passOns.update(current.id, userId, (c) => mutate(c));
        } catch (err) {
          if (statusOf(err) !== 404 && (err as { code?: number }).code !== 404) throw err;
          continue; // withdrawn meanwhile: start again
        }
      }
      const { doc, created } = await this.passOns.create(mutate(undefined));
      if (created) return doc;
    }
    throw new Error('learning need: too many concurrent changes');
  }

  async remove(userId: string, answerId: string, allowed: (current: LearningNeedPassOn | undefined) => void) {
    const id = passOnId(userId, answerId);
    const item = this.conn.container('personal').item(id, userId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [stored] = await this.passOns.queryStored<LearningNeedPassOn>({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: id }] }, userId);
      const current = stored?.type === 'learningNeedPassOn' && stored.userId === userId ? stored : undefined;
      allowed(current);
      if (!current) return; // nothing (left) to remove: a repeated withdrawal changes nothing
      try {
        await item.delete({ accessCondition: { type: 'IfMatch', condition: stored!._etag! } });
        return;
      } catch (err) {
        const status = statusOf(err);
        if (status === 404) return;
        // A dropped answer may hide a delete that went through: the next round reads again, and finds it gone.
        if (status !== 412 && !isTransient(err)) throw err;
      }
    }
    throw new Error('learning need: too many concurrent changes');
  }

  listOfUser(userId: string) {
    return this.passOns.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.userId = @userId", parameters: [{ name: '@userId', value: userId }] }, userId);
  }

  listPending() {
    return this.passOns.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.status = 'pending'" });
  }

  listSealing(batchId?: string) {
    if (batchId === undefined) return this.passOns.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.status = 'sealing'" });
    return this.passOns.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.status = 'sealing' AND c.batchId = @batchId", parameters: [{ name: '@batchId', value: batchId }] });
  }

  async change(passOn: LearningNeedPassOn, mutate: Mutate<LearningNeedPassOn>) {
    try {
      await this.passOns.update(passOn.id, passOn.userId, mutate);
      return true;
    } catch (err) {
      if (statusOf(err) === 404 || (err as { code?: number }).code === 404) return false;
      throw err;
    }
  }

  getBatch(id: string) {
    return this.batches.get(id, id);
  }

  async createBatch(batch: LearningNeedBatch) {
    return (await this.batches.create(batch)).created;
  }

  batchesBetween(from: string, to: string, owner: { tenantId: string; legacy: boolean }) {
    // Batches from before tenants were recorded have no tenantId: read only when asked for.
    const tenant = owner.legacy ? '(c.tenantId = @tenantId OR NOT IS_DEFINED(c.tenantId))' : 'c.tenantId = @tenantId';
    return this.batches.query({
      query: `SELECT * FROM c WHERE c.type = 'learningNeedBatch' AND ${tenant} AND c.weekStart >= @from AND c.weekStart <= @to`,
      parameters: [{ name: '@tenantId', value: owner.tenantId }, { name: '@from', value: from }, { name: '@to', value: to }],
    });
  }

  /** Read as the HR report reads it (hr-report.source.ts): `tenantId`, else the conversation's tenant, else none (`''`). */
  async tenantOfGroup(groupId: string) {
    const { resources } = await this.conn
      .container(GROUP_PARTITION_CONTAINER)
      .items.query<{ tenantId?: string; refTenant?: string }>(
        { query: "SELECT c.tenantId, c.conversationRef.conversation.tenantId AS refTenant FROM c WHERE c.type = 'group' AND c.groupId = @groupId", parameters: [{ name: '@groupId', value: groupId }] },
        { partitionKey: groupId },
      )
      .fetchAll();
    const group = resources[0];
    return group ? (group.tenantId ?? group.refTenant ?? '') : undefined;
  }
}
