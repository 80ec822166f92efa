import { setTimeout as sleep } from 'node:timers/promises';

/** Timestamps (ms) of the requests in the last window, oldest first. */
class SlidingWindow {
  private readonly stamps: number[] = [];
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** The earliest moment a request fits in the window. */
  nextAt(now: number): number {
    while (this.stamps.length && this.stamps[0]! <= now - this.windowMs) this.stamps.shift();
    return this.stamps.length < this.limit ? now : this.stamps[this.stamps.length - this.limit]! + this.windowMs;
  }

  record(now: number): void {
    this.stamps.push(now);
  }

  idle(now: number): boolean {
    return !this.stamps.length || this.stamps[this.stamps.length - 1]! <= now - this.windowMs;
  }
}

export interface RateLimits {
  /** Requests per second per app per tenant (Teams: 50). */
  tenantPerSecond: number;
  /** Requests per second per conversation (Teams: 7). */
  conversationPerSecond: number;
  /**
   * Added to the one-second window, so that timer and event-loop jitter between our clock and the
   * server's never squeezes more requests into one of its seconds than allowed.
   */
  marginMs?: number;
  /**
   * Time allowed between a pacing slot (`acquire`) and the request leaving (`tryDepart`), e.g. the
   * outbox's claim of the job. Pacing windows are this much wider than the guarantee, so a request
   * prepared within this time finds its departure slot free.
   */
  preparationMs?: number;
}

type Windows = { tenants: Map<string, SlidingWindow>; conversations: Map<string, SlidingWindow> };

/**
 * Client-side limits per tenant and per conversation, in one app instance. The outbox makes sure
 * one instance at a time sends for a tenant (a lease), so these hold for the app as a whole.
 */
export class TeamsRateLimiter {
  /** Pacing: when work may be taken on. */
  private readonly pacing: Windows = { tenants: new Map(), conversations: new Map() };
  /** Departures: when requests actually leave; the guarantee. */
  private readonly departures: Windows = { tenants: new Map(), conversations: new Map() };
  private readonly pausedUntil = new Map<string, number>();
  private readonly departureWindowMs: number;
  private readonly pacingWindowMs: number;

  constructor(private readonly limits: RateLimits, private readonly now: () => number = Date.now) {
    // 200 ms: event-loop stalls on a busy instance delay a departure by that much; Teams counts arrivals.
    this.departureWindowMs = 1000 + (limits.marginMs ?? 200);
    // 50 ms: a claim (one Cosmos DB replace) normally takes a few milliseconds.
    this.pacingWindowMs = this.departureWindowMs + (limits.preparationMs ?? 50);
  }

  private window(windows: Windows, map: Map<string, SlidingWindow>, key: string, limit: number): SlidingWindow {
    let w = map.get(key);
    if (!w) {
      if (map.size > 5000) for (const [k, v] of map) if (v.idle(this.now())) map.delete(k);
      w = new SlidingWindow(limit, windows === this.pacing ? this.pacingWindowMs : this.departureWindowMs);
      map.set(key, w);
    }
    return w;
  }

  /**
   * Pacing: waits until a request for this tenant (and conversation) fits the rate, and counts it.
   * Call before preparing a request, then `depart` (or `tryDepart`) right before it goes out.
   * With `unlessPaused`, a conversation paused after a 429 (now, or while waiting) is not waited
   * out: undefined comes back at once and nothing is counted. A Retry-After lasts seconds to
   * minutes, and a caller asleep in it holds up whoever waits for that caller (a graceful stop).
   */
  acquire(tenantId: string, conversationKey?: string): Promise<number>;
  acquire(tenantId: string, conversationKey: string, opts: { unlessPaused: true }): Promise<number | undefined>;
  acquire(tenantId: string, conversationKey?: string, opts?: { unlessPaused: true }): Promise<number | undefined> {
    return this.take(this.pacing, tenantId, conversationKey, opts?.unlessPaused ?? false);
  }

  /**
   * The guarantee: waits until a request leaving now keeps every window within the limits, and
   * counts it. After `acquire` this rarely waits: only to absorb what the preparation took.
   */
  depart(tenantId: string, conversationKey?: string): Promise<number> {
    return this.take(this.departures, tenantId, conversationKey);
  }

  /**
   * The guarantee without waiting: counts a request leaving now and returns true when it keeps
   * every window within the limits (and the conversation is not paused), else false and counts
   * nothing. For a caller that must not wait between preparing a request and sending it.
   */
  tryDepart(tenantId: string, conversationKey?: string): boolean {
    return this.fitsNow(this.departures, tenantId, conversationKey) === undefined;
  }

  /** Records a request at now and returns undefined when it fits, else the moment it would. */
  private fitsNow(windows: Windows, tenantId: string, conversationKey?: string): number | undefined {
    const now = this.now();
    const tenant = this.window(windows, windows.tenants, tenantId, this.limits.tenantPerSecond);
    const conv = conversationKey ? this.window(windows, windows.conversations, conversationKey, this.limits.conversationPerSecond) : undefined;
    const at = Math.max(tenant.nextAt(now), conv?.nextAt(now) ?? now, this.pausedUntil.get(conversationKey ?? '') ?? 0);
    if (at > now) return at;
    tenant.record(now);
    conv?.record(now);
    return undefined;
  }

  private async take(windows: Windows, tenantId: string, conversationKey?: string): Promise<number>;
  private async take(windows: Windows, tenantId: string, conversationKey: string | undefined, unlessPaused: boolean): Promise<number | undefined>;
  private async take(windows: Windows, tenantId: string, conversationKey?: string, unlessPaused = false): Promise<number | undefined> {
    for (;;) {
      if (unlessPaused && conversationKey && this.pausedFor(conversationKey) > 0) return undefined;
      const at = this.fitsNow(windows, tenantId, conversationKey);
      if (at === undefined) return this.now();
      await sleep(Math.max(1, at - this.now()));
    }
  }

  /** Whether the tenant's pacing window is full now: work for it taken on now would wait for `acquire`. */
  tenantFull(tenantId: string): boolean {
    const now = this.now();
    return this.window(this.pacing, this.pacing.tenants, tenantId, this.limits.tenantPerSecond).nextAt(now) > now;
  }

  /** Holds a conversation back after the platform said "too many" (Retry-After). */
  pauseConversation(conversationKey: string, ms: number): void {
    this.pausedUntil.set(conversationKey, Math.max(this.pausedUntil.get(conversationKey) ?? 0, this.now() + ms));
  }

  /** Milliseconds a conversation is still held back, 0 when it is not. */
  pausedFor(conversationKey: string): number {
    return Math.max(0, (this.pausedUntil.get(conversationKey) ?? 0) - this.now());
  }
}
