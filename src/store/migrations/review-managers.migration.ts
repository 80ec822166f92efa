import type { Logger } from '../../log/logger';
import { CosmosConnection } from '../cosmos-connection';
import { CosmosReviewManagersIndex } from '../review-managers.repository';
import { CosmosTalentReviewRepository } from '../talent-review.repository';

const MIGRATION_ID = 'migration.review-managers.v1';

/**
 * Conversations planned before each professional kept an index of the managers who planned one:
 * index them once, so a former manager's conversation stays in the professional's verantwoording.
 * Idempotent (recording a manager twice changes nothing), marked done in the scheduler's container.
 */
export async function indexReviewManagers(conn: CosmosConnection, index: CosmosReviewManagersIndex, logger: Logger, now: Date): Promise<void> {
  const jobs = conn.container('jobs');
  const done = await jobs.item(MIGRATION_ID, MIGRATION_ID).read().catch(() => undefined);
  if (done?.resource) return;
  const pairs = await new CosmosTalentReviewRepository(conn).managerReportPairs();
  for (const { managerId, reportId } of pairs) await index.record(reportId, managerId);
  await jobs.items.upsert({ id: MIGRATION_ID, kind: 'migration', dueAt: now.toISOString(), payload: {}, status: 'done', attempts: 1 });
  if (pairs.length) logger.info({ pairs: pairs.length }, 'indexed the managers of conversations planned earlier');
}
