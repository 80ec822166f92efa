import { Container } from '@azure/cosmos';
import { Clock } from '../domain/shared/clock';
import { PrepSummaryDoc, prepSummaryId } from '../domain/talent-review/prep-summary';
import { PrepSummaryStore, PrepSummaryWrite, StoredPrepSummary } from '../domain/talent-review/ports';
import { CosmosConnection } from './cosmos-connection';
import { retrying, statusOf, Stored } from './document-store';

/**
 * Each professional's one stored prep summary, in their own `personal` partition, by a fixed id:
 * every request is a point read or a guarded write of that document, never a query. A write that
 * finds the document changed (another render wrote first) answers what is stored now, read back.
 */
export class CosmosPrepSummaryStore implements PrepSummaryStore {
  private readonly container: Container;
  constructor(conn: CosmosConnection, private readonly clock: Clock) {
    this.container = conn.container('personal');
  }

  get(userId: string): Promise<StoredPrepSummary | undefined> {
    return retrying(async () => {
      try {
        const { resource } = await this.container.item(prepSummaryId(userId), userId).read<Stored<PrepSummaryDoc>>();
        return resource ? storedOf(resource, userId) : undefined;
      } catch (err) {
        if (statusOf(err) === 404) return undefined;
        throw err;
      }
    });
  }

  async put(userId: string, summary: { inputHash: string; language: 'nl' | 'en'; text: string }, replaces?: string): Promise<PrepSummaryWrite> {
    const doc: PrepSummaryDoc = { id: prepSummaryId(userId), type: 'prepSummary', userId, inputHash: summary.inputHash, language: summary.language, text: summary.text, updatedAt: this.clock.now().toISOString() };
    try {
      // Retried on a transient failure: a write whose answer was lost conflicts with itself, and is read back.
      const resource = await retrying(async () =>
        replaces === undefined
          ? (await this.container.items.create<PrepSummaryDoc>(doc)).resource
          : (await this.container.item(doc.id, userId).replace<PrepSummaryDoc>(doc, { accessCondition: { type: 'IfMatch', condition: replaces } })).resource,
      );
      const written = resource ? storedOf(resource as Stored<PrepSummaryDoc>, userId) : undefined;
      if (!written) throw new Error('prep summary written without its version');
      return { written };
    } catch (err) {
      // 409: created meanwhile; 412: replaced or removed since it was read; 404: removed since it was read.
      if (![409, 412, 404].includes(statusOf(err) ?? 0)) throw err;
      return { conflict: await this.get(userId) };
    }
  }

  remove(userId: string, version: string): Promise<boolean> {
    return retrying(async () => {
      try {
        await this.container.item(prepSummaryId(userId), userId).delete({ accessCondition: { type: 'IfMatch', condition: version } });
        return true;
      } catch (err) {
        if (statusOf(err) === 404 || statusOf(err) === 412) return false;
        throw err;
      }
    });
  }
}

/** The stored summary of this user, or nothing when the document is not theirs or not a summary. */
function storedOf(doc: Stored<PrepSummaryDoc>, userId: string): StoredPrepSummary | undefined {
  if (doc.type !== 'prepSummary' || doc.userId !== userId || typeof doc.text !== 'string' || !doc._etag) return undefined;
  return { inputHash: doc.inputHash, ...(doc.language === 'nl' || doc.language === 'en' ? { language: doc.language } : {}), text: doc.text, version: doc._etag };
}
