import { OutboxStore } from '../store/outbox.store';
import { TakeoverPause } from './takeover-pause';

/**
 * The tenants this sender may send for. One sender at a time holds a tenant (a lease document,
 * renewed while it works), so the tenant's rate limit holds across app instances.
 */
export class TenantLeases {
  private readonly until = new Map<string, number>();
  private readonly renewing = new Map<string, Promise<boolean>>();

  constructor(
    private readonly store: OutboxStore,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly takeover: TakeoverPause,
  ) {}

  /** Milliseconds left on our lease for the tenant (0 or less: none). */
  remainingMs(tenantId: string): number {
    return (this.until.get(tenantId) ?? 0) - Date.now();
  }

  /** Whether this sender holds the tenant, taking or renewing the lease when needed. */
  async hold(tenantId: string): Promise<boolean> {
    const until = this.until.get(tenantId) ?? 0;
    // Renew when a third of the lease is used up; keep a margin so we stop before it runs out.
    if (until - Date.now() > (this.leaseMs * 2) / 3) return true;
    // One renewal at a time per tenant: concurrent renewals by the same sender would conflict.
    let pending = this.renewing.get(tenantId);
    if (!pending) {
      pending = this.store
        .acquireLease(tenantId, this.owner, new Date(), this.leaseMs)
        .then((granted) => {
          if (!granted) {
            this.until.delete(tenantId);
            return false;
          }
          this.takeover.granted(tenantId, granted);
          this.until.set(tenantId, granted.expiresAt.getTime());
          return true;
        })
        .finally(() => this.renewing.delete(tenantId));
      this.renewing.set(tenantId, pending);
    }
    return pending;
  }

  /** Hands every tenant back (graceful stop), so another instance may take over at once. */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.until.keys()].map((t) => this.store.releaseLease(t, this.owner).catch(() => undefined)));
    this.until.clear();
  }
}
