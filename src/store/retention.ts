import type { RetentionConfig } from '../config/features/retention.env';
import type { Logger } from '../log/logger';
import { CONTAINERS, ContainerName } from './containers';
import { CosmosConnection } from './cosmos-connection';
import { statusOf } from './document-store';

const DAY = 24 * 3600;

/**
 * Each container's time-to-live in Cosmos DB terms: seconds after a document's last write,
 * -1 for "only documents that set their own `ttl` expire", or undefined for no TTL at all.
 * Documents may set their own `ttl` (done jobs, sent outbox messages expire sooner; a person's
 * membership index never does, it is removed with their erasure).
 */
export function containerTtl(retention: RetentionConfig): Record<ContainerName, number | undefined> {
  return {
    sessions: retention.groupDays * DAY,
    personal: retention.personalDays * DAY,
    reviews: retention.reviewDays * DAY,
    polls: retention.pollDays * DAY,
    pollAnswers: retention.pollDays * DAY,
    // Anonymous learning-need batches for L&O: as long as the B3 trend.
    learningNeeds: retention.pollDays * DAY,
    outbox: retention.outboxDays * DAY,
    // Pending jobs can be due months ahead: only done or cancelled jobs expire (they set "ttl").
    jobs: -1,
    // Kept while the app is installed in the team: "alle teams" of a poll reads them.
    installations: undefined,
    // Emptied at start-up by the move into the group partition; nothing is written there any more.
    groups: undefined,
    proposals: undefined,
  };
}

interface Expirable {
  id: string;
  _ts: number;
  ttl?: number;
  [key: string]: unknown;
}

/**
 * The embedded Cosmos DB server has no time-to-live: this applies the same rules to it, so
 * local data ages as it would in Azure. Not used against Azure Cosmos DB, which expires
 * documents itself.
 */
export class RetentionSweeper {
  constructor(
    private readonly conn: CosmosConnection,
    private readonly ttl: Record<ContainerName, number | undefined>,
    private readonly logger: Logger,
  ) {}

  /** Deletes every document whose time-to-live ran out at `now`; returns how many per container. */
  async sweep(now: Date): Promise<Partial<Record<ContainerName, number>>> {
    const seconds = Math.floor(now.getTime() / 1000);
    const removed: Partial<Record<ContainerName, number>> = {};
    for (const name of Object.keys(CONTAINERS) as ContainerName[]) {
      const defaultTtl = this.ttl[name];
      if (defaultTtl === undefined) continue;
      const field = CONTAINERS[name].partitionKey.slice(1);
      const { resources } = await this.conn.container(name).items.query<Expirable>('SELECT * FROM c').fetchAll();
      for (const doc of resources) {
        const ttl = typeof doc.ttl === 'number' ? doc.ttl : defaultTtl;
        if (ttl < 0 || doc._ts + ttl > seconds) continue;
        try {
          await this.conn.container(name).item(doc.id, doc[field] as string).delete();
          removed[name] = (removed[name] ?? 0) + 1;
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }
    }
    if (Object.keys(removed).length) this.logger.info({ removed }, 'retention: expired documents removed from the embedded store');
    return removed;
  }
}
