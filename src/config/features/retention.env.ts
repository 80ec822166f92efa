import { z } from 'zod';

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

/**
 * How long each kind of record is kept after its last change (Cosmos DB's time-to-live). Bicep
 * sets the same numbers on the containers in Azure; locally the app applies them to the embedded
 * store itself, which has no TTL of its own.
 */
export const retentionEnv = {
  /** A group's data: sessions, contributions, check-ins, judgements, proposals (24 months). */
  RETENTION_GROUP_DAYS: days(730),
  /** A professional's own records: notes, personal answers, Prof-traject, time (24 months). */
  RETENTION_PERSONAL_DAYS: days(730),
  /** Planned talentontwikkelgesprekken and the manager's notes (24 months). */
  RETENTION_REVIEW_DAYS: days(730),
  /** B3-spiegel polls and tallies, and L&O's anonymous learning-need batches: long enough for the trend (36 months). */
  RETENTION_POLL_DAYS: days(1095),
  /** Outbox documents that set no shorter time of their own: unsent messages, remembered 1:1 chats, leases (a sent message keeps 7 days). */
  RETENTION_OUTBOX_DAYS: days(30),
};

export type RetentionEnv = z.infer<z.ZodObject<typeof retentionEnv>>;

export function retentionConfig(env: RetentionEnv) {
  return {
    groupDays: env.RETENTION_GROUP_DAYS,
    personalDays: env.RETENTION_PERSONAL_DAYS,
    reviewDays: env.RETENTION_REVIEW_DAYS,
    pollDays: env.RETENTION_POLL_DAYS,
    outboxDays: env.RETENTION_OUTBOX_DAYS,
  };
}

export type RetentionConfig = ReturnType<typeof retentionConfig>;
