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

  async create(record: ProposalToManager): Promise<{ record: ProposalToManager; created: boolean }> {
    const { doc, created } = await this.store.create(record);
    if (doc.type !== 'proposalToManager' || doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created };
  }

  async update(memberId: string, id: string, mutate: (r: ProposalToManager) => ProposalToManager): Promise<ProposalToManager> {
    try {
      return await this.store.update(id, memberId, (current) => {
        if (current.type !== 'proposalToManager' || current.userId !== memberId) throw new DomainError('notFound', 'record of another owner');
        return mutate(current);
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

  async confirm(memberId: string, id: string): Promise<void> {
    // Gone (taken back by another delivery of the press): the store's 404 goes up, as an error card.
    await this.store.update(id, memberId, (current) => {
      if (current.type !== 'proposalToManager' || current.userId !== memberId) throw new DomainError('notFound', 'record of another owner');
      return current.confirmed ? current : { ...current, confirmed: true };
    });
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
        await this.store.update(doc.id, doc.userId, (current) => (current.managerId === managerId ? withoutManager(current) : current));
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
