import { TeamsRateLimiter } from '../src/outbox/rate-limiter';
import { BotConnectorClient } from '../src/teams/connector/bot-connector.client';
import { TEAMS } from './scenario';

/** One request of the minimal sender: open a 1:1 chat, or post into a conversation. */
export type FloorRequest = { kind: 'create'; userId: string } | { kind: 'post'; conversationId: string; text: string };

/**
 * The floor, measured: the same requests sent straight to the connector as fast as Teams' limits
 * allow (the same limiter and margin as the outbox), with no store, no claims and no retries. What
 * the outbox adds on top is the ratio to this.
 */
export async function minimalSender(connectorUrl: string, tenantId: string, lanes: FloorRequest[][], concurrency = 16): Promise<number> {
  const limiter = new TeamsRateLimiter({ tenantPerSecond: TEAMS.perTenant, conversationPerSecond: TEAMS.perConversation });
  const client = new BotConnectorClient(async () => undefined);
  const route = { serviceUrl: connectorUrl, botId: '28:bench', tenantId };
  // A lane is one person (open the chat, then post) or one conversation: in order, one at a time.
  const queue = [...lanes];
  const started = performance.now();
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      for (const r of lane) {
        const key = r.kind === 'post' ? r.conversationId : undefined;
        await limiter.acquire(tenantId, key);
        await limiter.depart(tenantId, key);
        const res = r.kind === 'create' ? await client.createPersonalConversation(route, tenantId, r.userId) : await client.sendActivity(route, r.conversationId, { text: r.text });
        if (!res.ok) throw new Error(`the floor's request was refused (${res.status}): the limiter and the connector disagree`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}
