/**
 * Measuring aid (not part of `npm run bench`): what one request costs the embedded store's own
 * thread (its CPU time from the kernel, Linux only), for the answer turn's two requests (the
 * session read and the write's batch) against the floor's point read and replace, as the sessions
 * and the container grow. The set-up is the
 * answer-turn bench's: 12 measured groups and 12 warm-up groups in one container, answers saved
 * through the app, the store in its own worker thread.
 *
 *   node dist/bench/live-session/store-cost.js [reps=5] [perRep=300] [sizes=10,50,100,150]
 *
 * Each step runs `perRep` requests (4 at a time) of one kind; the kinds alternate, `reps` times,
 * and the table shows the median per kind: store-thread CPU, the bots' thread CPU (the client's
 * side: SDK and parsing) and all threads of the process, per request, and the response bytes.
 */
import { Worker } from 'node:worker_threads';
import { DocumentStore } from '../../src/store/document-store';
import { CosmosSessionItemRepository, CosmosSessionRepository } from '../../src/store/week-cycle.repositories';
import { execute } from '../../tests/support/activities';
import { GroupDriver } from '../../tests/support/group-driver';
import { startTestApp } from '../../tests/support/test-app';
import { embeddedCosmosInWorker, threadCpuMs } from '../workers';
import { load, MEMBERS, openSessions } from './support/sessions';

