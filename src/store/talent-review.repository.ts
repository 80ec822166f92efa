import { createHmac, randomBytes } from 'node:crypto';
import { ERASED_ID } from '../domain/week-cycle/session-items';
import { FacilitationRow, FacilitationSource } from '../domain/hr-report/facilitation';
import { MaturityPhase } from '../domain/talent-review/maturity';
import { TalentReviewRepository, VersionedReview } from '../domain/talent-review/ports';
import { CANCELLED_PRESSES_PARTITION, cancelledPress, cancelledPressId } from '../domain/talent-review/cancelled-press';
import { ReviewsOfPerson } from '../domain/verantwoording/erasure-ports';
import { fromLegacyPhasePick, TalentReview } from '../domain/talent-review/review';
import { Mutate } from '../domain/week-cycle/ports';
import { CosmosConnection } from './cosmos-connection';
import { DocumentStore } from './document-store';

type StoredReview = TalentReview & { managerPhasePick?: MaturityPhase };

/** A review as the domain knows it: a phase an earlier version let the manager pick reads as a proposal. */
function current(doc: StoredReview): TalentReview {
  return fromLegacyPhasePick(doc) ?? doc;
}

/** Planned conversations, partitioned by manager: a manager lists and edits only their own. */
export class CosmosTalentReviewRepository implements TalentReviewRepository, FacilitationSource, ReviewsOfPerson {
  private readonly store: DocumentStore<StoredReview>;
  constructor(conn: CosmosConnection) {
    this.store = new DocumentStore<StoredReview>(conn.container('reviews'), (r) => r.managerId);
  }
  async get(managerId: string, reviewId: string) {
    const r = await this.store.get(reviewId, managerId);
    return r?.managerId === managerId ? current(r) : undefined;
  }
  async create(review: TalentReview) {
    const { doc, created } = await this.store.create(review);
    return { review: current(doc), created };
  }
  update(managerId: string, reviewId: string, mutate: Mutate<TalentReview>) {
    // Every write stores the current shape, so a legacy pick is moved on the first change too.
    return this.store.update(reviewId, managerId, (doc) => mutate(current(doc)));
  }
  async delete(managerId: string, reviewId: string) {
    await this.store.delete(reviewId, managerId);
  }
  async getVersioned(managerId: string, reviewId: string) {
    const read = await this.store.getVersioned(reviewId, managerId);
    return read?.doc.managerId === managerId ? { review: current(read.doc), version: read.version } : undefined;
  }
  async move(from: VersionedReview, to: TalentReview | undefined) {
    // The replace of the version read is the delete's guard (a versioned delete in a batch): a
    // change or removal since the read refuses the whole batch. The delete comes before the create,
    // so the embedded store (which stops at the first refusal without undoing) never creates the
    // moved conversation next to one that stays.
    const result = await this.store.transact(from.review.managerId, [{ replace: from.review, ifMatch: from.version }, { delete: from.review.id }, ...(to ? [{ create: to }] : [])]);
    if (result.ok) return 'moved' as const;
    if (result.index < 2) return result.status === 412 ? ('changed' as const) : result.status === 404 ? ('gone' as const) : this.refused(result.status);
    return result.status === 409 ? ('taken' as const) : this.refused(result.status);
  }
  async deleteIfUnchanged(read: VersionedReview) {
    const result = await this.store.transact(read.review.managerId, [{ replace: read.review, ifMatch: read.version }, { delete: read.review.id }]);
    if (result.ok) return 'deleted' as const;
    return result.status === 412 ? ('changed' as const) : result.status === 404 ? ('gone' as const) : this.refused(result.status);
  }
  private refused(status: number): never {
    throw Object.assign(new Error(`review change refused (${status})`), { code: status });
  }
  async rememberCancelledPresses(keys: readonly string[]) {
    // Stored as reviews are, under the records' own partition (cancelled-press.ts): no manager in it.
    for (const key of keys) await this.store.create(cancelledPress(key) as unknown as StoredReview);
  }
  async pressCancelled(key: string) {
    const found = (await this.store.get(cancelledPressId(key), CANCELLED_PRESSES_PARTITION)) as { type?: string } | undefined;
    return found?.type === 'cancelledPress';
  }
  async listByManager(managerId: string) {
    const docs = await this.store.query(
      { query: "SELECT * FROM c WHERE c.type = 'talentReview' AND c.managerId = @managerId ORDER BY c.date", parameters: [{ name: '@managerId', value: managerId }] },
      managerId,
    );
    return docs.map(current);
  }

  /** One manager's conversations about one report: a query inside the manager's partition. */
  async listAbout(managerId: string, reportId: string) {
    const docs = await this.store.query(
      { query: "SELECT * FROM c WHERE c.type = 'talentReview' AND c.managerId = @managerId AND c.reportId = @reportId", parameters: [{ name: '@managerId', value: managerId }, { name: '@reportId', value: reportId }] },
      managerId,
    );
    return docs.map(current).sort((a, b) => a.date.localeCompare(b.date));
  }

