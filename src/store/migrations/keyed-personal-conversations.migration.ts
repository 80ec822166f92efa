import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../log/logger';
import { CosmosConnection } from '../cosmos-connection';
import { OutboxStore } from '../outbox.store';
import { statusOf } from '../document-store';

/** The marker of this migration in the scheduler's container (a test stands for a store from before it by deleting it). */
export const KEYED_CHATS_MIGRATION_ID = 'migration.keyed-personal-conversations.v1';

/** How long one instance may take the migration before another takes over (one that stopped halfway). */
const LEASE_MS = 120_000;
/** How often an instance waiting for another's migration looks whether it finished. */
const WAIT_MS = 250;

/**
 * Brings the 1:1 chats remembered before stop 60 (plain id, owner in clear) to the keyed shape,
 * once, at start-up (`OutboxStore.keyRememberedChats`): a sender moves one only when it writes to
 * it, so one never written to again (or only by guarded nudges) kept telling a reader who knows
 * the roster whose chats an erasure took, and a move whose delete failed left the old one for
 * good (found in review, stop 60). Needs the app's secret: run after the outbox store has it.
 * One instance at a time, under a lease in the outbox (as a tenant's sender holds one): two
 * moving one chat at once cannot tell the other's delete of the old document from an erasure's,
 * and would forget the chat. The others wait for it to finish; one that stopped halfway is taken
 * over once its lease ran out, and every step is safe to run again. Marked done in the
 * scheduler's container, as the other migrations are.
 */
export async function keyRememberedChats(conn: CosmosConnection, outbox: OutboxStore, logger: Logger, now: Date): Promise<void> {
  // A store error here never keeps the app from starting (found reviewing stop 60: one 503 was a
  // crash loop): the marker stays unwritten, so the next start tries again (every step is safe to
  // run again), and senders move the chats they meet meanwhile. The log holds the status only: a
  // store's error text can name a document id.
  try {
    await migrateOnce(conn, outbox, logger, now);
  } catch (err) {
    logger.warn({ status: statusOf(err) ?? 'none' }, 'the 1:1 chats remembered before stop 60 were not all keyed; the next start tries again');
  }
}

async function migrateOnce(conn: CosmosConnection, outbox: OutboxStore, logger: Logger, now: Date): Promise<void> {
  const jobs = conn.container('jobs');
  const done = async () => Boolean((await jobs.item(KEYED_CHATS_MIGRATION_ID, KEYED_CHATS_MIGRATION_ID).read().catch(() => undefined))?.resource);
  const owner = randomUUID();
  for (;;) {
    if (await done()) return;
    // Real time, as the outbox's leases keep (tests fake the domain clock).
    if (await outbox.acquireLease(KEYED_CHATS_MIGRATION_ID, owner, new Date(), LEASE_MS)) break;
    await sleep(WAIT_MS);
  }
  try {
    // Done meanwhile by the instance whose lease this one took over just as it ended.
    if (await done()) return;
    const counts = await outbox.keyRememberedChats();
    await jobs.items.upsert({ id: KEYED_CHATS_MIGRATION_ID, kind: 'migration', dueAt: now.toISOString(), payload: {}, status: 'done', attempts: 1 });
    if (counts.moved + counts.deleted > 0) logger.info(counts, 'brought the 1:1 chats remembered before stop 60 to the keyed shape');
  } finally {
    // Released however it ended: a failed one must not hold the next start up for the lease's two minutes.
    await outbox.releaseLease(KEYED_CHATS_MIGRATION_ID, owner).catch(() => undefined);
  }
}
