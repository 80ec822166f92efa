import { DeletedTeamAccount, deletedTeamAccount, TeamAccountRecord, TeamAccountRepository, TeamAccountsErasure, withoutRecipient } from '../domain/talent-review/team-account';
import { mayTakeBack, nextState, TeamAccountState, teamAccountState, withState } from '../domain/talent-review/team-account-send';
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
        const record = ownRecord(current, managerId);
        // Another kind of record of theirs under that id (a forged press), or deleted already: left alone.
        deleted = !!record && nextState(teamAccountState(record), 'deleteFromList') === 'deletedFromList';
        return record && deleted ? deletedTeamAccount(record, now) : current;
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
      const state = this.stateOf(current, managerId);
      const record = ownRecord(current, managerId);
      // Deleted from her list since (she saw it listed as sent), or confirmed already: nothing to mark.
      return record && nextState(state, 'confirm') !== state ? withState(record, 'confirmed') : current;
    });
  }

  async takeBack(managerId: string, id: string): Promise<TeamAccountState> {
    let found: TeamAccountState = 'absent';
    try {
      const deleted = await this.store.deleteChecked(id, managerId, (current) => {
        found = this.stateOf(current, managerId);
        // Confirmed by another delivery of the press, or her delete's mark: it stays, and the send is told.
        if (!mayTakeBack(found)) throw new Stays();
      });
      // Nothing there: gone already, with no mark of her delete (her erasure took it).
      return deleted ? found : 'absent';
    } catch (err) {
      if (err instanceof Stays) return found;
      throw err;
    }
  }

  /** The state of what holds the id; another kind of record under it (a forged press) is never one of hers. */
  private stateOf(doc: TeamAccountRecord | DeletedTeamAccount, managerId: string): TeamAccountState {
    if (doc.type === 'teamAccountDeleted' && doc.userId === managerId) return teamAccountState('deleted');
    const record = ownRecord(doc, managerId);
    if (!record) throw new Error('id collision across owners');
    return teamAccountState(record);
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

/** A take-back met a state it may not delete. */
class Stays extends Error {}

function ownRecord(doc: TeamAccountRecord | DeletedTeamAccount, managerId: string): TeamAccountRecord | undefined {
  return doc.type === 'teamAccount' && doc.userId === managerId ? doc : undefined;
}
