import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CosmosClient } from '@azure/cosmos';
import { CONTAINERS } from '../src/store/containers';
import { CosmosConnection } from '../src/store/cosmos-connection';

/**
 * The embedded Cosmos DB server and the local connector each run in their own worker thread, so
 * that neither stalls the sender's event loop, and the connector stamps arrivals on a clock the
 * sender's pauses do not touch: the limits are checked as Teams would see them.
 */
function startWorker<T>(file: string, data: unknown): Promise<{ worker: Worker; ready: T }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: data });
    worker.once('message', (ready: T) => resolve({ worker, ready }));
    worker.once('error', reject);
  });
}

/** Asks a worker for something and waits for the answer. */
export function ask<T>(worker: Worker, question: string): Promise<T> {
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage(question);
  });
}

/** The CPU time (ms) the kernel has run one thread of this process (Linux' schedstat); undefined where it does not say. */
export function threadCpuMs(tid: number | undefined): number | undefined {
  if (tid === undefined || !Number.isFinite(tid)) return undefined;
  try {
    return Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** The embedded store in its worker thread; `storeThreadCpuMs` is that thread's CPU time so far (ms; undefined off Linux). */
export type BenchCosmos = CosmosConnection & { storeThreadCpuMs(): number | undefined };

export async function embeddedCosmosInWorker(): Promise<BenchCosmos> {
  const { worker, ready } = await startWorker<{ port: number; tid?: number }>(require.resolve('./cosmos-worker'), undefined);
  const client = new CosmosClient({
    endpoint: `http://127.0.0.1:${ready.port}`,
    key: 'embedded-cosmos-has-no-key',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { database } = await client.databases.createIfNotExists({ id: 'bench' });
  for (const c of Object.values(CONTAINERS)) await database.containers.createIfNotExists({ id: c.id, partitionKey: { paths: [c.partitionKey] } });
  return {
    database,
    container: (name) => database.container(CONTAINERS[name].id),
    storeThreadCpuMs: () => threadCpuMs(ready.tid),
    close: async () => {
      client.dispose();
      await worker.terminate();
    },
  };
}

export interface ConnectorStats {
  requests: number;
  throttled: number;
  violations: number;
  /** The most requests within one second, per tenant and per conversation. */
  peak: { tenant: number; conversation: number };
  /** Conversations that received a message, messages in all, and conversations that got one twice. */
  conversations: number;
  messages: number;
  duplicates: number;
}

export async function connectorInWorker(opts: { perTenant?: number; perConversation?: number; rate429: number }): Promise<{ url: string; stats(): Promise<ConnectorStats>; stop(): Promise<void> }> {
  const { worker, ready } = await startWorker<{ url: string }>(require.resolve('./connector-worker'), opts);
  return {
    url: ready.url,
    stats: () => ask<ConnectorStats>(worker, 'stats'),
    stop: async () => {
      await worker.terminate();
    },
  };
}
