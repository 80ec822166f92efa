import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { CosmosJobScheduler } from '../../src/scheduling/cosmos-job-scheduler';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { Clock } from '../../src/domain/shared/clock';

/** What the scheduler tests of two instances share: a silent logger, an instance's scheduler, a job as stored. */
const SILENT = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));

/** One instance's scheduler on the shared store; its lease renewed each minute (the tests lapse it on the fake clock). */
export function instanceScheduler(cosmos: CosmosConnection, clock: Clock): CosmosJobScheduler {
  return new CosmosJobScheduler(cosmos, clock, SILENT, { leaseRenewMs: 60_000 });
}

/** The job as stored (not a group's: `jobs`, partitioned by its id). */
export async function storedJob(cosmos: CosmosConnection, id: string): Promise<{ status: string; payload: unknown } | undefined> {
  return (await cosmos.container('jobs').item(id, id).read()).resource;
}
