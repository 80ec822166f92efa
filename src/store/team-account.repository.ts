import { TeamAccountRecord, TeamAccountRepository } from '../domain/talent-review/team-account';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

/**
 * A manager's accounts to their team, in the manager's own `personal` partition (as their notes
 * are): the form lists them with one query in that partition, the send creates one under an id
 * from the press, and their export and erasure find them with the rest of the partition.
 */
export class CosmosTeamAccountRepository implements TeamAccountRepository {
  private readonly store: DocumentStore<TeamAccountRecord>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<TeamAccountRecord>(conn.container('personal'), (r) => r.userId);
  }

  async create(record: TeamAccountRecord): Promise<{ record: TeamAccountRecord; created: boolean }> {
    const { doc, created } = await this.store.create(record);
    if (doc.type !== 'teamAccount' || doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created };
  }

  async list(managerId: string): Promise<TeamAccountRecord[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @userId", parameters: [{ name: '@userId', value: managerId }] }, managerId);
    return docs.filter((d) => d.type === 'teamAccount' && d.userId === managerId);
  }

  async get(managerId: string, id: string): Promise<TeamAccountRecord | undefined> {
    const doc = await this.store.get(id, managerId);
    return doc?.type === 'teamAccount' && doc.userId === managerId ? doc : undefined;
  }

  async delete(managerId: string, id: string): Promise<boolean> {
    try {
      const gone = await this.store.deleteChecked(id, managerId, (current) => {
        if (current.type !== 'teamAccount' || current.userId !== managerId) throw new NotATeamAccount();
      });
      return !!gone;
    } catch (err) {
      // Another kind of record of theirs under that id (a forged press): left alone.
      if (err instanceof NotATeamAccount) return false;
      throw err;
    }
  }
}

class NotATeamAccount extends Error {}
