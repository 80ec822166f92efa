/**
 * The live session's benchmark: the answer-save turn against a minimal teams-ai bot on the same
 * store, and Cosmos DB requests per turn type. Ratios and counts measured in one run, never
 * absolute times.
 *
 *   node dist/bench/live-session/run.js [--requests 600] [--groups 8] [--connections 16]
 */
import { embeddedCosmosInWorker } from '../workers';
import { answerTurnVersusMinimal, LoadResult } from './answer-turn';
import { requestsPerTurn, TurnCount } from './request-counts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

function markdown(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(fmt)].join('\n');
}

export function answerTurnTable(r: { app: LoadResult; minimal: LoadResult }): string {
  const line = (name: string, l: LoadResult) => [name, String(Math.round(l.requests)), String(Math.round(l.failed)), `${(l.p50 / r.minimal.p50).toFixed(2)}x`, `${(l.p99 / r.minimal.p99).toFixed(2)}x`, `${(l.throughput / r.minimal.throughput).toFixed(2)}x`];
  return markdown(['turn', 'requests', 'failed', 'p50 / minimal', 'p99 / minimal', 'throughput / minimal'], [line('minimal bot (1 point read + 1 ETag replace)', r.minimal), line('answer save (the app)', r.app)]);
}

export function requestTable(rows: TurnCount[]): string {
  return markdown(
    ['turn', 'point reads', 'queries', 'writes', 'reads + queries + writes', 'query plans (SDK, alongside)', 'cross-partition'],
    rows.map((r) => [r.turn, String(r.reads), String(r.queries), String(r.writes), String(r.reads + r.queries + r.writes), String(r.queryPlans), r.crossPartition ? `${r.crossPartition} (!)` : '0']),
  );
}

export async function liveSessionBench(opts: { requests: number; groups: number; connections: number }): Promise<string> {
  const cosmos = await embeddedCosmosInWorker();
  try {
    const turn = await answerTurnVersusMinimal(cosmos, opts);
    const counts = await requestsPerTurn();
    return [
      `Answer-save turn against a minimal teams-ai bot: ${opts.connections} connections, ${opts.groups} groups (the minimal bot: as many documents), ${opts.requests} requests per round, two rounds each.`,
      answerTurnTable(turn),
      '',
      'Cosmos DB requests per turn, counted by a proxy in front of the store:',
      requestTable(counts),
    ].join('\n');
  } finally {
    await cosmos.close();
  }
}

if (require.main === module) {
  liveSessionBench({ requests: arg('requests', 600), groups: arg('groups', 8), connections: arg('connections', 16) })
    .then((report) => console.log(report))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
