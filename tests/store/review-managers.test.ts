import { createLogger } from '../../src/log/logger';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { indexReviewManagers } from '../../src/store/migrations/review-managers.migration';
import { containerTtl, RetentionSweeper } from '../../src/store/retention';
import { CosmosReviewManagersIndex } from '../../src/store/review-managers.repository';
import { CosmosTalentReviewRepository } from '../../src/store/talent-review.repository';
import { reviewsOfProfessional } from '../../src/usecases/talent-review/for-professional';
import { startTestCosmos } from '../support/cosmos';
import { FakeClock } from '../support/fake-clock';

const quiet = createLogger('silent');
const DAY = 86_400_000;
const review = (managerId: string, reportId: string, date: string) => ({
  id: `r-${managerId}-${reportId}-${date}`,
  type: 'talentReview',
  managerId,
  reportId,
  reportName: reportId === 'erased' ? 'Oud-deelnemer' : 'Anna',
  date,
  timeZone: 'Europe/Amsterdam',
  prepDaysBefore: 3,
  conversationRef: { conversation: { id: 'c', tenantId: 't' }, serviceUrl: 'https://x' },
  createdAt: '2026-01-01T00:00:00.000Z',
  facilitated: 'Een rustige ruimte',
});

/** The professional's index of managers who planned a conversation with them. */
describe('the index of managers who planned a conversation', () => {
  let conn: CosmosConnection;
  const clock = new FakeClock(new Date('2026-12-01T08:00:00Z'));
  const indexDocs = async () => (await conn.container('personal').items.query("SELECT * FROM c WHERE c.type = 'reviewManagers'").fetchAll()).resources;
  beforeEach(async () => {
    conn = await startTestCosmos();
  });
  afterEach(() => conn.close());

  it('indexes earlier conversations once, but none whose report erased their data', async () => {
    await conn.container('reviews').items.create(review('aad-mia', 'erased', '2026-02-01'));
    await conn.container('reviews').items.create(review('aad-mia', 'aad-anna', '2026-03-01'));
    await indexReviewManagers(conn, new CosmosReviewManagersIndex(conn, clock), quiet, clock.now());
    expect((await indexDocs()).map((d) => [d.userId, d.managerIds])).toEqual([['aad-anna', ['aad-mia']]]);
  });

  it('outlives the personal retention, so a conversation kept longer is still found after a change of manager', async () => {
    const index = new CosmosReviewManagersIndex(conn, clock);
    await conn.container('reviews').items.create(review('aad-mia', 'aad-anna', '2026-03-01'));
    await index.record('aad-anna', 'aad-mia');
    const reviews = reviewsOfProfessional({ managerOf: async () => 'aad-nina' }, new CosmosTalentReviewRepository(conn), index);
    const ttl = containerTtl({ groupDays: 730, personalDays: 100, reviewDays: 730, pollDays: 1095, outboxDays: 30 });
    await new RetentionSweeper(conn, ttl, quiet).sweep(new Date(Date.now() + 101 * DAY));
    expect((await reviews.listByReport('aad-anna')).map((r) => r.managerId)).toEqual(['aad-mia']);
  });

  it('forgets an erased manager in every index, also where their conversations already expired', async () => {
    const index = new CosmosReviewManagersIndex(conn, clock);
    await index.record('aad-anna', 'aad-mia');
    await index.record('aad-anna', 'aad-nina');
    await index.record('aad-bram', 'aad-mia');
    await index.forgetManager('aad-mia');
    expect(JSON.stringify(await indexDocs())).not.toContain('aad-mia');
    expect(await index.managersOf('aad-anna')).toEqual(['aad-nina']);
  });
});
