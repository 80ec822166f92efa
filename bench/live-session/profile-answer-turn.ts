/**
 * Profiling aid (not part of `npm run bench`): the answer-save turn of answer-turn.ts, with the V8
 * CPU profiler of the bots' thread running only while the app's measured loads run (and, as a
 * comparison, a separate profile of the minimal bot's loads). Writes .cpuprofile files.
 *
 *   node dist/bench/live-session/profile-answer-turn.js [outDir] [rounds] [requests]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { execute } from '../../tests/support/activities';
import { GroupDriver } from '../../tests/support/group-driver';
import { startTestApp } from '../../tests/support/test-app';
import { embeddedCosmosInWorker } from '../workers';
import { LoadOrder, LoadResult } from './load-client';
import { MINIMAL_VERB, startMinimalBot } from './minimal-bot';
import { load, MEMBERS, openSessions } from './support/sessions';

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? '.';
  const rounds = Number(process.argv[3] ?? 3);
  const requests = Number(process.argv[4] ?? 300);
  const groups = 12;
  const connections = 16;
  const cosmos = await embeddedCosmosInWorker();
  const t = await startTestApp({ LOG_LEVEL: 'warn' }, undefined, { cosmos, realClock: true });
  const drivers = await openSessions(t, 'bench-group', groups);
  const warm = await openSessions(t, 'bench-warm-up', groups);
  const minimal = await startMinimalBot(cosmos, drivers.map((_, i) => `bench-counter-${i}`));
  const sink = new Worker(require.resolve('./sink-connector'));
  const sinkUrl = await new Promise<string>((resolve) => sink.once('message', (m: { url: string }) => resolve(m.url)));
  const conv = t.conversation('groupChat', '19:bench-minimal@thread.v2');
  const client = new Worker(require.resolve('./load-client'));
  const appTurns = (from: number, count: number, on: GroupDriver[]): LoadOrder => ({
    url: t.app.url,
    connections,
    bodies: Array.from({ length: count }, (_, n) => {
      const i = from + n;
      const g = on[i % on.length]!;
      const who = MEMBERS[(i >> 3) % MEMBERS.length]!;
      return JSON.stringify(execute({ ...g.conv, serviceUrl: sinkUrl }, who, 'session.contribute', { ...g.ids(), questionId: 1, text: `Antwoord ${i}`, k: `bench-${i}` }, g.sessionMessageId));
    }),
  });
  const minimalTurns = (count: number): LoadOrder => ({
    url: minimal.url,
    connections,
    bodies: Array.from({ length: count }, (_, i) => JSON.stringify(execute(conv, MEMBERS[0]!, MINIMAL_VERB, { groupId: `bench-counter-${i % drivers.length}` }, 'card'))),
  });
  for (let r = 0; r < 3; r++) {
    await load(client, minimalTurns(requests));
    await load(client, appTurns(r * requests, requests, warm));
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  const profile = async (name: string, run: () => Promise<LoadResult[]>) => {
    await session.post('Profiler.start');
    const results = await run();
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(outDir, `${name}.cpuprofile`), JSON.stringify(profile));
    console.log(name, results.map((r) => `p50 ${r.p50.toFixed(1)} thr ${r.throughput.toFixed(0)} failed ${r.failed}`).join(' | '));
  };
  await profile('minimal', async () => {
    const out: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) out.push(await load(client, minimalTurns(requests)));
    return out;
  });
  await profile('app', async () => {
    const out: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) out.push(await load(client, appTurns(r * requests, requests, drivers)));
    return out;
  });
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  for (let r = 0; r < rounds; r++) await load(client, appTurns((rounds + r) * requests, requests, drivers));
  const { profile: heap } = await session.post('HeapProfiler.stopSampling');
  writeFileSync(join(outDir, 'app.heapprofile'), JSON.stringify(heap));
  session.disconnect();
  await minimal.stop();
  await t.stop();
  await sink.terminate();
  await client.terminate();
  await cosmos.close();
}

void main().then(() => process.exit(0), (err) => (console.error(err), process.exit(1)));
