import { parentPort } from 'node:worker_threads';

/** What one load run measured, in milliseconds and requests per second. */
export interface LoadResult {
  requests: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
  throughput: number;
}

/** One load run: these activity bodies, posted by `connections` clients at once, to the bot at `url`. */
export interface LoadOrder {
  url: string;
  bodies: string[];
  connections: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A turn counts as answered when the bot returned a card that is no error card. */
async function post(url: string, body: string): Promise<boolean> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return res.status === 200 && text.includes('application/vnd.microsoft.card.adaptive') && !text.includes('Dat lukte niet');
}

/** Each client sends its next request when the previous one was answered. */
async function load({ url, bodies, connections }: LoadOrder): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const t0 = performance.now();
        if (!(await post(url, bodies[i]!))) failed++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: bodies.length, failed, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), throughput: bodies.length / seconds };
}

// The clients run in their own thread, as Teams does outside the bot's process: what they spend
// sending and reading is not charged to the bot's event loop.
parentPort?.on('message', (order: LoadOrder) => {
  void load(order).then((result) => parentPort!.postMessage(result));
});
