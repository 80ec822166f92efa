import { isDeepStrictEqual } from 'node:util';
import type { Logger } from '../log/logger';
import { conversationKeyOf } from '../outbox/outbox-job';
import type { TeamsRateLimiter } from '../outbox/rate-limiter';
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

/** The chat as the outbox's rate limiter counts it (a channel's threads share the channel's limits). */
const chatKey = (target: Target) => conversationKeyOf({ target: { kind: 'conversation', conversationId: target.conversationId } });

/** Renders the shared card when it goes out, so that a card replaced by a newer one is never built. */
export type RenderCard = () => AdaptiveCardJson;

/**
 * The shared card as the acting turn saw it (`now`), and as stored when it leaves (`fresh`). An
 * update held back by pacing or by Teams (a Retry-After), replaced in a burst, or pushed while
 * another of the same message was still being sent may have been overtaken (a member's turn that
 * read earlier but finished later, the AI draft posted meanwhile): it is read again when it leaves,
 * so the card ends on what is stored. A lone update that leaves at once uses what the turn read.
 */
export interface SharedCard {
  now: RenderCard;
  fresh?: () => Promise<AdaptiveCardJson>;
  /**
   * Read as stored after a slow landing (see OVERTAKE_CHECK_MS): not read again for its pacing
   * alone (a newer push replaces it anyway; a retry after Teams failed it is read again), nor
   * looked at again once it landed.
   */
  checkedAfterLanding?: boolean;
  /** Told after the update went out (see ActionOutcome.landed); never throws into the lane. */
  landed?: () => Promise<void>;
}

interface Lane {
  target: Target;
  pending?: SharedCard;
  /** The pending update replaced another one, or is one tried again after Teams failed it: it is read again before it leaves. */
  replaced: boolean;
  /**
   * When the last update of this message was done being sent (ms, `now()`), its retries included;
   * pacing starts from there, so an update pushed while another was being sent (Teams making it
   * wait out a Retry-After) is held back and read again: its turn may have read before that one's.
   */
  lastSentAt: number;
  /** Teams asked for a pause (429, 5xx): no update of this message leaves before then (ms, `now()`), flush or not. */
  retryAt?: number;
  /** Since when this message's updates have failed without one landing (ms, `now()`): the retry budget runs from there. */
  failingSince?: number;
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
 * How long a message's updates are tried, Teams failing them (429, 5xx, the network), before the
 * lane gives up: an update given up after its tries while nothing newer waits is tried again after
 * the wait, read again as stored, until this much time has passed since the first failure. A wait
 * that would end past it gives the update up; the next action or refresh brings the card up to date.
 */
export const RETRY_BUDGET_MS = 120_000;

/** What became of one update's tries: sent, refused for good, or failed for now (retry after `waitMs`). */
type SendResult = { sent: true; card: AdaptiveCardJson } | { sent: false; waitMs?: number };

/**
 * An update that took this long to land (its tries and waits included) may have been overtaken by
 * one another instance sent meanwhile, which Teams then applied first: it is read again as stored
 * once it landed, and sent again when that differs (one read more, only on this slow path; the
 * card sent again is the one read, not read once more for its pacing). Two
 * updates from two instances that are both quick but reach Teams in the other order are not
 * caught: each check would cost a read on every click (README, Not done yet).
 */
export const OVERTAKE_CHECK_MS = 1_000;

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
  /** From how long an update's landing is looked at again (OVERTAKE_CHECK_MS otherwise); tests of the check pass 0. */
  overtakeCheckMs?: number;
  /**
   * The outbox's limiter: Teams counts a chat's calls and pauses it (429) whoever sends them, so an
   * update waits out the chat's pause and rate windows and is counted in them, and a 429 it meets
   * pauses the outbox's messages to that chat too (found in review, stop 67).
   */
  limiter?: Pick<TeamsRateLimiter, 'departBeside' | 'pausedFor' | 'pauseConversation'>;
}

/**
 * Brings the shared card in a chat up to date after a member's action, right after the member
 * got their own card back: the click is answered without waiting for a second call to Teams.
 * Per message the newest card wins and is rendered only when it leaves: the first update goes out
 * at once, later ones within the pacing interval wait and only the last is built and sent, so a
 * burst of clicks costs two updates and never lets an older card overwrite a newer one. An update
 * Teams keeps failing for now (429, 5xx) is tried again, read again as stored, within
 * RETRY_BUDGET_MS; one refused for good or past the budget changes nothing stored, and the next
 * action or refresh brings the card up to date again.
 * One instance per app (held by the composition root), never module state.
 */
export class SharedCardUpdates {
  private readonly lanes = new Map<string, Lane>();
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly overtakeCheckMs: number;
  private readonly limiter?: SharedCardOptions['limiter'];
  /** How a Retry-After is waited out: not ended early by `idle()` (an early call is one more 429). */
  private readonly retryWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  private flushing = 0;

