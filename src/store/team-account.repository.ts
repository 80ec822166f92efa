import { DeletedTeamAccount, deletedTeamAccount, TeamAccountRecord, TeamAccountRepository, TeamAccountsErasure, withoutRecipient } from '../domain/talent-review/team-account';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

/**
 * A manager's accounts to their team, in the manager's own `personal` partition (as their notes
 * are): the form lists them with one query in that partition, the send creates one under an id
 * from the press, and their export and erasure find them with the rest of the partition. A record
 * names nobody it went to (a count); only a member's erasure queries across partitions, for the
 * older records that still name them. A delete from her list leaves a mark under the record's id
 * for a week (DeletedTeamAccount), which the list and `get` never show.
 */
export class CosmosTeamAccountRepository implements TeamAccountRepository, TeamAccountsErasure {
  private readonly store: DocumentStore<TeamAccountRecord | DeletedTeamAccount>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<TeamAccountRecord | DeletedTeamAccount>(conn.container('personal'), (r) => r.userId);
  }

  async create(record: TeamAccountRecord): Promise<{ record: TeamAccountRecord; created: boolean } | { deleted: true }> {
    const { doc, created } = await this.store.create(record);
    // Her delete's mark holds the id (a press delivered again after she deleted it): nothing is kept.
    if (doc.type === 'teamAccountDeleted' && doc.userId === record.userId) return { deleted: true };
    if (doc.type !== 'teamAccount' || doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created };
  }

  async list(managerId: string): Promise<TeamAccountRecord[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @userId", parameters: [{ name: '@userId', value: managerId }] }, managerId);
    return docs.filter((d): d is TeamAccountRecord => d.type === 'teamAccount' && d.userId === managerId);
  }

  async get(managerId: string, id: string): Promise<TeamAccountRecord | undefined> {
    const found = await this.find(managerId, id);
    return found === 'deleted' ? undefined : found;
  }

  async find(managerId: string, id: string): Promise<TeamAccountRecord | 'deleted' | undefined> {
    const doc = await this.store.get(id, managerId);
    if (doc?.userId !== managerId) return undefined;
    return doc.type === 'teamAccount' ? doc : doc.type === 'teamAccountDeleted' ? 'deleted' : undefined;
  }

  async delete(managerId: string, id: string, now: Date): Promise<boolean> {
    let deleted = false;
    try {
      // Replaced as it stands (its ETag) by what keeps its id taken: a card still waiting goes, a press again keeps nothing.
      await this.store.update(id, managerId, (current) => {
        deleted = false;
        // Another kind of record of theirs under that id (a forged press), or deleted already: left alone.
        if (current.type !== 'teamAccount' || current.userId !== managerId) return current;
        deleted = true;
        return deletedTeamAccount(current, now);
      });
    } catch (err) {
      // Nothing under that id (never there, taken back, or its mark expired): nothing to delete.
      if (statusOf(err) === 404) return false;
      throw err;
    }
    return deleted;
  }

  async confirm(managerId: string, id: string): Promise<void> {
    // Gone (taken back by the delivery that created it): the store's 404 goes up, as an error card.
    await this.store.update(id, managerId, (current) => {
      // Deleted from her list since (she saw it listed as sent): it went, nothing to mark.
      if (current.type === 'teamAccountDeleted' && current.userId === managerId) return current;
      if (current.type !== 'teamAccount' || current.userId !== managerId) throw new NotATeamAccount();
      return current.confirmed ? current : { ...current, confirmed: true };
    });
  }

  async deleteUnconfirmed(managerId: string, id: string): Promise<'deleted' | 'confirmed' | 'deletedFromList' | 'gone'> {
    let found: 'confirmed' | 'deletedFromList' = 'confirmed';
    try {
      const deleted = await this.store.deleteChecked(id, managerId, (current) => {
        // Her delete's mark (she deleted it from her list while this send was queueing): it stays, and the send is told.
        found = current.type === 'teamAccountDeleted' && current.userId === managerId ? 'deletedFromList' : 'confirmed';
        if (current.type !== 'teamAccount' || current.userId !== managerId || current.confirmed) throw new NotATeamAccount();
      });
      // Nothing there: gone already, with no mark of her delete (her erasure took it).
      return deleted ? 'deleted' : 'gone';
    } catch (err) {
      // Confirmed by another delivery of the press (or another kind of record under that id): it stays.
      if (err instanceof NotATeamAccount) return found;
      throw err;
    }
  }

  async forgetRecipient(userId: string): Promise<number> {
    const naming = await this.naming(userId);
    let changed = 0;
    for (const doc of naming) {
      // Whether the last try (the one the ETag let through) took them out; false when it already had.
      let took = false;
      try {
        await this.store.update(doc.id, doc.userId, (current) => {
          const next = current.type === 'teamAccount' && current.userId === doc.userId ? withoutRecipient(current, userId) : current;
          took = next !== current;
          return next;
        });
        if (took) changed++;
      } catch (err) {
        // Deleted meanwhile (the manager deleted it, or erased their own data): nothing left to forget.
        if (statusOf(err) !== 404) throw err;
      }
    }
    return changed;
  }

  /** The older kept accounts, in every manager's partition, that name this person as a recipient (newer ones name nobody): their erasure only. */
  private async naming(userId: string): Promise<TeamAccountRecord[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND ARRAY_CONTAINS(c.recipients, @recipient, true)", parameters: [{ name: '@recipient', value: { id: userId } }] });
    return docs.filter((d): d is TeamAccountRecord => d.type === 'teamAccount' && !!d.recipients?.some((m) => m.id === userId));
  }
}

class NotATeamAccount extends Error {}
