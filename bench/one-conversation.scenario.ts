import { OutboundMessage } from '../src/domain/outbox/outbox.port';
import { Outbox } from '../src/outbox/outbox';
import { TEAMS_CONVERSATION_WINDOWS, TeamsRateLimiter } from '../src/outbox/rate-limiter';
import { BotConnectorClient } from '../src/teams/connector/bot-connector.client';
import { minimalSender } from './minimal-sender';
import { BenchScenario, quietLogger, ratio, table, TEAMS } from './scenario';
import { connectorInWorker, embeddedCosmosInWorker } from './workers';

const TENANT = 'tenant-bench';
const THREAD = '19:bench-channel@thread.tacv2;messageid=root';

/**
 * Many messages into one conversation (a channel thread: reminders, results, nudges of one poll):
 * Teams allows 7 per second per conversation, and 8 per 2 s, 60 per 30 s and 1,800 an hour, so
 * this is bound by the conversation's limits, not the tenant's. The connector enforces 7 per second
 * and reports the most it saw in any second.
 */

/** The least time `n` messages into one conversation take under all its windows: the last leaves when every window lets it. */
export function conversationFloorSeconds(n: number): number {
  const windows = [{ limit: TEAMS.perConversation, perMs: 1_000 }, ...TEAMS_CONVERSATION_WINDOWS];
  return Math.max(...windows.map((w) => Math.floor((n - 1) / w.limit) * w.perMs)) / 1000;
}
export const oneConversationScenario: BenchScenario = {
  name: 'one-conversation',
  async run(args) {
    const n = args.number('conversation-messages', 140);
    const texts = Array.from({ length: n }, (_, i) => `herinnering ${i}`);

    const floorConnector = await connectorInWorker({ ...TEAMS, rate429: 0 });
    let floorSeconds: number;
    try {
      floorSeconds = await minimalSender(floorConnector.url, TENANT, [texts.map((text) => ({ kind: 'post' as const, conversationId: THREAD, text }))]);
    } finally {
      await floorConnector.stop();
    }

    const cosmos = await embeddedCosmosInWorker();
    const connector = await connectorInWorker({ ...TEAMS, rate429: 0.05 });
    try {
      const limiter = new TeamsRateLimiter({ tenantPerSecond: TEAMS.perTenant, conversationPerSecond: TEAMS.perConversation });
      const outbox = new Outbox(cosmos, new BotConnectorClient(async () => undefined), limiter, quietLogger, { concurrency: 16 });
      const messages: OutboundMessage[] = texts.map((text, i) => ({
        key: `thread:${i}`,
        tenantId: TENANT,
        route: { serviceUrl: connector.url, botId: '28:bench' },
        target: { kind: 'conversation', conversationId: THREAD },
        payload: { text },
        batch: 'thread',
      }));
      const started = performance.now();
      await outbox.enqueue(messages);
      await outbox.drain(30 * 60_000);
      const seconds = (performance.now() - started) / 1000;
      const counts = await outbox.countBatch('thread');
      const stats = await connector.stats();
      const once = counts.sent === n && stats.messages === n;
      const computed = conversationFloorSeconds(n);
      const head = ['scenario', 'messages', 'most in 1 s', 'injected 429', 'over limit', 'seconds', '× computed floor', '× measured floor', 'each once'];
      const cells = [
        ['minimal sender (measured floor)', String(n), '-', '0', '0', floorSeconds.toFixed(1), ratio(floorSeconds, computed), '1.00', 'yes'],
        ['outbox, one channel thread', String(n), String(stats.peak.conversation), String(stats.throttled), String(stats.violations), seconds.toFixed(1), ratio(seconds, computed), ratio(seconds, floorSeconds), once ? 'yes' : 'NO'],
      ];
      return {
        title: `One conversation: ${n} messages into one channel thread`,
        table: table(head, cells),
        notes: [
          `Computed floor: ${n} messages under Teams' windows per conversation (${TEAMS.perConversation} per second, ${TEAMS_CONVERSATION_WINDOWS.map((w) => `${w.limit} per ${w.perMs / 1000} s`).join(', ')}) = ${computed.toFixed(1)} s.`,
          `"most in 1 s": the most requests the connector saw for this conversation within any one second (at most ${TEAMS.perConversation}).`,
        ],
        ok: once && stats.violations === 0 && stats.peak.conversation <= TEAMS.perConversation,
      };
    } finally {
      await connector.stop();
      await cosmos.close();
    }
  },
};
