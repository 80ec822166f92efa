import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { execute } from '../../tests/support/activities';
import { startTestApp, TestApp } from '../../tests/support/test-app';
import { LoadOrder, LoadResult } from './load-client';
import { MINIMAL_VERB, startMinimalBot } from './minimal-bot';
import { MEMBERS, openSessions } from './support/sessions';

export type { LoadResult };

/**
 * What one load cost the bots' own thread: its busy milliseconds per turn (event-loop utilisation,
 * which also counts the moments the thread waited for a core another process held), and its CPU
 * milliseconds per turn (the time the kernel ran it; NaN where the kernel does not say).
 */
export type MeasuredLoad = LoadResult & { busyMsPerTurn: number; cpuMsPerTurn: number; storeCpuMsPerTurn: number; processCpuMsPerTurn: number };

/**
 * Where the bench can read the store thread's CPU time (bench/workers.ts); NaN per turn otherwise.
 * With the process's CPU time (all its threads: the bots, the clients, the store, the connector,
 * V8's helper threads), it shows what a turn costs the machine's two cores, not only the bots' thread.
 */
type MeasuredStore = CosmosConnection & { storeThreadCpuMs?(): number | undefined };

/** CPU time of all threads of this process so far, in ms. */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The CPU time of this process's main thread (the bots' thread), in ms: the kernel's own count
 * (`/proc/self/task/<pid>/schedstat`, Linux); `process.cpuUsage()` would add the client, store and
 * connector threads. Undefined elsewhere.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/**
 * Runs one load in the client thread and waits for its result. The bots, not the clients, the
 * store or the connector, run on this thread, and only one bot is loaded at a time: its busy time
 * here is what that bot's turns cost, which the latency follows on a machine whose speed drifts.
 */
function load(client: Worker, order: LoadOrder, store: MeasuredStore): Promise<MeasuredLoad> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpuMs();
  const storeBefore = store.storeThreadCpuMs?.();
  const processBefore = processCpuMs();
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    client.once('message', (result: LoadResult) => {
      client.off('error', onError);
      const cpuAfter = mainThreadCpuMs();
      const cpuMsPerTurn = cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / order.bodies.length;
      const storeAfter = store.storeThreadCpuMs?.();
      const storeCpuMsPerTurn = storeBefore === undefined || storeAfter === undefined ? NaN : (storeAfter - storeBefore) / order.bodies.length;
      const processCpuMsPerTurn = (processCpuMs() - processBefore) / order.bodies.length;
      resolve({ ...result, busyMsPerTurn: performance.eventLoopUtilization(before).active / order.bodies.length, cpuMsPerTurn, storeCpuMsPerTurn, processCpuMsPerTurn });
    });
    client.once('error', onError);
    client.postMessage(order);
  });
}

/** One measured round: the app's answer saves and the floor's, and how many answers each session held. */
export interface Round {
  app: MeasuredLoad;
  minimal: MeasuredLoad;
  /** Answers per session when the round started and when it ended. */
  answers: { from: number; to: number };
}

/**
 * The answer-save turn of a live session against the minimal bot, on the same embedded store,
 * with `connections` clients at once, spread over `groups` groups (the minimal bot over as many
 * documents). `rounds` rounds each, alternating, the floor first, after `warmUp` such rounds that
 * are not counted: both bots' code keeps getting faster for the first thousand turns or so (the
 * JIT), and a round measured while one of them still does compares warm-up, not work. The app
 * warms up on groups of its own, so the measured sessions start empty.
 */
export async function answerTurnVersusMinimal(cosmos: MeasuredStore, opts: { groups: number; connections: number; requests: number; rounds: number; warmUp: number }): Promise<{ app: MeasuredLoad; minimal: MeasuredLoad; rounds: Round[] }> {
  const t: TestApp = await startTestApp({ LOG_LEVEL: 'warn' }, undefined, { cosmos, realClock: true });
  const drivers = await openSessions(t, 'bench-group', opts.groups);
  const warmUpDrivers = opts.warmUp ? await openSessions(t, 'bench-warm-up', opts.groups) : [];
  const minimal = await startMinimalBot(cosmos, drivers.map((_, i) => `bench-counter-${i}`));
  // During the measured turns the shared-card updates go to a connector in its own thread.
  const sink = new Worker(require.resolve('./sink-connector'));
  const sinkUrl = await new Promise<string>((resolve) => sink.once('message', (m: { url: string }) => resolve(m.url)));
  const conv = t.conversation('groupChat', '19:bench-minimal@thread.v2');
  const client = new Worker(require.resolve('./load-client'));
  // Bodies are built before a run starts, so the measured seconds hold only the bots' work.
  const appTurns = (from: number, count: number, on = drivers): LoadOrder => ({
    url: t.app.url,
    connections: opts.connections,
    bodies: Array.from({ length: count }, (_, n) => {
      const i = from + n;
      const g = on[i % on.length]!;
      const who = MEMBERS[(i >> 3) % MEMBERS.length]!;
      return JSON.stringify(execute({ ...g.conv, serviceUrl: sinkUrl }, who, 'session.contribute', { ...g.ids(), questionId: 1, text: `Antwoord ${i}`, k: `bench-${i}` }, g.sessionMessageId));
    }),
  });
  const minimalTurns = (count: number): LoadOrder => ({
    url: minimal.url,
    connections: opts.connections,
    bodies: Array.from({ length: count }, (_, i) => JSON.stringify(execute(conv, MEMBERS[0]!, MINIMAL_VERB, { groupId: `bench-counter-${i % drivers.length}` }, 'card'))),
  });
  try {
    for (let r = 0; r < opts.warmUp; r++) {
      await load(client, minimalTurns(opts.requests), cosmos);
      await load(client, appTurns(r * opts.requests, opts.requests, warmUpDrivers), cosmos);
    }
    const rounds: Round[] = [];
    const perSession = (n: number) => Math.round(n / drivers.length);
    for (let r = 0; r < opts.rounds; r++) {
      const m = await load(client, minimalTurns(opts.requests), cosmos);
      const a = await load(client, appTurns(r * opts.requests, opts.requests), cosmos);
      rounds.push({ app: a, minimal: m, answers: { from: perSession(r * opts.requests), to: perSession((r + 1) * opts.requests) } });
    }
    const mean = (pick: (x: Round) => MeasuredLoad): MeasuredLoad => {
      const list = rounds.map(pick);
      const avg = (f: (l: MeasuredLoad) => number) => list.reduce((s, l) => s + f(l), 0) / list.length;
      return { requests: avg((l) => l.requests), failed: avg((l) => l.failed), seconds: avg((l) => l.seconds), p50: avg((l) => l.p50), p99: avg((l) => l.p99), throughput: avg((l) => l.throughput), busyMsPerTurn: avg((l) => l.busyMsPerTurn), cpuMsPerTurn: avg((l) => l.cpuMsPerTurn), storeCpuMsPerTurn: avg((l) => l.storeCpuMsPerTurn), processCpuMsPerTurn: avg((l) => l.processCpuMsPerTurn) };
    };
    return { app: mean((x) => x.app), minimal: mean((x) => x.minimal), rounds };
  } finally {
    await minimal.stop();
    await t.stop();
    await sink.terminate();
    await client.terminate();
  }
}
