import { setTimeout as sleep } from 'node:timers/promises';

/** Teams' one-second window plus our margin. */
export const TAKEOVER_PAUSE_MS = 1200;

/**
 * A tenant taken over from another sender: that sender's last second of requests is not in our
 * rate windows, so we wait one window (plus margin) before our first request for it.
 */
export class TakeoverPause {
  private readonly until = new Map<string, number>();
  /** How many times a send waited here: what the warm-up costs, for tests and the benchmark. */
  waits = 0;

  /** The lease for `tenantId` was just taken (not renewed). */
  tookOver(tenantId: string): void {
    this.until.set(tenantId, Date.now() + TAKEOVER_PAUSE_MS);
  }

  /** Resolves once a request for `tenantId` may go out as far as the takeover is concerned. */
  async wait(tenantId: string): Promise<void> {
    const ms = (this.until.get(tenantId) ?? 0) - Date.now();
    if (ms <= 0) return;
    this.waits++;
    await sleep(ms);
  }
}
