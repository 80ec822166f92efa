import { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { OutboundMessage } from '../domain/outbox/outbox.port';
import { Outbox } from '../outbox/outbox';
import { OutboxHook } from '../outbox/outbox-job';
import { AdaptiveCardJson } from './cards/card-kit';
import { cardActivity } from './cards/card-summary';
import { actorOf } from './turn';

interface StoredReference {
  serviceUrl?: string;
  bot?: { id?: string };
  conversation?: { id?: string; tenantId?: string };
}

/**
 * A card as the payload of an outbox message, with a summary taken from the card (what Teams'
 * notification and chat list show, and a screen reader says, instead of "Sent a card").
 */
export function cardMessage(card: AdaptiveCardJson): Record<string, unknown> {
  return cardActivity(card);
}

/** The placeholder payload of a message rendered when it is sent (`postRendered`). */
export const RENDERED_WHEN_SENT = { type: 'message', renderedWhenSent: true };

/**
 * Proactive messages into a conversation the app was installed in, from stored references. Used by
 * scheduled jobs and background work, outside any incoming turn. Every message goes through the
 * outbox (durable, within Teams' rate limits, retried on 429/5xx) and is sent from this process
 * right away when it may, so the caller gets the new message's id to update it later.
 */
export class TeamsMessenger {
  constructor(private readonly outbox: Outbox) {}

  private message(ref: Record<string, unknown>, target: OutboundMessage['target'] | undefined, payload: Record<string, unknown>, key?: string, about?: string[], giveUpAfterMs?: number): OutboundMessage {
    const r = ref as StoredReference;
    const conversationId = r.conversation?.id;
    if (!conversationId || !r.serviceUrl) throw new Error('conversation reference without conversation or service URL');
    return {
      key: key ?? `messenger:${randomUUID()}`,
      tenantId: r.conversation?.tenantId ?? 'unknown-tenant',
      route: { serviceUrl: r.serviceUrl, botId: r.bot?.id },
      target: target ?? { kind: 'conversation', conversationId },
      payload,
      ...(about?.length ? { about } : {}),
      ...(giveUpAfterMs !== undefined ? { giveUpAfterMs: Math.max(0, Math.round(giveUpAfterMs)) } : {}),
    };
  }

  /**
   * A message naming people (`about`) is queued under its key keyed with the app's secret
   * (`Outbox.privately`): once it ended it names nobody, also when Teams refused it and its content
   * stays (found in review, stops 62 and 63).
   */
  private privatelyWhenAbout<M extends OutboundMessage>(message: M): M {
    return message.about?.length ? this.outbox.privately(message) : message;
  }

  private card(card: AdaptiveCardJson): Record<string, unknown> {
    return cardMessage(card);
  }

  /**
   * Posts a card; resolves with its message id once delivered (undefined if it is still queued).
   * `about` names the people the card is about, so erasing one of them deletes it; such a card is
   * queued privately (`privatelyWhenAbout`), so an erasure leaves it as everyone's. Nobody reads it
   * by its key afterwards (its id comes back here, or through `onSent`);
   * `giveUpAfterMs`, how long Teams' transient failures are retried for a card that is wrong
   * when it comes late (see OutboundMessage.giveUpAfterMs; else the outbox's 24 hours).
   * `onSent` is told the id however late the card goes out (with a `key`, so a retried caller
   * queues it once): the caller's wait may run out first, and then the id comes only that way.
   */
  async post(ref: Record<string, unknown>, card: AdaptiveCardJson, opts: { key?: string; about?: string[]; giveUpAfterMs?: number; onSent?: OutboxHook } = {}): Promise<string | undefined> {
    const message = this.message(ref, undefined, this.card(card), opts.key, opts.about, opts.giveUpAfterMs);
    const queued = { ...message, ...(opts.onSent ? { onSent: opts.onSent } : {}) };
    return (await this.outbox.deliver(this.privatelyWhenAbout(queued))).activityId;
  }

  /**
   * Posts a message the outbox builds when it sends it (its `render` hook), from what is stored
   * then: the queued job holds no more than the hook's arguments. Resolves as `post`.
   */
  async postRendered(ref: Record<string, unknown>, render: OutboxHook, key: string): Promise<string | undefined> {
    return (await this.outbox.deliver({ ...this.message(ref, undefined, RENDERED_WHEN_SENT, key), render })).activityId;
  }

  async text(ref: Record<string, unknown>, text: string, key?: string, opts: { giveUpAfterMs?: number } = {}): Promise<void> {
    await this.outbox.deliver(this.message(ref, undefined, { type: 'message', text }, key, undefined, opts.giveUpAfterMs));
  }

  /**
   * A text queued under its key and sent by the outbox soon, not awaited: for a card press, which
   * Teams gives only seconds to answer, whatever Teams does with the message meanwhile.
   * `about`: the app ids of those the text names (who skipped a week, say), queued privately
   * (`privatelyWhenAbout`).
   */
  async queueText(ref: Record<string, unknown>, text: string, key: string, about?: string[]): Promise<void> {
    await this.outbox.enqueue([this.privatelyWhenAbout(this.message(ref, undefined, { type: 'message', text }, key, about))]);
  }

  /**
   * A card in one person's 1:1 chat with the bot (opened by the outbox on first use), never in
   * the conversation of `ref`, which only tells the tenant and service. Queued, not awaited.
   * `about`: the app ids of others the card names, so their erasure takes it out of the outbox too.
   * `keyOutlivesErasure`: an erasure leaves the key behind (see OutboundMessage), for a card a press delivered again would queue anew.
   * Any other is queued under `key` keyed with the app's secret (`Outbox.privately`): once it ended
   * it keeps nothing naming anyone, so an erasure leaves it as everyone's (found in review, stop 62).
   * `formerKeyFirst`: for a scheduled job's card, one queued under its plain `key` before stop 62 is
   * that card (`alreadyQueued`), so a run again after the update sends no second one. One read
   * more: never on anyone's turn.
   * Says whether it was queued now, found queued under its key, or (with `keyOutlivesErasure`) found
   * held by the key an erasure left (`erasedKey`, see Outbox.queue).
   */
  async toPerson(ref: Record<string, unknown>, person: { teamsId: string; userId?: string }, card: AdaptiveCardJson, key: string, about?: string[], opts: { keyOutlivesErasure?: true; formerKeyFirst?: true } = {}): Promise<'queued' | 'alreadyQueued' | 'erasedKey'> {
    const message = this.message(ref, { kind: 'person', userId: person.teamsId, ...(person.userId ? { appUserId: person.userId } : {}) }, this.card(card), key, about);
    if (opts.keyOutlivesErasure) return this.outbox.queue({ ...message, keyOutlivesErasure: true }, { tellErasedKey: true });
    const keyed = this.outbox.privately(message);
    if (opts.formerKeyFirst && (await this.outbox.queuedUnderFormerKey(key))) return 'alreadyQueued';
    return this.outbox.queue(keyed, { tellErasedKey: true });
  }

  /** A card for the person who sent this activity, in their 1:1 chat; a redelivered activity queues it once. */
  async toActor(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
    const teamsId = context.activity.from?.id;
    if (!teamsId) return;
    const ref = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    await this.toPerson(ref, { teamsId, userId: actorOf(context).id }, card, `actor:${context.activity.id ?? randomUUID()}`);
  }

  async update(ref: Record<string, unknown>, activityId: string, card: AdaptiveCardJson, key?: string): Promise<void> {
    const conversationId = (ref as StoredReference).conversation?.id ?? '';
    await this.outbox.deliver(this.message(ref, { kind: 'update', conversationId, activityId }, this.card(card), key));
  }

  /** An update queued under its key and made by the outbox soon (retried), not awaited: for a card press. */
  async queueUpdate(ref: Record<string, unknown>, activityId: string, card: AdaptiveCardJson, key: string): Promise<void> {
    const conversationId = (ref as StoredReference).conversation?.id ?? '';
    await this.outbox.enqueue([this.message(ref, { kind: 'update', conversationId, activityId }, this.card(card), key)]);
  }
}
