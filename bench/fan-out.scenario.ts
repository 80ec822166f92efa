import { OutboundMessage } from '../src/domain/outbox/outbox.port';
import { Outbox } from '../src/outbox/outbox';
import { TeamsRateLimiter } from '../src/outbox/rate-limiter';
import { BotConnectorClient } from '../src/teams/connector/bot-connector.client';
import { FloorRequest, minimalSender } from './minimal-sender';
import { BenchScenario, quietLogger, ratio, table, TEAMS } from './scenario';
import { connectorInWorker, embeddedCosmosInWorker } from './workers';

const TENANT = 'tenant-bench';

interface Row {
  scenario: string;
  messages: number;
  /** The fewest requests Teams must see: one per message, plus one per 1:1 chat not opened before. */
  needed: number;
  seen: number;
  throttled: number;
  violations: number;
  seconds: number;
  delivered: boolean;
}

const people = (n: number) => Array.from({ length: n }, (_, i) => `29:bench-user-${i}`);

async function outboxFanOut(scenario: string, n: number, knownChats: boolean): Promise<Row> {
  const cosmos = await embeddedCosmosInWorker();
  const connector = await connectorInWorker({ ...TEAMS, rate429: 0.05 });
  try {
    const limiter = new TeamsRateLimiter({ tenantPerSecond: TEAMS.perTenant, conversationPerSecond: TEAMS.perConversation });
    const outbox = new Outbox(cosmos, new BotConnectorClient(async () => undefined), limiter, quietLogger, { concurrency: 16 });
    const users = people(n);
    if (knownChats) {
      // Chats opened before (an earlier poll): the outbox remembers them, so one call per message.
      for (let i = 0; i < n; i += 50) await Promise.all(users.slice(i, i + 50).map((p) => outbox.store.rememberPersonalConversation(TENANT, p, `a:1on1-${p}`)));
    }
    const messages: OutboundMessage[] = users.map((userId, i) => ({
      key: `bench:${i}`,
      tenantId: TENANT,
      route: { serviceUrl: connector.url, botId: '28:bench' },
      target: { kind: 'person', userId },
      payload: { text: 'B3-spiegel' },
      batch: 'bench',
    }));
    const started = performance.now();
    await outbox.enqueue(messages);
    await outbox.drain(30 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    const counts = await outbox.countBatch('bench');
    const stats = await connector.stats();
    const delivered = counts.sent === n && stats.conversations === n && stats.duplicates === 0;
    return { scenario, messages: n, needed: knownChats ? n : 2 * n, seen: stats.requests, throttled: stats.throttled, violations: stats.violations, seconds, delivered };
  } finally {
    await connector.stop();
    await cosmos.close();
  }
}

/** The minimal sender's time for 2N requests (open a chat, post, per person), at Teams' limits, no 429s. */
async function measuredFloor(n: number): Promise<{ seconds: number; requests: number }> {
  const connector = await connectorInWorker({ ...TEAMS, rate429: 0 });
  try {
    const lanes: FloorRequest[][] = people(n).map((userId) => [{ kind: 'create', userId }, { kind: 'post', conversationId: `a:1on1-${userId}`, text: 'B3-spiegel' }]);
    const seconds = await minimalSender(connector.url, TENANT, lanes);
    const stats = await connector.stats();
    if (stats.violations || stats.requests !== 2 * n) throw new Error(`the floor run went wrong: ${stats.requests} requests, ${stats.violations} over the limit`);
    return { seconds, requests: 2 * n };
  } finally {
    await connector.stop();
  }
}

/**
 * Private messages to N people (a B3-spiegel poll sent privately) through a local connector that
 * enforces Teams' limits and answers 5% of calls with 429. The floor counts requests, not
 * messages: a person whose 1:1 chat is new costs two (open the chat, post).
 */
export const fanOutScenario: BenchScenario = {
  name: 'fan-out',
  async run(args) {
    const n = args.number('messages', 2000);
    const floor = await measuredFloor(n);
    const perSecond = floor.requests / floor.seconds;
    const rows = [await outboxFanOut('outbox, new 1:1 chats', n, false), await outboxFanOut('outbox, known 1:1 chats', n, true)];
    const head = ['scenario', 'messages', 'requests needed', 'requests seen', 'injected 429', 'over limit', 'seconds', '× computed floor', '× measured floor', 'each once'];
    const cells = [
      ['minimal sender (measured floor)', String(n), String(floor.requests), String(floor.requests), '0', '0', floor.seconds.toFixed(1), ratio(floor.seconds, floor.requests / TEAMS.perTenant), '1.00', 'yes'],
      ...rows.map((r) => [
        r.scenario,
        String(r.messages),
        String(r.needed),
        String(r.seen),
        String(r.throttled),
        String(r.violations),
        r.seconds.toFixed(1),
        ratio(r.seconds, r.needed / TEAMS.perTenant),
        ratio(r.seconds, r.needed / perSecond),
        r.delivered ? 'yes' : 'NO',
      ]),
    ];
    return {
      title: `Fan-out: ${n} private messages, embedded Cosmos DB, local connector on loopback`,
      table: table(head, cells),
      notes: [
        `Computed floor: requests needed / ${TEAMS.perTenant} per second (a new 1:1 chat costs a request of its own).`,
        `Measured floor: the minimal sender (no store, same limiter) managed ${perSecond.toFixed(1)} requests per second in this run; the outbox rows are measured against that rate.`,
        '"over limit": requests the connector saw beyond 50 per second per tenant or 7 per conversation (must be 0).',
      ],
      ok: rows.every((r) => r.delivered && r.violations === 0),
    };
  },
};
