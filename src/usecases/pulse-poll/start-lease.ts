import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/shared/errors';
import { PulsePollDeps } from './deps';

/**
 * How long a start holds the tenant's start lease at most: far longer than a start takes (it is
 * held on once more before the claims), and the longest a start that stopped half-way (a crash)
 * keeps other starts waiting.
 */
export const START_LEASE_HOLDS_MS = 60_000;
/** The pauses of a start that finds the lease held (another start under way), before HR is told to try again. */
const START_LEASE_PAUSES_MS = [200, 400, 800, 1_600];

/**
 * Takes the tenant's start lease (PollStartLease), waiting a few seconds for another start to
 * finish: the overlap check reads the open polls, so two starts at the same moment would each
 * find the other's poll not yet stored, and both open (a department and its sub-team). Still held
 * after that (a start that is slow, or stopped half-way, until its lease expires): "startBusy",
 * nothing stored. A delivery holds it too while it checks and lists a team (see deliverPoll).
 */
export async function takeStartLease(deps: PulsePollDeps, tenantId: string, holder: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const now = deps.clock.now();
    if (await deps.startLease.take(tenantId, holder, now, new Date(now.getTime() + START_LEASE_HOLDS_MS))) return;
    const pause = START_LEASE_PAUSES_MS[attempt];
    if (pause === undefined) throw new DomainError('startBusy', 'another start holds the tenant start lease');
    // Spread out, so starts that waited together do not all ask again at once.
    await new Promise((resolve) => setTimeout(resolve, pause * (0.75 + Math.random() / 2)));
  }
}

/** Runs `work` holding the tenant's start lease (see takeStartLease) as `holder`, and lets go of it after. */
export async function underStartLease<T>(deps: PulsePollDeps, tenantId: string, work: (holder: string) => Promise<T>): Promise<T> {
  const holder = randomUUID();
  await takeStartLease(deps, tenantId, holder);
  try {
    return await work(holder);
  } finally {
    // Failing to let go only makes the next start or listing wait for the expiry.
    await deps.startLease.release(tenantId, holder).catch(() => undefined);
  }
}
