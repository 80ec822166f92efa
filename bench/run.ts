/**
 * `npm run bench`: the outbox's fan-out. 2,000 private messages (each to a different person)
 * through a local Bot Connector that enforces Teams' limits (50 requests per second per tenant,
 * 7 per conversation) and answers 5% of calls with 429, against the embedded Cosmos DB.
 *
 * Reported as ratios, never as absolute promises: against the rate-limit floor (N messages / 50 per
 * second, the fastest Teams allows) and against a baseline measured in the same run (the same
 * fan-out with no limits and no 429s: what the outbox itself costs on this machine).
 *
 *   node dist/bench/run.js [--messages 2000]
 */
import { Writable } from 'node:stream';
import { OutboundMessage } from '../src/domain/outbox/outbox.port';
import { createLogger } from '../src/log/logger';
import { Outbox } from '../src/outbox/outbox';
import { TeamsRateLimiter } from '../src/outbox/rate-limiter';
import { BotConnectorClient } from '../src/teams/connector/bot-connector.client';
import { connectorInWorker, embeddedCosmosInWorker } from './workers';

const TEAMS = { perTenant: 50, perConversation: 7 };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

interface Row {
  scenario: string;
  messages: number;
  requests: number;
  throttled: number;
  violations: number;
  seconds: number;
  delivered: boolean;
}

const quiet = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

async function fanOut(scenario: string, n: number, opts: { limits: boolean; rate429: number; knownChats: boolean }): Promise<Row> {
  const cosmos = await embeddedCosmosInWorker();
  const connector = await connectorInWorker({ ...(opts.limits ? TEAMS : {}), rate429: opts.rate429 });
  try {
    const rate = opts.limits ? TEAMS : { perTenant: 100_000, perConversation: 100_000 };
    const outbox = new Outbox(cosmos, new BotConnectorClient(async () => undefined), new TeamsRateLimiter({ tenantPerSecond: rate.perTenant, conversationPerSecond: rate.perConversation }), quiet, { concurrency: 16 });
    const people = Array.from({ length: n }, (_, i) => `29:bench-user-${i}`);
    if (opts.knownChats) {
      // Chats opened before (an earlier poll): the outbox remembers them, so one call per message.
      for (let i = 0; i < n; i += 50) await Promise.all(people.slice(i, i + 50).map((p) => outbox.store.rememberPersonalConversation('tenant-bench', p, `a:1on1-${p}`)));
    }
    const messages: OutboundMessage[] = people.map((userId, i) => ({
      key: `bench:${i}`,
      tenantId: 'tenant-bench',
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
    return { scenario, messages: n, requests: stats.requests, throttled: stats.throttled, violations: stats.violations, seconds, delivered };
  } finally {
    await connector.stop();
    await cosmos.close();
  }
}

function table(rows: Row[], baseline: number): string {
  const head = ['scenario', 'messages', 'requests', 'injected 429', 'over limit', 'seconds', '× floor (N/50 s)', '× baseline', 'each once'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.messages),
    String(r.requests),
    String(r.throttled),
    String(r.violations),
    r.seconds.toFixed(1),
    r.scenario.startsWith('baseline') ? '-' : (r.seconds / (r.messages / TEAMS.perTenant)).toFixed(2),
    (r.seconds / baseline).toFixed(2),
    r.delivered ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

async function main(): Promise<void> {
  const n = arg('messages', 2000);
  console.log(`Outbox fan-out: ${n} private messages, embedded Cosmos DB, local connector on loopback.`);
  console.log(`Teams' floor: ${n} messages / ${TEAMS.perTenant} per second = ${(n / TEAMS.perTenant).toFixed(1)} s (a new 1:1 chat costs a second request).\n`);
  const rows: Row[] = [];
  rows.push(await fanOut('baseline: no limits, no 429', n, { limits: false, rate429: 0, knownChats: false }));
  rows.push(await fanOut('Teams limits, 5% 429, new 1:1 chats', n, { limits: true, rate429: 0.05, knownChats: false }));
  rows.push(await fanOut('Teams limits, 5% 429, known 1:1 chats', n, { limits: true, rate429: 0.05, knownChats: true }));
  console.log(table(rows, rows[0]!.seconds));
  console.log('\n"over limit": requests the connector saw beyond 50/s per tenant or 7/s per conversation (must be 0).');
  if (rows.some((r) => !r.delivered || r.violations)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
