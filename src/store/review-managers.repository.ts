import { ReviewManagersIndex } from '../domain/talent-review/ports';
import { blankReviewManagers, ReviewManagersDoc, reviewManagersId, withoutReviewManager, withReviewManager } from '../domain/talent-review/review-managers';
import { Clock } from '../domain/shared/clock';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore, statusOf } from './document-store';

/** Each person's managers who planned a conversation about them, in their own `personal` partition. */
export class CosmosReviewManagersIndex implements ReviewManagersIndex {
  private readonly store: DocumentStore<ReviewManagersDoc>;
  constructor(conn: CosmosConnection, private readonly clock: Clock) {
    this.store = new DocumentStore<ReviewManagersDoc>(conn.container('personal'), (d) => d.userId);
  }

  async managersOf(reportId: string): Promise<string[]> {
    const doc = await this.store.get(reviewManagersId(reportId), reportId);
    return doc?.type === 'reviewManagers' && doc.userId === reportId ? doc.managerIds : [];
  }

  async record(reportId: string, managerId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    const change = (doc: ReviewManagersDoc) => withReviewManager(doc, managerId, at);
    try {
      await this.store.update(reviewManagersId(reportId), reportId, change);
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
      // The first conversation planned about this person: create the index; if another manager just did, change theirs.
      const { created } = await this.store.create(change(blankReviewManagers(reportId, at)));
      if (!created) await this.store.update(reviewManagersId(reportId), reportId, change);
    }
  }

  async forgetManager(managerId: string): Promise<void> {
    const naming = await this.store.query({
      query: "SELECT * FROM c WHERE c.type = 'reviewManagers' AND ARRAY_CONTAINS(c.managerIds, @managerId)",
      parameters: [{ name: '@managerId', value: managerId }],
    });
    for (const doc of naming) {
      try {
        await this.store.update(doc.id, doc.userId, (current) => withoutReviewManager(current, managerId, this.clock.now().toISOString()));
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    }
  }
}
