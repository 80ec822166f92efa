import { TalentReviewRepository } from '../domain/talent-review/ports';
import { TalentReview } from '../domain/talent-review/review';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

/** Planned conversations, partitioned by manager: a manager lists and edits only their own. */
export class CosmosTalentReviewRepository implements TalentReviewRepository {
  private readonly store: DocumentStore<TalentReview>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<TalentReview>(conn.container('reviews'), (r) => r.managerId);
  }
  async get(managerId: string, reviewId: string) {
    const r = await this.store.get(reviewId, managerId);
    return r?.managerId === managerId ? r : undefined;
  }
  async create(review: TalentReview) {
    const { doc, created } = await this.store.create(review);
    return { review: doc, created };
  }
  update(managerId: string, reviewId: string, mutate: Mutate<TalentReview>) {
    return this.store.update(reviewId, managerId, mutate);
  }
  listByManager(managerId: string) {
    return this.store.query(
      { query: "SELECT * FROM c WHERE c.type = 'talentReview' AND c.managerId = @managerId ORDER BY c.date", parameters: [{ name: '@managerId', value: managerId }] },
      managerId,
    );
  }
}
