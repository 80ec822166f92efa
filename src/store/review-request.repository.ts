import { ReviewRequestRecord, ReviewRequestRepository, ReviewRequestsErasure, WithdrawnReviewRequest, withdrawnRequest } from '../domain/talent-review/review-request';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

/**
 * The requests for a talentontwikkelgesprek a professional keeps, in their own `personal`
 * partition (as their notes are): the send creates one under an id from the press (a withdraw
 * leaves a mark under that id for three days, WithdrawnReviewRequest, as a deleted note does), the preview and
 * the form list them with one query in that partition, and their export and erasure find them with
 * the rest of the partition. Only a manager's erasure and export query across partitions, for the
 * records that name them: to take their id off, or to list them.
 */
export class CosmosReviewRequestRepository implements ReviewRequestRepository, ReviewRequestsErasure {
  private readonly store: DocumentStore<ReviewRequestRecord | WithdrawnReviewRequest>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<ReviewRequestRecord | WithdrawnReviewRequest>(conn.container('personal'), (r) => r.userId);
  }

  async create(record: ReviewRequestRecord): Promise<{ record: ReviewRequestRecord; created: boolean; version?: string } | { withdrawn: true }> {
    const { doc, created, version } = await this.store.create(record);
    if (doc.type === 'reviewRequestWithdrawn' && doc.userId === record.userId) return { withdrawn: true };
    if (doc.type !== 'reviewRequest' || doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created, ...(version ? { version } : {}) };
  }

  async confirm(professionalId: string, id: string, known?: { record: ReviewRequestRecord; version: string }): Promise<void> {
    // Under the ETag the create found (no read first); changed since, read again. Gone (taken back
    // by the delivery that created it): the store's 404 goes up, as the error card.
    await this.store.update(
      id,
      professionalId,
      (current) => {
        // Withdrawn since (she saw it listed as sent): nothing to mark.
        if (current.type === 'reviewRequestWithdrawn' && current.userId === professionalId) return current;
        if (current.type !== 'reviewRequest' || current.userId !== professionalId) throw new Error('id collision across owners');
        return current.confirmed ? current : { ...current, confirmed: true };
      },
      known ? { doc: known.record, version: known.version } : undefined,
    );
  }

  async list(professionalId: string): Promise<ReviewRequestRecord[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.userId = @userId", parameters: [{ name: '@userId', value: professionalId }] }, professionalId);
    return docs.filter((d): d is ReviewRequestRecord => d.type === 'reviewRequest' && d.userId === professionalId);
  }

  async get(professionalId: string, id: string): Promise<ReviewRequestRecord | undefined> {
    const doc = await this.store.get(id, professionalId);
    return doc?.type === 'reviewRequest' && doc.userId === professionalId ? doc : undefined;
  }

  async withdraw(professionalId: string, id: string, now: Date): Promise<boolean> {
    let withdrawn = false;
    try {
      // Replaced as it stands (its ETag) by what keeps its id taken: a send delivered again finds that.
      await this.store.update(id, professionalId, (current) => {
        withdrawn = false;
        if (current.type !== 'reviewRequest' || current.userId !== professionalId) return current;
        withdrawn = true;
        return withdrawnRequest(current, now);
      });
    } catch (err) {
      // Nothing under that id (never there, or expired): nothing to withdraw.
      if (statusOf(err) === 404) return false;
      throw err;
    }
    return withdrawn;
  }

  async toManager(managerId: string): Promise<ReviewRequestRecord[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.managerId = @managerId", parameters: [{ name: '@managerId', value: managerId }] });
    return docs.filter((d): d is ReviewRequestRecord => d.type === 'reviewRequest' && d.managerId === managerId);
  }

  async forgetManager(managerId: string): Promise<number> {
    let changed = 0;
    for (const doc of await this.toManager(managerId)) {
      try {
        await this.store.update(doc.id, doc.userId, (current) => {
          if (current.type !== 'reviewRequest' || current.managerId !== managerId) return current;
          const { managerId: _gone, ...rest } = current;
          return rest;
        });
        changed++;
      } catch (err) {
        // Deleted meanwhile (withdrawn, or the professional's own erasure): nothing left to forget.
        if (statusOf(err) !== 404) throw err;
      }
    }
    return changed;
  }
}

