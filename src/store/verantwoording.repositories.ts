import { isDeepStrictEqual } from 'node:util';
import { DomainError } from '../domain/shared/errors';
import { AccountabilityNote, mayBeTakenBack } from '../domain/verantwoording/accountability-note';
import { Mutate } from '../domain/week-cycle/ports';
import { ErasureTicket } from '../domain/verantwoording/erasure-ticket';
import { PersonalRecord } from '../domain/verantwoording/personal-record';
import { PersonalRecordRepository } from '../domain/verantwoording/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf, strip } from './document-store';

/**
 * The `personal` container, partitioned by userId. Reads check the owner as well as the
 * partition: an id from another person (a tampered card, a guessed URL) finds nothing.
 */
export class CosmosPersonalRecordRepository implements PersonalRecordRepository {
  private readonly store: DocumentStore<PersonalRecord>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<PersonalRecord>(conn.container('personal'), (r) => r.userId);
  }

  async get(userId: string, id: string) {
    const doc = await this.store.get(id, userId);
    return doc?.userId === userId ? doc : undefined;
  }

  async create(record: PersonalRecord) {
    const { doc, created, version } = await this.store.create(record);
    if (doc.userId !== record.userId) throw new Error('id collision across owners');
    return { record: doc, created, ...(version ? { version } : {}) };
  }

  async confirmNote(userId: string, id: string, found: { record: AccountabilityNote; version: string }): Promise<AccountabilityNote | 'takenBack' | 'deleted'> {
    let known: { doc: PersonalRecord; version: string } = { doc: found.record, version: found.version };
    for (let attempt = 0; attempt < 5; attempt++) {
      const seen = known;
      try {
        // Only under the version given: what a re-read finds is decided below, never replaced here.
        const stored = await this.store.update(
          id,
          userId,
          (current) => {
            if (current !== seen.doc) throw new ReadAgain();
            return current.type === 'note' ? { ...current, confirmed: true } : current;
          },
          seen,
        );
        return stored.type === 'note' && stored.userId === userId ? stored : 'takenBack';
      } catch (err) {
        if (statusOf(err) === 404) return 'takenBack';
        if (!(err instanceof ReadAgain)) throw err;
      }
      const now = await this.store.getVersioned(id, userId);
      if (!now || now.doc.userId !== userId) return 'takenBack';
      if (now.doc.type === 'deletedNote') return 'deleted';
      if (now.doc.type !== 'note') return 'takenBack';
      // Confirmed, or changed by her since (edited, shared): no take-back removes it.
      if (now.doc.confirmed || !mayBeTakenBack(now.doc)) return now.doc;
      // Still as added, under another version: taken back and written again by a late delivery (whose
      // own take-back may follow; any other time stamp than found, found in review, stop 62), or after
      // an erasure's sweep. Confirming that one could outlive the erasure; answering with it unconfirmed
      // could answer "saved" on a note taken back next.
      if (now.version !== found.version || !isDeepStrictEqual(now.doc, found.record)) return 'takenBack';
      // The replace did not go through (its answer lost, refused): once more, under the same version.
      known = now;
    }
    throw new DomainError('conflict', 'note kept changing while confirmed');
  }

  upsert(record: PersonalRecord) {
    return this.store.upsert(record);
  }

  async update(userId: string, id: string, mutate: Mutate<PersonalRecord>) {
    try {
      return await this.store.update(id, userId, (current) => {
        if (current.userId !== userId) throw new DomainError('notFound', 'record of another owner');
        const next = mutate(current);
        if (next !== current && next.userId !== userId) throw new Error('a record cannot change owner');
        return next;
      });
    } catch (err) {
      if (statusOf(err) === 404) throw new DomainError('notFound', 'record');
      throw err;
    }
  }

  async updateOrDelete(userId: string, id: string, mutate: (current: PersonalRecord) => PersonalRecord | undefined) {
    try {
      return await this.store.updateOrDelete(id, userId, (current) => {
        if (current.userId !== userId) throw new DomainError('notFound', 'record of another owner');
        const next = mutate(current);
        if (next && next !== current && next.userId !== userId) throw new Error('a record cannot change owner');
        return next;
      });
    } catch (err) {
      if (statusOf(err) === 404) throw new DomainError('notFound', 'record');
      throw err;
    }
  }

  async delete(userId: string, id: string) {
    if (!(await this.get(userId, id))) return false;
    return this.store.delete(id, userId);
  }

  listAll(userId: string) {
    return this.store.query(allOf(userId), userId);
  }

  async listAllVersioned(userId: string) {
    return (await this.store.queryStored(allOf(userId), userId)).map((doc) => ({ record: strip(doc), version: doc._etag ?? '' }));
  }

  listShared(userId: string) {
    return this.store.query(
      { query: "SELECT * FROM c WHERE c.userId = @userId AND c.visibility = 'shared'", parameters: [{ name: '@userId', value: userId }] },
      userId,
    );
  }

  async erasureTicketWithMarker(marker: string): Promise<ErasureTicket | undefined> {
    const found = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'erasureTicket' AND c.marker = @marker", parameters: [{ name: '@marker', value: marker }] });
    return found.find((r): r is ErasureTicket => r.type === 'erasureTicket' && r.marker === marker);
  }
}

/** All of one person's records: one query in their own partition. */
const allOf = (userId: string) => ({ query: 'SELECT * FROM c WHERE c.userId = @userId', parameters: [{ name: '@userId', value: userId }] });

/** A confirm's replace met another version than the one found: decided on a read of its own. */
class ReadAgain extends Error {}
