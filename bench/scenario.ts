import { Writable } from 'node:stream';
import { createLogger } from '../src/log/logger';

/** Teams' documented limits for proactive messages: per app per tenant, and per conversation. */
export const TEAMS = { perTenant: 50, perConversation: 7 } as const;

/** What one scenario prints: a titled table with notes, and whether its checks held. */
export interface BenchSection {
  title: string;
  table: string;
  notes: string[];
  /** False when a correctness check failed (a violation, a lost or doubled message): the run exits 1. */
  ok: boolean;
}

export interface BenchArgs {
  /** `--name value` as a positive whole number, or the fallback. */
  number(name: string, fallback: number): number;
}

/** One benchmark scenario; `npm run bench -- --only <name>` runs just that one. */
export interface BenchScenario {
  name: string;
  run(args: BenchArgs): Promise<BenchSection>;
}

export const quietLogger = createLogger('error', new Writable({ write(_c, _e, cb) { cb(); } }));

/** A Markdown table, numbers right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(fmt)].join('\n');
}

export function ratio(value: number, floor: number): string {
  return floor > 0 ? (value / floor).toFixed(2) : '-';
}

/** The p-th percentile (0-100) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
