/**
 * Port: "send this later, once". Every proactive message goes through a durable outbox that
 * keeps within the chat platform's rate limits and survives restarts. The payload is opaque to
 * the domain (the Teams layer puts a rendered activity in it).
 */
export type OutboundTarget =
  /** A chat or channel (a new post), or a channel thread ("…;messageid=…", a reply). */
  | { kind: 'conversation'; conversationId: string }
  /**
   * A person's 1:1 chat with the bot, opened on first use. `userId` is the chat platform's user id;
   * `appUserId` the app's own id of the person, so erasure finds the message and the chat without
   * the platform id (the tab knows only the app id).
   */
  | { kind: 'person'; userId: string; appUserId?: string }
  /** Replace an earlier message in place. */
  | { kind: 'update'; conversationId: string; activityId: string };

export interface OutboundMessage {
  /** Idempotency key: enqueueing the same key again never sends twice. */
  key: string;
  tenantId: string;
  /** Where the chat platform is reached (Teams: the service URL and the bot's own id). */
  route: { serviceUrl: string; botId?: string };
  target: OutboundTarget;
  payload: Record<string, unknown>;
  /** Asked just before sending; a "no" skips the message (e.g. a nudge to someone who answered meanwhile). */
  guard?: { kind: string; args: Record<string, string> };
  /**
   * Asked just before sending too, for a message whose going out says nothing about anyone: a "no"
   * skips it, and the job is kept as skipped like any other (a guarded one leaves no trace). For
   * a message that is wrong once something has happened (a poll's form or reminder after the close).
   */
  sendIf?: { kind: string; args: Record<string, string> };
  /** Told after delivery, with the new message id (e.g. to reply in its thread later). Must be idempotent. */
  onSent?: { kind: string; args: Record<string, string> };
  /**
   * How long after it was queued the message is still retried when Teams fails transiently (5xx,
   * 429, a refused connection): for a message that is wrong when it arrives late ("ten minutes left"). It
   * only shortens the outbox's own budget (24 hours), never lengthens it.
   */
  giveUpAfterMs?: number;
  /** Seconds the finished record is kept; short for records that say something about a person. */
  keepSeconds?: number;
  /** A label to count a batch by, e.g. one poll's messages. */
  batch?: string;
  /**
   * The app ids of everyone a message is about, names or lists (a prep card's report, a summary's
   * authors and judges, the members in a shared card's refresh list): erasing one of them deletes it.
   */
  about?: string[];
  /**
   * The people a message shared with others only lists (a card's refresh list) and names nowhere
   * else: erasing one of them takes them off the queued message (both ids, wherever the payload
   * holds them), and it still goes out to the others. `about` would delete it for everyone.
   */
  listed?: ListedPerson[];
  /**
   * For a message a press delivered again would queue anew under the same key (a card fanned out
   * to a person): an erasure that takes it out leaves its key behind, blank (nothing but an id
   * keyed with the app's secret, so no reader recomputes it from the key, and an expiry), so the
   * same key queues nothing while a finished
   * message would have been kept. Without it the key is free again once the erasure deleted it.
   * The job leaves the same blank, and is deleted, once it ended having gone (or maybe): no job of
   * the kind is kept under its own id once finished, so a missing one says nothing (stop 59). One
   * that surely never went (skipped, or its check never answered) frees its key instead.
   */
  keyOutlivesErasure?: true;
  /**
   * Its key is a digest under the app's secret, so nobody recomputes the job's id from a person's
   * id: once ended, the job keeps nothing naming anyone (`endedNamingNobody`), so an erasure finds
   * nothing of it to delete and every recipient's finished message stays alike for its days (stop
   * 61). Without it a finished job keeps whom it was for until it expires and an erasure deletes it:
   * under a plain key its id may follow from the person's id, and a blank one there would still
   * say they got such a message.
   */
  keyedKey?: true;
}

/** Someone a shared message lists: the app's id of them, and the chat-platform id its payload holds. */
export interface ListedPerson {
  userId: string;
  platformId: string;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'undeliverable' | 'failed' | 'unconfirmed' | 'skipped';

export interface DeliveryResult {
  status: DeliveryStatus;
  activityId?: string;
  conversationId?: string;
}

export interface OutboxPort {
  enqueue(messages: OutboundMessage[]): Promise<void>;
  /** How many messages of a batch are in each state. */
  countBatch(batch: string): Promise<Partial<Record<DeliveryStatus, number>>>;
  /**
   * The moment that ends the batch's time budgets came early (a poll closed before its date): its
   * messages with a `giveUpAfterMs` of their own that are not sent yet are skipped. Those without
   * one (what is said at that moment) go out as queued. Returns how many were skipped.
   */
  expireBudgets(batch: string): Promise<number>;
  /**
   * A message for or about one person as it is to be queued: keyed so that, once it ended, it names
   * nobody (in production, under the app's secret). Every private message goes through this.
   */
  privately<M extends OutboundMessage>(message: M): M;
  /** Whether a private message was queued under its plain `key` before keys were keyed (then it is queued: don't queue it again). */
  queuedUnderFormerKey(key: string): Promise<boolean>;
}

/** Who an erasure forgets in the outbox: everything addressed to them, or naming them in one of these chats. */
export interface OutboxPerson {
  /** The app's id of the person (guards of nudges name it). */
  userId: string;
  /** Their chat-platform ids (targets of private messages, and the remembered 1:1 chat). */
  platformIds: string[];
  /** Tenants where a 1:1 chat with them may be remembered. */
  tenantIds: string[];
  /** Chats that are theirs alone (their 1:1 chat with the bot): every message to them goes. */
  conversationIds: string[];
  /**
   * Messages in someone else's chat that name them, for messages queued before they carried
   * `about` (a prep card about them in their manager's chat); newer ones are found by `about`.
   */
  mentions: { conversationId: string; text: string }[];
}

/** Port: erasure's way into the outbox. */
export interface OutboxPurge {
  /** Deletes the person's messages (whatever their state) and their remembered 1:1 chat; safe to run again. */
  forgetPerson(person: OutboxPerson): Promise<{ messages: number; conversations: number }>;
}
