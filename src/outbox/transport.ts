/**
 * What the outbox needs from the chat platform. The Teams adapter implements it with plain HTTP
 * calls to the Bot Connector, so that every status (429 with Retry-After, 403 sub-codes) reaches
 * the outbox unretried: retries belong to the outbox alone, or they could send a message twice.
 */
export type TransportResponse<T> =
  | ({ ok: true } & T)
  | { ok: false; status: number; retryAfterMs?: number; code?: string };

/** No HTTP status came back. `maybeDelivered`: the request may have reached the platform (timeout, reset). */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(message: string, readonly maybeDelivered: boolean) {
    super(message);
  }
}

export interface Route {
  serviceUrl: string;
  botId?: string;
  tenantId?: string;
}

export interface OutboxTransport {
  createPersonalConversation(route: Route, tenantId: string, userId: string): Promise<TransportResponse<{ conversationId: string }>>;
  sendActivity(route: Route, conversationId: string, activity: Record<string, unknown>): Promise<TransportResponse<{ activityId?: string }>>;
  updateActivity(route: Route, conversationId: string, activityId: string, activity: Record<string, unknown>): Promise<TransportResponse<{ activityId?: string }>>;
}
