import type { Logger } from '../log/logger';
import { OutboxTransport, Route, TransportError } from '../outbox/transport';
import { AdaptiveCardJson } from './cards/card-kit';

interface Target {
  route: Route;
  conversationId: string;
  activityId: string;
}

interface Lane {
  target: Target;
  pending?: AdaptiveCardJson;
  running: Promise<void>;
}

const MAX_ATTEMPTS = 4;

/**
 * Brings the shared card in a chat up to date after a member's action, right after the member
 * got their own card back: the click is answered without waiting for a second call to Teams.
 * Per message the newest card wins: while one update is on its way, later ones wait and only the
 * last is sent, so a burst of clicks never makes an older card overwrite a newer one. A failed
 * update changes nothing stored; the next action or refresh brings the card up to date again.
 * One instance per app (held by the composition root), never module state.
 */
export class SharedCardUpdates {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly transport: Pick<OutboxTransport, 'updateActivity'>,
    private readonly logger: Logger,
  ) {}

  push(target: Target, card: AdaptiveCardJson): void {
    const key = `${target.conversationId}\u0000${target.activityId}`;
    const lane = this.lanes.get(key);
    if (lane) {
      lane.pending = card;
      return;
    }
    const fresh: Lane = { target, pending: card, running: Promise.resolve() };
    fresh.running = this.drain(key, fresh);
    this.lanes.set(key, fresh);
  }

  private async drain(key: string, lane: Lane): Promise<void> {
    try {
      while (lane.pending) {
        const card = lane.pending;
        lane.pending = undefined;
        await this.send(lane.target, card);
      }
    } finally {
      this.lanes.delete(key);
    }
  }

  private async send(target: Target, card: AdaptiveCardJson): Promise<void> {
    const activity = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await this.transport.updateActivity(target.route, target.conversationId, target.activityId, activity);
        if (res.ok) return;
        const retry = res.status === 429 || res.status >= 500;
        if (!retry || attempt === MAX_ATTEMPTS) {
          this.logger.warn({ status: res.status, code: res.code }, 'could not update the shared card; the action itself was stored');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(res.retryAfterMs ?? 250 * attempt, 5_000)));
      } catch (err) {
        if (!(err instanceof TransportError) || attempt === MAX_ATTEMPTS) {
          this.logger.warn({ err: (err as Error).message }, 'could not update the shared card; the action itself was stored');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  /** Resolves once every update that was pushed has gone out (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.lanes.size) await Promise.all([...this.lanes.values()].map((l) => l.running));
  }
}
