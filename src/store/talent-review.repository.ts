import { TalentReviewRepository } from '../domain/talent-review/ports';
import { ReviewsOfPerson } from '../domain/verantwoording/erasure-ports';
import { TalentReview } from '../domain/talent-review/review';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

/** Planned conversations, partitioned by manager: a manager lists and edits only their own. */
export class CosmosTalentReviewRepository implements TalentReviewRepository, ReviewsOfPerson {
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

  // ---- export and erasure ("mijn gegevens") --------------------------------------------------

  asManager(userId: string) {
    return this.listByManager(userId);
  }

  /** Across managers' partitions: export and erasure only, never a chat turn (see ReviewsOfPerson). */
  asReport(userId: string) {
    return this.store.query({ query: "SELECT * FROM c WHERE c.type = 'talentReview' AND c.reportId = @reportId", parameters: [{ name: '@reportId', value: userId }] });
  }

  async replace(previous: TalentReview, next: TalentReview) {
    if (previous.managerId !== next.managerId) throw new Error('a review cannot move to another manager');
    await this.store.create(next);
    if (previous.id !== next.id) await this.remove(previous);
  }

  async remove(review: TalentReview) {
    await this.store.delete(review.id, review.managerId);
  }
}
