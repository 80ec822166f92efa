import { isDeepStrictEqual } from 'node:util';
import { isPassOn, LearningNeedBatch, LearningNeedPassOn, LearningNeedRecord, passOnId } from '../domain/learning-needs/learning-need';
import { LearningNeedStore } from '../domain/learning-needs/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';
import { GROUP_PARTITION_CONTAINER } from './group-partition';

const MAX_ATTEMPTS = 12;

const isGone = (err: unknown) => statusOf(err) === 404 || (err as { code?: number }).code === 404;

/** A confirm's replace met another version than it read: decided on a fresh read. */
class ConfirmReadAgain extends Error {}

/**
 * What a confirm found instead of the pass-on as found: confirmed, or changed since (no take-back of
 * the delivery that wrote it matches it any more), stands; still as found (under another version:
 * taken back and written anew, whose own take-back may follow) or gone, is not answered with.
 */
function changedSince(now: LearningNeedRecord, found: LearningNeedPassOn): LearningNeedRecord | 'takenBack' {
  if (isPassOn(now) && now.confirmed) return now;
  return isDeepStrictEqual(now, found) ? 'takenBack' : now;
}

/**
 * Pass-ons live in their owner's `personal` partition (export and erasure find them there), and
 * so does what a withdrawal leaves in a pass-on's place (under the same id: one ETag-guarded
 * write turns one into the other); batches in the `learningNeeds` container, which holds nothing
 * that names a person, each batch naming the one tenant whose L&O it is for.
 */
export class CosmosLearningNeedStore implements LearningNeedStore {
  private readonly passOns: DocumentStore<LearningNeedPassOn>;
  private readonly records: DocumentStore<LearningNeedRecord>;
  private readonly batches: DocumentStore<LearningNeedBatch>;
  constructor(private readonly conn: CosmosConnection) {
    this.passOns = new DocumentStore<LearningNeedPassOn>(conn.container('personal'), (p) => p.userId);
    this.records = new DocumentStore<LearningNeedRecord>(conn.container('personal'), (p) => p.userId);
    this.batches = new DocumentStore<LearningNeedBatch>(conn.container('learningNeeds'), (b) => b.id);
  }

  async get(userId: string, answerId: string) {
    const record = await this.record(userId, answerId);
    return isPassOn(record) ? record : undefined;
  }

  private async record(userId: string, answerId: string): Promise<LearningNeedRecord | undefined> {
    const doc = await this.records.get(passOnId(userId, answerId), userId);
    return (doc?.type === 'learningNeedPassOn' || doc?.type === 'learningNeedWithdrawn') && doc.userId === userId ? doc : undefined;
  }

  async put(userId: string, answerId: string, mutate: (current: LearningNeedRecord | undefined) => LearningNeedRecord) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.record(userId, answerId);
      if (current) {
        try {
          return await this.records.update(current.id, userId, (c) => mutate(c));
        } catch (err) {
          if (!isGone(err)) throw err;
          continue; // erased meanwhile: start again
        }
      }
      const { doc, created } = await this.records.create(mutate(undefined));
      if (created) return doc;
    }
    throw new Error('learning need: too many concurrent changes');
  }

  async takeBack(userId: string, answerId: string, asWritten: (stored: LearningNeedRecord) => boolean, before: LearningNeedRecord | undefined) {
    try {
      await this.records.updateOrDelete(passOnId(userId, answerId), userId, (current) => (current.userId === userId && asWritten(current) ? before : current));
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  }

  async confirm(userId: string, answerId: string, found: LearningNeedPassOn): Promise<LearningNeedRecord | 'takenBack'> {
    const read = await this.records.getVersioned(passOnId(userId, answerId), userId);
    if (!read || read.doc.userId !== userId) return 'takenBack';
    if (!isDeepStrictEqual(read.doc, found)) return changedSince(read.doc, found);
    try {
      // Only under the version read: what a re-read would find is decided below, never replaced here.
      return await this.records.update(
        read.doc.id,
        userId,
        (current) => {
          if (current !== read.doc) throw new ConfirmReadAgain();
          return { ...current, confirmed: true } as LearningNeedRecord;
        },
        read,
      );
    } catch (err) {
      if (isGone(err)) return 'takenBack';
      if (!(err instanceof ConfirmReadAgain)) throw err;
    }
    const now = await this.record(userId, answerId);
    return now ? changedSince(now, found) : 'takenBack';
  }

  async withdraw(userId: string, answerId: string, mutate: (current: LearningNeedRecord) => LearningNeedRecord) {
    const current = await this.record(userId, answerId);
    if (!current) return undefined; // nothing to withdraw
    try {
      // A replace whose answer was lost is read again by `update`, and found done (`mutate` leaves it).
      return await this.records.update(current.id, userId, (c) => mutate(c));
    } catch (err) {
      if (isGone(err)) return undefined;
      throw err;
    }
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

  async change(passOn: LearningNeedPassOn, mutate: (current: LearningNeedPassOn) => LearningNeedRecord) {
    let still = true;
    try {
      // Withdrawn since it was read: what the withdrawal left stays as it is.
      await this.records.update(passOn.id, passOn.userId, (c) => ((still = isPassOn(c)) ? mutate(c) : c));
      return still;
    } catch (err) {
      if (isGone(err)) return false;
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

  batchesOfWeek(week: string) {
    return this.batches.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedBatch' AND c.week = @week", parameters: [{ name: '@week', value: week }] });
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