  constructor(
    private readonly transport: Pick<OutboxTransport, 'updateActivity'>,
    private readonly logger: Logger,
    options: SharedCardOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? SHARED_CARD_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
    this.overtakeCheckMs = options.overtakeCheckMs ?? OVERTAKE_CHECK_MS;
    this.limiter = options.limiter;
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
    const teamsWait = Math.max((lane.retryAt ?? -Infinity) - this.now(), this.chatPausedFor(lane.target));
    if (teamsWait > 0) {
      await this.retryWait(teamsWait);
      heldBack = true;
    }
    const wait = lane.lastSentAt + this.minIntervalMs - this.now();
    if (wait > 0 && !this.flushing) {
      await this.pause(lane, wait);
      heldBack = true;
    }
    const pending = lane.pending;
    if (!pending) return;
    // Replaced, or tried again after Teams failed it: another card may have gone out since it was read.
    const readAgain = lane.replaced || (heldBack && !pending.checkedAfterLanding);
    lane.pending = undefined;
    lane.replaced = false;
    let card: AdaptiveCardJson;
    try {
      card = readAgain && pending.fresh ? await pending.fresh() : pending.now();
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not render the shared card; the action itself was stored');
      return;
    }
    const leftAt = this.now();
    const result = await this.send(lane, card, pending.fresh);
    lane.lastSentAt = this.now();
    if (result.sent) {
      lane.failingSince = undefined;
      await pending.landed?.().catch((err: Error) => this.logger.warn({ err: err.message }, 'the check after a card update failed'));
      if (lane.lastSentAt - leftAt >= this.overtakeCheckMs) await this.sendAgainIfOvertaken(lane, pending, result.card);
      return;
    }
    if (result.waitMs === undefined) {
      lane.failingSince = undefined;
      return;
    }
    // Given up after its tries, Teams failing for now: a newer update waiting goes next (read again
    // as stored, after the wait); with none, this one stays pending, to be read again and tried
    // after the wait, so a group step is not left off the card until someone presses again.
    lane.retryAt = this.now() + result.waitMs;
    if (lane.pending) return;
    lane.pending = pending;
    lane.replaced = true;
  }

  /**
   * After a slow landing: the card as stored now, when it differs from the one that landed, goes
   * next (unless a newer update of this lane is already waiting, which is read again anyway).
   */
  private async sendAgainIfOvertaken(lane: Lane, landed: SharedCard, sent: AdaptiveCardJson): Promise<void> {
    if (!landed.fresh || landed.checkedAfterLanding || lane.pending) return;
    let stored: AdaptiveCardJson;
    try {
      stored = await landed.fresh();
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not read the shared card again after a slow update');
      return;
    }
    if (lane.pending || isDeepStrictEqual(stored, sent)) return;
    lane.pending = { now: () => stored, fresh: landed.fresh, checkedAfterLanding: true };
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

  /**
   * Up to MAX_ATTEMPTS tries of one update. A failure Teams may lift (429, 5xx, the network)
   * after the last try comes back with the wait before the next one, while the lane's retry budget
   * lasts; past it, or refused for good, the update is given up and logged. Each try after the
   * first sends the card read again as stored (`fresh`): while it waited, another instance may have
   * sent a newer one (a step, the time box's close) that this lane never saw (found in review, stop 65).
   */
  private async send(lane: Lane, card: AdaptiveCardJson, fresh?: () => Promise<AdaptiveCardJson>): Promise<SendResult> {
    const { target } = lane;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      let waitMs: number;
      let fields: Record<string, unknown>;
      if (attempt > 1 && fresh) {
        // Not read: the card in hand could overwrite a newer one another instance sent meanwhile.
        // It stays pending and is read once more after a pause (then given up, logged, if that fails too).
        const read = await fresh().then((c) => c, () => undefined);
        if (!read) return { sent: false, waitMs: 250 * attempt };
        card = read;
      }
      const paused = this.chatPausedFor(target);
      if (paused > MAX_RETRY_AFTER_MS) return this.givenUp(lane, { chatPausedForMs: paused });
      await this.limiter?.departBeside(target.route.tenantId, chatKey(target));
      try {
        // With the card's summary, as when it was posted: the chat list keeps saying what it is.
        const res = await this.transport.updateActivity(target.route, target.conversationId, target.activityId, cardActivity(card));
        if (res.ok) return { sent: true, card };
        fields = { status: res.status, code: res.code, retryAfterMs: res.retryAfterMs };
        if (res.status !== 429 && res.status < 500) return this.givenUp(lane, fields);
        // Teams said when the conversation may be called again: not before (each early call is one more 429).
        waitMs = res.retryAfterMs ?? 250 * attempt;
        if (res.status === 429) this.limiter?.pauseConversation(chatKey(target), waitMs);
      } catch (err) {
        fields = { err: (err as Error).message };
        if (!(err instanceof TransportError)) return this.givenUp(lane, fields);
        waitMs = 250 * attempt;
      }
      lane.failingSince ??= this.now();
      if (waitMs > MAX_RETRY_AFTER_MS || this.now() + waitMs - lane.failingSince > RETRY_BUDGET_MS) return this.givenUp(lane, fields);
      if (attempt === MAX_ATTEMPTS) return { sent: false, waitMs };
      await this.retryWait(waitMs);
    }
    return { sent: false };
  }

  /** How long the outbox still holds this chat back after a 429 (0 without the outbox's limiter). */
  private chatPausedFor(target: Target): number {
    return this.limiter?.pausedFor(chatKey(target)) ?? 0;
  }

  private givenUp(lane: Lane, fields: Record<string, unknown>): SendResult {
    lane.failingSince = undefined;
    this.logger.warn(fields, 'could not update the shared card; the action itself was stored');
    return { sent: false };
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
