import { isDeepStrictEqual } from 'node:util';
import { ProposalsToManagerErasure, ProposalToManager, ProposalToManagerRepository, withoutManager } from '../domain/talent-review/proposal-to-manager';
import { DomainError } from '../domain/shared/errors';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

/**
 * A member's proposals put before their manager, in the member's own `personal` partition: the
 * member's turn and the manager's answer read one by a point read (the card carries member and
 * id); only the manager's export and erasure query across partitions.
 */
export class CosmosProposalToManagerRepository implements ProposalToManagerRepository, ProposalsToManagerErasure {
  private readonly store: DocumentStore<ProposalToManager>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<ProposalToManager>(conn.container('personal'), (r) => r.userId);
  }

  async get(memberId: string, id: string): Promise<ProposalToManager | undefined> {
    const doc = await this.store.get(id, memberId);
    return doc?.type === 'proposalToManager' && doc.userId === memberId ? doc : undefined;
  }

  async getVersioned(memberId: string, id: string): Promise<{ record: ProposalToManager; version: string } | undefined> {
    const found = await this.store.getVersioned(id, memberId);
    return found?.doc.type === 'proposalToManager' && found.doc.userId === memberId ? { record: found.doc, version: found.version } : undefined;
  }

  async create(record: ProposalToManager): Promise<{ record: ProposalToManager; created: boolean; version?: string }> {
    const { doc, created, version } = await this.store.create(record);
    if (doc.type !== 'proposalToManager' || doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created, ...(version ? { version } : {}) };
  }

  async update(memberId: string, id: string, mutate: (r: ProposalToManager) => ProposalToManager): Promise<ProposalToManager> {
    try {
      return await this.store.update(id, memberId, (current) => {
        if (current.type !== 'proposalToManager' || current.userId !== memberId) throw new DomainError('notFound', 'record of another owner');
        return revised(current, mutate(current));
      });
    } catch (err) {
      if (statusOf(err) === 404) throw new DomainError('notFound', 'proposal put before a manager');
      throw err;
    }
  }

  async delete(memberId: string, id: string): Promise<void> {
    await this.store.deleteChecked(id, memberId, (current) => {
      if (current.type !== 'proposalToManager' || current.userId !== memberId) throw new DomainError('notFound', 'record of another owner');
    });
  }

  async confirm(memberId: string, id: string, found: { record: ProposalToManager; version?: string }): Promise<ProposalToManager | 'takenBack'> {
    let seen: { doc: ProposalToManager; version: string } | undefined = found.version ? { doc: found.record, version: found.version } : undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!seen) {
        const now = await this.store.getVersioned(id, memberId);
        if (!now || now.doc.type !== 'proposalToManager' || now.doc.userId !== memberId) return 'takenBack';
        if (now.doc.confirmed) return now.doc;
        // Another send under this id (taken back, then written again: pressed again, or a late
        // create after her erasure's sweep): its own delivery answers for it, never this confirm.
        if (!isDeepStrictEqual(asSent(now.doc), asSent(found.record))) return 'takenBack';
        // Under another version without a change counted since: taken back and written again (a
        // create, or a create's retry, starts the count anew; every change of a living record
        // counts, even one that leaves it as it was, as an answer taken back does (found in
        // review, stop 62)). Changed since (answered, its manager erased, not delivered): the same send.
        if (found.version && now.version !== found.version && revOf(now.doc) <= revOf(found.record)) return 'takenBack';
        seen = now;
      }
      const known = seen;
      try {
        // Only under the version known: what a re-read finds is decided above, never replaced here.
        return await this.store.update(
          id,
          memberId,
          (current) => {
            if (current !== known.doc) throw new ReadAgain();
            return current.confirmed ? current : revised(current, { ...current, confirmed: true });
          },
          known,
        );
      } catch (err) {
        // Gone (taken back by another delivery of the press): not sent.
        if (statusOf(err) === 404) return 'takenBack';
        if (!(err instanceof ReadAgain)) throw err;
      }
      seen = undefined;
    }
    throw new DomainError('conflict', 'proposal put before a manager kept changing while confirmed');
  }

  async deleteUnconfirmed(memberId: string, id: string): Promise<boolean> {
    let confirmed = false;
    await this.store.deleteChecked(id, memberId, (current) => {
      if (current.type !== 'proposalToManager' || current.userId !== memberId) throw new DomainError('notFound', 'record of another owner');
      confirmed = !!current.confirmed;
      if (confirmed) throw new Confirmed();
    }).catch((err: unknown) => {
      if (!(err instanceof Confirmed)) throw err;
    });
    return !confirmed;
  }

  async putBefore(managerId: string): Promise<ProposalToManager[]> {
    return this.naming(managerId);
  }

  async forgetManager(managerId: string): Promise<number> {
    const naming = await this.naming(managerId);
    let changed = 0;
    for (const doc of naming) {
      try {
        await this.store.update(doc.id, doc.userId, (current) => (current.managerId === managerId ? revised(current, withoutManager(current)) : current));
        changed++;
      } catch (err) {
        // Deleted meanwhile (the member's own erasure): nothing left to forget.
        if (statusOf(err) !== 404) throw err;
      }
    }
    return changed;
  }

  /** The records in every member's partition that name this manager: the manager's export and erasure only. */
  private async naming(managerId: string): Promise<ProposalToManager[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager' AND c.managerId = @managerId", parameters: [{ name: '@managerId', value: managerId }] });
    return docs.filter((d) => d.type === 'proposalToManager' && d.managerId === managerId);
  }
}

/** The record is confirmed: a take-back leaves it. */
class Confirmed extends Error {}

/** The version known is not the one stored: read it again, and decide on what is there. */
class ReadAgain extends Error {}

/** What a send's create wrote, without what later happens to the record (answers, confirms, its manager's erasure). */
function asSent(record: ProposalToManager): Omit<ProposalToManager, 'answer' | 'answerKeys' | 'undelivered' | 'confirmed' | 'managerId' | 'managerName' | 'rev'> {
  const { answer: _a, answerKeys: _k, undelivered: _u, confirmed: _c, managerId: _m, managerName: _n, rev: _r, ...sent } = record;
  return sent;
}

/** The changes counted on the record since its create: none on a record as created, and on one from before they were counted. */
function revOf(record: ProposalToManager): number {
  return record.rev ?? 0;
}

/** `next` as the change of `current` it is, counted; no change (the same object) writes nothing and counts none. */
function revised(current: ProposalToManager, next: ProposalToManager): ProposalToManager {
  return next === current ? current : { ...next, rev: revOf(current) + 1 };
}
