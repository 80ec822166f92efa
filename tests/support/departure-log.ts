import { Route } from '../../src/outbox/transport';
import { BotConnectorClient, TokenProvider } from '../../src/teams/connector/bot-connector.client';

export interface Departure {
  at: number;
  tenant: string;
  /** The conversation without a channel thread's `;messageid=`, as Teams counts it. */
  conversation?: string;
}

/**
 * The Bot Connector client, noting when each call leaves, on the app's own clock. The outbox's
 * pacing promises Teams' limits on departures; the recording connector can only stamp arrivals,
 * on the same event loop, which a busy machine stalls: requests that left a second apart can then
 * arrive together. A test of the pacing checks the departures; the connector still answers 429
 * over a limit, as Teams does.
 */
export class TimedConnectorClient extends BotConnectorClient {
  constructor(readonly departures: Departure[] = [], token: TokenProvider = async () => undefined, timeoutMs = 5000) {
    super(token, timeoutMs);
  }

  private note(route: Route, tenantId: string | undefined, conversationId?: string): void {
    this.departures.push({ at: Date.now(), tenant: route.tenantId ?? tenantId ?? '', ...(conversationId ? { conversation: conversationId.split(';messageid=')[0] } : {}) });
  }

  override createPersonalConversation(route: Route, tenantId: string, userId: string) {
    this.note(route, tenantId);
    return super.createPersonalConversation(route, tenantId, userId);
  }

  override sendActivity(route: Route, conversationId: string, activity: Record<string, unknown>) {
    this.note(route, undefined, conversationId);
    return super.sendActivity(route, conversationId, activity);
  }

  override updateActivity(route: Route, conversationId: string, activityId: string, activity: Record<string, unknown>) {
    this.note(route, undefined, conversationId);
    return super.updateActivity(route, conversationId, activityId, activity);
  }
}

/** Departures beyond a limit within any one second: per tenant, and per conversation. */
export function departuresOverLimit(departures: Departure[], limits: { perTenant: number; perConversation: number }): string[] {
  const over: string[] = [];
  const check = (key: string, limit: number, list: Departure[]) => {
    const times = list.map((d) => d.at).sort((a, b) => a - b);
    for (let i = limit; i < times.length; i++) if (times[i]! - times[i - limit]! < 1000) over.push(`${key}: ${limit + 1} within ${times[i]! - times[i - limit]!} ms at ${times[i]}`);
  };
  const by = (key: (d: Departure) => string | undefined) => {
    const groups = new Map<string, Departure[]>();
    for (const d of departures) {
      const k = key(d);
      if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), d]);
    }
    return groups;
  };
  for (const [tenant, list] of by((d) => d.tenant)) check(`tenant ${tenant}`, limits.perTenant, list);
  for (const [conversation, list] of by((d) => d.conversation)) check(`conversation ${conversation}`, limits.perConversation, list);
  return over;
}
