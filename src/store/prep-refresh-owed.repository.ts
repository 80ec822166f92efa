import { Container } from '@azure/cosmos';
import { Clock } from '../domain/shared/clock';
import { OwedPrepRefresh, PrepRefreshesOwed, PrepRefreshOwedDoc, prepRefreshOwedId } from '../domain/talent-review/prep-refresh-owed';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, retrying, statusOf } from './document-store';

/**
 * The prep-card rebuilds still owed (domain/talent-review/prep-refresh-owed.ts), each in its
 * person's own `personal` partition by a fixed id: owing is one upsert, which gives the document
 * a new version, so a rebuild that read the older one does not settle it.
 */
export class CosmosPrepRefreshesOwed implements PrepRefreshesOwed {
  private readonly container: Container;
  private readonly store: DocumentStore<PrepRefreshOwedDoc>;
  constructor(conn: CosmosConnection, private readonly clock: Clock) {
    this.container = conn.container('personal');
    this.store = new DocumentStore<PrepRefreshOwedDoc>(this.container, (d) => d.userId);
  }

  async owe(userId: string): Promise<void> {
    await this.store.upsert({ id: prepRefreshOwedId(userId), type: 'prepRefreshOwed', userId, at: this.clock.now().toISOString() });
  }

  async oldest(limit: number): Promise<OwedPrepRefresh[]> {
    const docs = await this.store.queryStored<PrepRefreshOwedDoc>({
      query: `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.type = 'prepRefreshOwed' ORDER BY c.at`,
    });
    // Only a document that is what its id says: another type under a colliding id is not owed.
    return docs.filter((d) => d.userId && d._etag && d.id === prepRefreshOwedId(d.userId)).map((d) => ({ userId: d.userId, version: d._etag! }));
  }

  async settle(owed: OwedPrepRefresh): Promise<void> {
    await retrying(async () => {
      try {
        await this.container.item(prepRefreshOwedId(owed.userId), owed.userId).delete({ accessCondition: { type: 'IfMatch', condition: owed.version } });
      } catch (err) {
        // 412: owed again since it was read (the next check rebuilds it); 404: settled already.
        if (statusOf(err) !== 412 && statusOf(err) !== 404) throw err;
      }
    });
  }
}
