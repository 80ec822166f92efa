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

/** Several windows counted together: a request fits when it fits every one of them. */
class Windows {
  private readonly windows: SlidingWindow[];
  constructor(limits: readonly WindowLimit[], extraMs: number) {
    this.windows = limits.map((l) => new SlidingWindow(l.limit, l.perMs + extraMs));
  }

  nextAt(now: number): number {
    return Math.max(now, ...this.windows.map((w) => w.nextAt(now)));
  }

  record(now: number): void {
    for (const w of this.windows) w.record(now);
  }

  idle(now: number): boolean {
    return this.windows.every((w) => w.idle(now));
  }
}

/** At most `limit` requests in any `perMs` milliseconds. */
export interface WindowLimit {
  limit: number;
  perMs: number;
}

/**
 * Teams' limits per bot per conversation beyond its one second (`conversationPerSecond`): 8 in
 * 2 s, 60 in 30 s and 1,800 in an hour ("Optimize your bot with rate limiting in Teams", per bot
 * per thread limit). A backlog to one chat that only kept 7 a second got 429s from the second second on.
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly WindowLimit[] = [
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

export interface RateLimits {
  /** Requests per second per app per tenant (Teams: 50). */
  tenantPerSecond: number;
  /** Requests per second per conversation (Teams: 7). */
  conversationPerSecond: number;
  /** The conversation's longer windows, counted beside its second (default TEAMS_CONVERSATION_WINDOWS). */
  conversationWindows?: readonly WindowLimit[];
  /**
   * Added to every window, so that timer and event-loop jitter between our clock and the
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

type Counted = { tenants: Map<string, Windows>; conversations: Map<string, Windows> };

/**
 * Client-side limits per tenant and per conversation, in one app instance. The outbox makes sure
 * one instance at a time sends for a tenant (a lease), so these hold for the app as a whole.
 */
export class TeamsRateLimiter {
  /** Pacing: when work may be taken on. */
  private readonly pacing: Counted = { tenants: new Map(), conversations: new Map() };
  /** Departures: when requests actually leave; the guarantee. */
  private readonly departures: Counted = { tenants: new Map(), conversations: new Map() };
  private readonly pausedUntil = new Map<string, number>();
  /** Added to every window's span (see `marginMs`, `preparationMs`). */
  private readonly departureExtraMs: number;
  private readonly pacingExtraMs: number;
  private readonly conversationLimits: readonly WindowLimit[];
  /** When each window map was last swept of idle chats. */
  private readonly swept = new Map<Map<string, Windows>, number>();

  constructor(private readonly limits: RateLimits, private readonly now: () => number = Date.now) {
    // 200 ms: event-loop stalls on a busy instance delay a departure by that much; Teams counts arrivals.
    this.departureExtraMs = limits.marginMs ?? 200;
    // 50 ms: a claim (one Cosmos DB replace) normally takes a few milliseconds.
    this.pacingExtraMs = this.departureExtraMs + (limits.preparationMs ?? 50);
    this.conversationLimits = [{ limit: limits.conversationPerSecond, perMs: 1000 }, ...(limits.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS)];
  }

  private window(counted: Counted, map: Map<string, Windows>, key: string, limits: readonly WindowLimit[]): Windows {
    let w = map.get(key);
    if (!w) {
      // At most once a minute: with an hour's window few chats are idle, and a sweep on every new
      // chat of a large fan-out went over all of them each time (own review, stop 67).
      if (map.size > 5000 && this.now() - (this.swept.get(map) ?? 0) >= 60_000) {
        this.swept.set(map, this.now());
        for (const [k, v] of map) if (v.idle(this.now())) map.delete(k);
      }
      w = new Windows(limits, counted === this.pacing ? this.pacingExtraMs : this.departureExtraMs);
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

  /**
   * A request sent beside the outbox to a conversation it sends to (a shared card's update): waits
   * until it fits the outbox's pacing and its guarantee, and the conversation's pause after a 429,
   * and counts it in both, so the outbox's own calls to that chat leave room for it. Without a
   * tenant (a route that names none) it counts in the conversation's windows only.
   */
  async departBeside(tenantId: string | undefined, conversationKey: string): Promise<void> {
    for (;;) {
      const at = this.fitsNow([this.pacing, this.departures], tenantId, conversationKey);
      if (at === undefined) return;
      await sleep(Math.max(1, at - this.now()));
    }
  }

  /** Records a request at now in every one of `counted` and returns undefined when it fits them all, else the moment it would. */
  private fitsNow(counted: Counted | Counted[], tenantId: string | undefined, conversationKey?: string): number | undefined {
    const now = this.now();
    const windows = ([] as Counted[]).concat(counted).flatMap((c) => [
      ...(tenantId !== undefined ? [this.window(c, c.tenants, tenantId, [{ limit: this.limits.tenantPerSecond, perMs: 1000 }])] : []),
      ...(conversationKey ? [this.window(c, c.conversations, conversationKey, this.conversationLimits)] : []),
    ]);
    const at = Math.max(now, ...windows.map((w) => w.nextAt(now)), this.pausedUntil.get(conversationKey ?? '') ?? 0);
    if (at > now) return at;
    for (const w of windows) w.record(now);
    return undefined;
  }

  private async take(counted: Counted, tenantId: string, conversationKey?: string): Promise<number>;
  private async take(counted: Counted, tenantId: string, conversationKey: string | undefined, unlessPaused: boolean): Promise<number | undefined>;
  private async take(counted: Counted, tenantId: string, conversationKey?: string, unlessPaused = false): Promise<number | undefined> {
    for (;;) {
      if (unlessPaused && conversationKey && this.pausedFor(conversationKey) > 0) return undefined;
      const at = this.fitsNow(counted, tenantId, conversationKey);
      if (at === undefined) return this.now();
      await sleep(Math.max(1, at - this.now()));
    }
  }

  /** Whether the tenant's pacing window is full now: work for it taken on now would wait for `acquire`. */
  tenantFull(tenantId: string): boolean {
    const now = this.now();
    return this.window(this.pacing, this.pacing.tenants, tenantId, [{ limit: this.limits.tenantPerSecond, perMs: 1000 }]).nextAt(now) > now;
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