  /**
   * Conversations that remember a prep card's message, across managers' partitions: for the
   * daily manager check (a scheduled job), never a user's turn. Only what the check needs.
   */
  async withPrepCards(): Promise<Pick<TalentReview, 'id' | 'managerId' | 'reportId'>[]> {
    const rows = await this.store.queryStored<Pick<TalentReview, 'id' | 'managerId' | 'reportId'>>({
      query: "SELECT c.id, c.managerId, c.reportId FROM c WHERE c.type = 'talentReview' AND c.reportId != @erased AND ARRAY_LENGTH(c.prepCards) > 0",
      parameters: [{ name: '@erased', value: ERASED_ID }],
    });
    return rows.map(({ id, managerId, reportId }) => ({ id, managerId, reportId }));
  }

  async prepsToSend(fromDate: string): Promise<TalentReview[]> {
    const docs = await this.store.query({ query: "SELECT * FROM c WHERE c.type = 'talentReview' AND NOT IS_DEFINED(c.prepSentAt) AND c.date >= @from", parameters: [{ name: '@from', value: fromDate }] });
    return docs.map(current);
  }

  /**
   * For HR's report: the tenant's conversations in a period; a manager's text only where they agreed
   * to share it. The manager's and professional's ids are for the use case to tell HR members'
   * conversations; they are not in the report.
   */
  async accounts(tenantId: string, fromDate: string, toDate: string): Promise<FacilitationRow[]> {
    type Row = Pick<TalentReview, 'date' | 'managerId' | 'reportId' | 'facilitated' | 'facilitatedAt' | 'firstFacilitatedAt' | 'shareFacilitation' | 'sharedSince'>;
    const rows = await this.store.queryStored<Row>({
      query:
        "SELECT c.date, c.managerId, c.reportId, c.facilitated, c.facilitatedAt, c.firstFacilitatedAt, c.shareFacilitation, c.sharedSince FROM c " +
        "WHERE c.type = 'talentReview' AND c.conversationRef.conversation.tenantId = @tenantId AND c.date >= @from AND c.date <= @to",
      parameters: [
        { name: '@tenantId', value: tenantId },
        { name: '@from', value: fromDate },
        { name: '@to', value: toDate },
      ],
    });
    // A key drawn for this read only: the professional's id does not leave the store, and the
    // stand-in cannot be matched to anyone nor to another report's. The conversations of erased
    // professionals (all `erased`) count as one person: they may have been one person's.
    const key = randomBytes(32);
    return rows.map((r) => ({
      date: r.date,
      professional: createHmac('sha256', key).update(r.reportId).digest('base64url'),
      managerId: r.managerId,
      // An erased professional is no one the directory can place (nor should be asked about).
      ...(r.reportId !== ERASED_ID ? { professionalId: r.reportId } : {}),
      hasAccount: !!r.facilitated,
      // Accounts stored before stop 50 kept only their last change: read as their first, the safe
      // reading (never earlier than the truth): an account last changed after its month ended
      // counts in that month no more, rather than one written after it counting.
      ...(r.facilitated && (r.firstFacilitatedAt ?? r.facilitatedAt) ? { accountWrittenAt: r.firstFacilitatedAt ?? r.facilitatedAt } : {}),
      // Likewise a share from before `sharedSince` existed reads as switched on at the account's last
      // change (every change of the share is one; never earlier than the truth): a quote shared
      // after its month ended is then in that month no more, rather than one shared late in it.
      ...(r.facilitated && r.shareFacilitation === true
        ? { sharedText: r.facilitated, ...((r.sharedSince ?? r.facilitatedAt) ? { sharedAt: r.sharedSince ?? r.facilitatedAt } : {}) }
        : {}),
    }));
  }

  /**
   * Moves every `managerPhasePick` of an earlier version into a `phaseProposal` (ETag-guarded,
   * so it is safe with two instances starting at once, and a run cut short is finished by the next).
   */
  async migrateLegacyPhasePicks(): Promise<number> {
    const legacy = await this.store.query({ query: "SELECT c.id, c.managerId FROM c WHERE c.type = 'talentReview' AND IS_DEFINED(c.managerPhasePick)" });
    for (const { id, managerId } of legacy) await this.store.update(id, managerId, (doc) => fromLegacyPhasePick(doc) ?? doc);
    return legacy.length;
  }

  /** Every (manager, report) pair with a planned conversation: for indexing conversations planned before the index existed. */
  async managerReportPairs(): Promise<{ managerId: string; reportId: string }[]> {
    const rows = await this.store.queryStored<{ managerId: string; reportId: string }>({
      query: "SELECT c.managerId, c.reportId FROM c WHERE c.type = 'talentReview' AND c.reportId != @erased",
      parameters: [{ name: '@erased', value: ERASED_ID }],
    });
    return [...new Map(rows.map((r) => [`${r.managerId}\u0000${r.reportId}`, r])).values()];
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
