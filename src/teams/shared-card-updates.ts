import type { Logger } from '../log/logger';
import { OutboxTransport, Route, TransportError } from '../outbox/transport';
import { AdaptiveCardJson } from './cards/card-kit';
import { cardActivity } from './cards/card-summary';

interface Target {
  route: Route;
  conversationId: string;
  activityId: string;
}

/** One lane per message; a channel's thread suffix (`;messageid=`) names the same message's channel. */
const laneKey = (target: Target) => `${target.conversationId.split(';messageid=')[0]}\u0000${target.activityId}`;

/** Renders the shared card when it goes out, so that a card replaced by a newer one is never built. */
export type RenderCard = () => AdaptiveCardJson;

/**
 * The shared card as the acting turn saw it (`now`), and as stored when it leaves (`fresh`). An
 * update held back by pacing or replaced in a burst may have been overtaken (a member's turn that
 * read earlier but finished later, the AI draft posted meanwhile): it is read again when it leaves,
 * so the card ends on what is stored. An update that leaves at once uses what the turn read.
 */
export interface SharedCard {
  now: RenderCard;
  fresh?: () => Promise<AdaptiveCardJson>;
  /** Told after the update went out (see ActionOutcome.landed); never throws into the lane. */
  landed?: () => Promise<void>;
}

interface Lane {
  target: Target;
  pending?: SharedCard;
  /** The pending update replaced another one: it is read again before it leaves. */
  replaced: boolean;
  /** When the last update of this message left (ms, `now()`); pacing starts from there. */
  lastSentAt: number;
  /** A drain is under way; cleared in the same step that finds nothing pending, so a push never finds a lane that just stopped. */
  active: boolean;
  running?: Promise<void>;
  /** Ends a pacing pause early (flush on `idle()`). */
  wake?: () => void;
}

const MAX_ATTEMPTS = 4;

/**
 * The longest Retry-After the lane waits out. Teams counts a conversation's calls over 30 s, so it
 * rarely asks for more; when it does, the lane gives the update up rather than hold the card's
 * other work (the AI draft, the time box) that long: the next action or refresh brings the card
 * up to date, as after any failed update.
 */
export const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Teams allows a bot 60 requests per 30 seconds in one conversation: two per second, sustained.
 * A live group of eight answering at once would otherwise update its one card many times a
 * second, be throttled, and spend most of its work on cards nobody sees before the next one.
 */
export const SHARED_CARD_INTERVAL_MS = 500;

export interface SharedCardOptions {
  /** Least time between two updates of one message. */
  minIntervalMs?: number;
  now?: () => number;
  /** How pacing waits; tests pass their own to see the waits without timing them. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Brings the shared card in a chat up to date after a member's action, right after the member
 * got their own card back: the click is answered without waiting for a second call to Teams.
 * Per message the newest card wins and is rendered only when it leaves: the first update goes out
 * at once, later ones within the pacing interval wait and only the last is built and sent, so a
 * burst of clicks costs two updates and never lets an older card overwrite a newer one. A failed
 * update changes nothing stored; the next action or refresh brings the card up to date again.
 * One instance per app (held by the composition root), never module state.
 */
export class SharedCardUpdates {
  private readonly lanes = new Map<string, Lane>();
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private flushing = 0;

  constructor(
    private readonly transport: Pick<OutboxTransport, 'updateActivity'>,
    private readonly logger: Logger,
    options: SharedCardOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? SHARED_CARD_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
  }

  /**
   * Pushes, and resolves once this message has nothing left waiting: for work outside a turn (the
   * AI draft, the time box) that ends with the update, in the same lane as the clicks.
   */
  async pushAndWait(target: Target, card: SharedCard): Promise<void> {
    this.push(target, card);
    const lane = this.lanes.get(laneKey(target));
    while (lane?.active) await lane.running;
  }

  push(target: Target, card: SharedCard): void {
    const key = laneKey(target);
    let lane = this.lanes.get(key);
    if (!lane) {
      this.forgetQuietLanes();
      lane = { target, lastSentAt: -Infinity, active: false, replaced: false };
      this.lanes.set(key, lane);
    }
    lane.target = target;
    if (lane.pending) lane.replaced = true;
    lane.pending = card;
    if (!lane.active) {
      lane.active = true;
      lane.running = this.drain(lane);
    }
  }

  private async drain(lane: Lane): Promise<void> {
    for (;;) {
      if (!lane.pending) {
        lane.active = false;
        return;
      }
      await this.sendNext(lane);
    }
  }

  /** Sends the pending update once its slot comes; never throws (a failure is logged, nothing stored changes). */
  private async sendNext(lane: Lane): Promise<void> {
    let heldBack = false;
    const wait = lane.lastSentAt + this.minIntervalMs - this.now();
    if (wait > 0 && !this.flushing) {
      await this.pause(lane, wait);
      heldBack = true;
    }
    const pending = lane.pending;
    if (!pending) return;
    heldBack ||= lane.replaced;
    lane.pending = undefined;
    lane.replaced = false;
    let card: AdaptiveCardJson;
    try {
      card = heldBack && pending.fresh ? await pending.fresh() : pending.now();
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not render the shared card; the action itself was stored');
      return;
    }
    lane.lastSentAt = this.now();
    if (await this.send(lane.target, card)) await pending.landed?.().catch((err: Error) => this.logger.warn({ err: err.message }, 'the check after a card update failed'));
  }

  private async pause(lane: Lane, ms: number): Promise<void> {
    await Promise.race([this.sleep(ms), new Promise<void>((resolve) => (lane.wake = resolve))]);
    lane.wake = undefined;
  }

  /** Lanes are kept for their pacing; one that has been quiet longer than the interval has none left. */
  private forgetQuietLanes(): void {
    if (this.lanes.size < 1000) return;
    const quietSince = this.now() - this.minIntervalMs;
    for (const [key, lane] of this.lanes) if (!lane.active && lane.lastSentAt < quietSince) this.lanes.delete(key);
  }

  /** Whether the update went out. */
  private async send(target: Target, card: AdaptiveCardJson): Promise<boolean> {
    // With the card's summary, as when it was posted: the chat list keeps saying what it is.
    const activity = cardActivity(card);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await this.transport.updateActivity(target.route, target.conversationId, target.activityId, activity);
        if (res.ok) return true;
        const retry = res.status === 429 || res.status >= 500;
        // Teams said when the conversation may be called again: not before (each early call is one more 429).
        const waitMs = res.retryAfterMs ?? 250 * attempt;
        if (!retry || attempt === MAX_ATTEMPTS || waitMs > MAX_RETRY_AFTER_MS) {
          this.logger.warn({ status: res.status, code: res.code, retryAfterMs: res.retryAfterMs }, 'could not update the shared card; the action itself was stored');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      } catch (err) {
        if (!(err instanceof TransportError) || attempt === MAX_ATTEMPTS) {
          this.logger.warn({ err: (err as Error).message }, 'could not update the shared card; the action itself was stored');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
    return false;
  }

  /**
   * Sends what is waiting for its pacing slot now, and resolves once every update that was pushed
   * has gone out (shutdown, tests).
   */
  async idle(): Promise<void> {
    this.flushing++;
    try {
      for (;;) {
        const running = [...this.lanes.values()].filter((l) => l.active);
        if (!running.length) return;
        for (const lane of running) lane.wake?.();
        await Promise.all(running.map((l) => l.running));
      }
    } finally {
      this.flushing--;
    }
  }
}