const GROUPS = 12;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const reps = Number(process.argv[2] ?? 5);
  const perRep = Number(process.argv[3] ?? 300);
  const sizes = (process.argv[4] ?? '10,50,100,150').split(',').map(Number);
  const cosmos = await embeddedCosmosInWorker();
  const t = await startTestApp({ LOG_LEVEL: 'warn' }, undefined, { cosmos, realClock: true });
  const drivers = await openSessions(t, 'bench-group', GROUPS);
  const warm = await openSessions(t, 'bench-warm-up', GROUPS);
  const container = cosmos.container('sessions');
  const counters = drivers.map((_, i) => `bench-counter-${i}`);
  for (const id of counters) await container.items.upsert({ id, groupId: id, count: 0 });
  const sink = new Worker(require.resolve('./sink-connector'));
  const sinkUrl = await new Promise<string>((resolve) => sink.once('message', (m: { url: string }) => resolve(m.url)));
  const client = new Worker(require.resolve('./load-client'));
  const sessions = new CosmosSessionRepository(cosmos);
  const items = new CosmosSessionItemRepository(cosmos);
  let writes = 0;
  const warmSessions = await Promise.all(warm.map((g) => sessions.get(g.groupId, g.sessionId)));
  const docs = new DocumentStore<{ id: string; groupId: string }>(container, (d) => d.groupId);

  // Answers saved through the app, as the bench does (one question, members in turn).
  const saved = new Map<GroupDriver[], number>([[drivers, 0], [warm, 0]]);
  const fill = async (on: GroupDriver[], perSession: number) => {
    const from = saved.get(on)!;
    const count = perSession * on.length - from;
    if (count <= 0) return;
    const result = await load(client, {
      url: t.app.url,
      connections: 16,
      bodies: Array.from({ length: count }, (_, n) => {
        const i = from + n;
        const g = on[i % on.length]!;
        const who = MEMBERS[(i >> 3) % MEMBERS.length]!;
        return JSON.stringify(execute({ ...g.conv, serviceUrl: sinkUrl }, who, 'session.contribute', { ...g.ids(), questionId: 1, text: `Antwoord ${i}`, k: `fill-${on === drivers ? 'm' : 'w'}-${i}` }, g.sessionMessageId));
      }),
    });
    if (result.failed) throw new Error(`${result.failed} answers failed`);
    saved.set(on, from + count);
  };

  const kinds: Record<string, (i: number) => Promise<unknown>> = {
    'session read (loadState: the answer turn\'s query)': async (i) => {
      const g = drivers[i % GROUPS]!;
      const state = await sessions.loadState(g.groupId, g.sessionId);
      if (!state) throw new Error('no session');
      return state;
    },
    'one-row query in the same partition (the session document)': (i) => {
      const g = drivers[i % GROUPS]!;
      return docs.queryStored({ query: 'SELECT * FROM c WHERE c.groupId = @g AND c.id = @s', parameters: [{ name: '@g', value: g.groupId }, { name: '@s', value: g.sessionId }] }, g.groupId);
    },
    // The answer's write, into the warm-up sessions' partitions (the measured sessions keep their size).
    'answer write (batch: gate read, create, session read)': async (i) => {
      const g = warm[i % GROUPS]!;
      const session = warmSessions[i % GROUPS];
      const written = await items.addReadingSession({ id: `${g.sessionId}_w${writes++}`, type: 'contribution', groupId: g.groupId, cycleId: session!.cycleId, sessionId: g.sessionId, at: new Date().toISOString(), questionId: 1, authorId: MEMBERS[0]!.id, authorName: MEMBERS[0]!.name, text: `Antwoord w${i}` }, session!.gated);
      if ('gateClosed' in written) throw new Error('gate closed');
      return written;
    },
    'point read (the floor\'s counter)': (i) => container.item(counters[i % GROUPS]!, counters[i % GROUPS]!).read(),
    'point read + ETag replace (the floor\'s pair)': async (i) => {
      const id = counters[i % GROUPS]!;
      for (;;) {
        const { resource, etag } = await container.item(id, id).read<{ id: string; groupId: string; count: number }>();
        try {
          return await container.item(id, id).replace({ ...resource!, count: resource!.count + 1 }, { accessCondition: { type: 'IfMatch', condition: etag! } });
        } catch (err) {
          if ((err as { code?: number }).code !== 412) throw err;
        }
      }
    },
  };
  // Response bytes of one session read, from the store's own JSON (what goes over loopback).
  const responseBytes = async () => {
    const g = drivers[0]!;
    const res = await container.items.query({ query: 'SELECT * FROM c WHERE c.groupId = @g', parameters: [{ name: '@g', value: g.groupId }] }, { partitionKey: g.groupId, maxItemCount: 1000 }).fetchAll();
    return { partitionDocs: res.resources.length, partitionBytes: Buffer.byteLength(JSON.stringify(res.resources)) };
  };

  const processCpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const run = async (op: (i: number) => Promise<unknown>) => {
    const s0 = cosmos.storeThreadCpuMs();
    const m0 = threadCpuMs(process.pid);
    const p0 = processCpuMs();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i < perRep; i = next++) await op(i);
      }),
    );
    const wall = performance.now() - t0;
    return { store: (cosmos.storeThreadCpuMs()! - s0!) / perRep, main: (threadCpuMs(process.pid)! - m0!) / perRep, all: (processCpuMs() - p0) / perRep, wall: wall / perRep };
  };

  const stages: { label: string; prepare: () => Promise<void> }[] = [
    { label: `measured sessions ${sizes[0]} answers, warm-up sessions 0`, prepare: () => fill(drivers, sizes[0]!) },
    { label: `measured sessions ${sizes[0]} answers, warm-up sessions 150+ (container +${150 * GROUPS}; the measured answer writes go there too)`, prepare: () => fill(warm, 150) },
    ...sizes.slice(1).map((n) => ({ label: `measured sessions ${n} answers, warm-up sessions 150+`, prepare: () => fill(drivers, n) })),
  ];
  // Warm both paths up (JIT) before anything is counted.
  await fill(drivers, 2);
  for (const op of Object.values(kinds)) for (let r = 0; r < 3; r++) await run(op);
  for (const stage of stages) {
    await stage.prepare();
    const { partitionDocs, partitionBytes } = await responseBytes();
    const samples: Record<string, { store: number[]; main: number[]; all: number[]; wall: number[] }> = {};
    for (let r = 0; r < reps; r++) {
      for (const [name, op] of Object.entries(kinds)) {
        const m = await run(op);
        const s = (samples[name] ??= { store: [], main: [], all: [], wall: [] });
        s.store.push(m.store);
        s.main.push(m.main);
        s.all.push(m.all);
        s.wall.push(m.wall);
      }
    }
    console.log(`\n### ${stage.label} (partition: ${partitionDocs} documents, ${(partitionBytes / 1024).toFixed(1)} KB as SELECT *)`);
    console.log('| request | store thread CPU µs | bots\' thread CPU µs | all threads CPU µs | wall µs (4 at once) |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, s] of Object.entries(samples)) console.log(`| ${name} | ${(median(s.store) * 1000).toFixed(0)} | ${(median(s.main) * 1000).toFixed(0)} | ${(median(s.all) * 1000).toFixed(0)} | ${(median(s.wall) * 1000).toFixed(0)} |`);
  }
  await t.stop();
  await sink.terminate();
  await client.terminate();
  await cosmos.close();
}

void main().then(() => process.exit(0), (err) => (console.error(err), process.exit(1)));
