import { setTimeout as sleep } from 'node:timers/promises';
import { LeaseGrant } from '../store/outbox.store';

/** Teams' one-second window plus our margin. */
export const TAKEOVER_PAUSE_MS = 1200;

/**
 * A tenant taken over from another sender: that sender's last second of requests is not in our
 * rate windows. A lease holder sends only while its lease runs (and a released lease expires at
 * the moment of release), so its last request came before the lease's expiry: until one window
 * (plus margin) after that expiry, our first request for the tenant waits. A lease that ran out
 * long ago, or that was our own, needs no pause: the AI proposal after a quiet hour goes at once.
 */
export class TakeoverPause {
  private readonly until = new Map<string, number>();
  /** How many times a send waited here: what the warm-up costs, for tests and the benchmark. */
  waits = 0;

  constructor(private readonly owner: string) {}

  /** The lease for `tenantId` was granted to us (taken or renewed). */
  granted(tenantId: string, grant: LeaseGrant): void {
    const previous = grant.previous;
    if (!previous || previous.owner === this.owner) return;
    const until = previous.expiresAt.getTime() + TAKEOVER_PAUSE_MS;
    if (until > Date.now()) this.until.set(tenantId, until);
  }

  /** Resolves once a request for `tenantId` may go out as far as the takeover is concerned. */
  async wait(tenantId: string): Promise<void> {
    const until = this.until.get(tenantId);
    if (until === undefined) return;
    const ms = until - Date.now();
    if (ms <= 0) {
      this.until.delete(tenantId);
      return;
    }
    this.waits++;
    await sleep(ms);
  }
}
