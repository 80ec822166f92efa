/**
 * The store's pauses between tries (stop 49): production's stay as they were (5 ms doubled per
 * attempt, at most 200 ms, jitter down to half); the composition root can shorten them for the
 * stores on its connection, so a test of an outage that does not check the pauses does not sit
 * them out. Checked by the delays the store asks of its timers, not by a clock.
 */
import { DocumentStore } from '../../src/store/document-store';
import { startProxiedCosmos } from '../support/cosmos-proxy';
import { startTestApp } from '../support/test-app';

interface Counter { id: string; groupId: string; n: number }

/** The delays the store's own pauses ask for (timers set from document-store), while `run` runs. */
async function storePauses(run: () => Promise<unknown>): Promise<number[]> {
  const delays: number[] = [];
  const original = global.setTimeout;
  const spy = jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
    if (/document-store\.ts/.test(new Error().stack ?? '')) delays.push(ms ?? 0);
    return original(fn, ms, ...args);
  }) as typeof setTimeout);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return delays;
}

/** An update whose every replace is answered 503: it is tried 13 times, with a pause before each retry. */
async function failingUpdate(store: DocumentStore<Counter>, id: string): Promise<unknown> {
  await store.create({ id, groupId: 'g', n: 0 });
  return store.update(id, 'g', (d) => ({ ...d, n: d.n + 1 })).catch((err: unknown) => err);
}

const replacesOf = (id: string) => (req: { kind: string; path: string }) => (req.kind === 'replace' && req.path.endsWith(`/docs/${id}`) ? ({ kind: 'status', status: 503 } as const) : undefined);

describe('the store\'s retry pauses', () => {
  it('are production\'s unless the composition root was given others', async () => {
    const env = await startProxiedCosmos();
    try {
      env.proxy.faults = replacesOf('c-default');
      const store = new DocumentStore<Counter>(env.cosmos.container('sessions'), (d) => d.groupId);
      let outcome: unknown;
      const delays = await storePauses(async () => (outcome = await failingUpdate(store, 'c-default')));
      expect((outcome as { code?: number }).code).toBe(503);
      // 5, 10, 20, ... ms up to 200 ms, each taken down by jitter to no less than half.
      const full = delays.map((_, attempt) => Math.min(200, 5 * 2 ** attempt));
      expect({ retries: delays.length, outOfRange: delays.filter((ms, a) => ms > full[a]! || ms < full[a]! / 2) }).toEqual({ retries: 12, outOfRange: [] });
      expect(Math.max(...delays)).toBeGreaterThan(100);
    } finally {
      await env.close();
    }
  });

  it('are the ones given to the composition root for every store on its connection, with the same number of tries', async () => {
    const t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: { baseMs: 1, capMs: 4 } });
    try {
      t.proxy!.faults = replacesOf('c-short');
      // A store made after the app started, on the connection its repositories use.
      const store = new DocumentStore<Counter>(t.cosmos.container('sessions'), (d) => d.groupId);
      let outcome: unknown;
      const delays = await storePauses(async () => (outcome = await failingUpdate(store, 'c-short')));
      expect((outcome as { code?: number }).code).toBe(503);
      const full = delays.map((_, attempt) => Math.min(4, 2 ** attempt));
      expect({ retries: delays.length, outOfRange: delays.filter((ms, a) => ms > full[a]! || ms < full[a]! / 2) }).toEqual({ retries: 12, outOfRange: [] });
    } finally {
      await t.stop();
    }
  });
});
