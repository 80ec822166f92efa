/**
 * Found in review, stop 53 (fixed then: the embedded store ran a transactional batch up to its first
 * failed operation and kept the rest; it now undoes them, as Cosmos DB does: embedded-atomic-batch.ts).
 * `CosmosTalentReviewRepository.move` is one batch
 * [replace old under its ETag, delete old, create moved]. Cosmos DB rolls the whole batch back when
 * the create is refused (409: the new date's id was taken meanwhile, by another plan press), so the
 * conversation stays. The embedded store (local mode, every test) ran a batch in order and stopped
 * at the first refusal without undoing: the old conversation was already deleted when the create was
 * refused, and the manager was told "date taken" while their conversation was gone. The repository's
 * comment guards only the other order ("never creates the moved conversation next to one that stays").
 * Expected (the contract of `move` in ports.ts: "both or neither"): after 'taken', the old one stands.
 */
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosTalentReviewRepository } from '../../src/store/talent-review.repository';
import { TalentReview } from '../../src/domain/talent-review/review';
import { startTestCosmos } from '../support/cosmos';

const review = (date: string, reportId = 'aad-anna'): TalentReview =>
  ({
    id: `r-aad-mia-${reportId}-${date}`,
    type: 'talentReview',
    managerId: 'aad-mia',
    reportId,
    reportName: 'Anna',
    date,
    timeZone: 'Europe/Amsterdam',
    prepDaysBefore: 3,
    conversationRef: { conversation: { id: 'c', tenantId: 't' }, serviceUrl: 'https://x' },
    createdAt: '2026-11-01T00:00:00.000Z',
  }) as unknown as TalentReview;

describe('a move refused as taken on the embedded store', () => {
  let conn: CosmosConnection;
  beforeAll(async () => {
    conn = await startTestCosmos();
  });
  afterAll(() => conn.close());

  it("answers 'taken' and keeps the conversation on its old date (both or neither)", async () => {
    const repo = new CosmosTalentReviewRepository(conn);
    await repo.create(review('2026-12-10'));
    // Another press planned the new date between the move's check and its batch.
    await repo.create(review('2026-12-17'));
    const read = await repo.getVersioned('aad-mia', 'r-aad-mia-aad-anna-2026-12-10');
    const outcome = await repo.move(read!, { ...review('2026-12-17'), movedFrom: read!.review.id } as TalentReview);
    expect(outcome).toBe('taken');
    expect((await repo.get('aad-mia', 'r-aad-mia-aad-anna-2026-12-10'))?.date).toBe('2026-12-10');
  });
});
