import http, { Agent } from 'node:http';
import { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { startTestCosmos } from './cosmos';
import { CONTAINERS } from '../../src/store/containers';
import { seededRandom } from './recording-connector';
import { quickSdkRetries } from './quick-sdk-retries';

// Its faults break connections on purpose: the SDK's retries of them need not wait a second each.
quickSdkRetries();

/** What one Cosmos DB request was, as seen on the wire. */
export type RequestKind = 'pointRead' | 'query' | 'queryPlan' | 'create' | 'upsert' | 'replace' | 'delete' | 'batch' | 'metadata';

export interface SeenCosmosRequest {
  kind: RequestKind;
  container?: string;
  /** A query without a partition key fans out over every partition. */
  crossPartition: boolean;
  /** A query's `x-ms-max-item-count`: without one, Cosmos DB's gateway answers in pages of 100 items (the embedded server does not). */
  pageSize?: number;
  status: number;
}

/**
 * How a request fails: answered with a status without reaching the store, dropped before it
 * reaches the store, or forwarded and then dropped (the write happened; the answer is lost).
 */
export type CosmosFault =
  | { kind: 'status'; status: 412 | 429 | 503; retryAfterMs?: number }
  | { kind: 'dropBefore' }
  | { kind: 'dropAfter' }
  /** The gateway's answer to a query it cannot serve without the client's query plan. */
  | { kind: 'needsQueryPlan' }
  /** The gateway's query plan for a query without ORDER BY, aggregates or DISTINCT (the embedded server has no plans). */
  | { kind: 'plainQueryPlan' }
  /** Forwarded only once `until` settles: a request that lands after others sent later (a slow network path). */
  | { kind: 'hold'; until: Promise<void> };

const PLAIN_QUERY_PLAN = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None', top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [], groupByExpressions: [], groupByAliases: [],
    aggregates: [], groupByAliasToAggregateType: {}, rewrittenQuery: '', hasSelectValue: false, dCountInfo: null,
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
};
/** `path` is the request's path, so a rule can aim at one document (`.../docs/<id>`). */
const STATUS_CODES = { 412: 'PreconditionFailed', 429: 'TooManyRequests', 503: 'ServiceUnavailable' } as const;

export type CosmosFaultRule = (req: { kind: RequestKind; container?: string; path: string }) => CosmosFault | undefined;

/** Holds the first request `matches` accepts until `open()` (later ones pass); `held` settles once it is held. */
export function holdFirst(matches: (req: Parameters<CosmosFaultRule>[0]) => boolean): { rule: CosmosFaultRule; held: Promise<void>; open(): void } {
  let open!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let once = false;
  const rule: CosmosFaultRule = (req) => {
    if (once || !matches(req)) return undefined;
    once = true;
    arrived();
    return { kind: 'hold', until: gate };
  };
  return { rule, held, open };
}

/**
 * The first create in `container` reaches the store and its answer is lost (`dropAfter`); the next
 * data request there that `holds` accepts (the store's retry, or what the code does next) is held
 * until `open()`, as `holdFirst` holds it.
 */
export function dropThenHold(container: string, holds: (req: Parameters<CosmosFaultRule>[0]) => boolean = () => true): ReturnType<typeof holdFirst> {
  let dropped = false;
  const hold = holdFirst((req) => dropped && holds(req));
  const rule: CosmosFaultRule = (req) => {
    if (req.container !== container || req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
    if (!dropped && req.kind === 'create') return (dropped = true), { kind: 'dropAfter' };
    return hold.rule(req);
  };
  return { rule, held: hold.held, open: hold.open };
}

/** Faults on a share of data requests (never on metadata), seeded so a run can be replayed. */
export function randomCosmosFaults(rate: number, seed = 7): CosmosFaultRule {
  const random = seededRandom(seed);
  const kinds: CosmosFault[] = [{ kind: 'status', status: 429, retryAfterMs: 5 }, { kind: 'status', status: 503 }, { kind: 'dropBefore' }, { kind: 'dropAfter' }];
  return (req) => {
    if (req.kind === 'metadata' || req.kind === 'queryPlan') return undefined;
    if (random() >= rate) return undefined;
    return kinds[Math.floor(random() * kinds.length)];
  };
}

function classify(req: IncomingMessage): Omit<SeenCosmosRequest, 'status'> {
  const path = (req.url ?? '').split('?')[0]!;
  const container = /\/colls\/([^/]+)/.exec(path)?.[1];
  const h = req.headers;
  const onDocs = /\/docs(\/[^/]+)?$/.test(path);
  const hasPartition = typeof h['x-ms-documentdb-partitionkey'] === 'string';
  if (!onDocs) return { kind: 'metadata', container, crossPartition: false };
  if (String(h['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true') return { kind: 'queryPlan', container, crossPartition: false };
  const pageSize = h['x-ms-max-item-count'] === undefined ? undefined : Number(h['x-ms-max-item-count']);
  if (String(h['x-ms-documentdb-isquery']).toLowerCase() === 'true') return { kind: 'query', container, crossPartition: !hasPartition, ...(pageSize === undefined ? {} : { pageSize }) };
  if (String(h['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true') return { kind: 'batch', container, crossPartition: false };
  if (req.method === 'GET') return { kind: /\/docs\/[^/]+$/.test(path) ? 'pointRead' : 'query', container, crossPartition: !hasPartition };
  if (req.method === 'PUT') return { kind: 'replace', container, crossPartition: false };
  if (req.method === 'DELETE') return { kind: 'delete', container, crossPartition: false };
  if (String(h['x-ms-documentdb-is-upsert']).toLowerCase() === 'true') return { kind: 'upsert', container, crossPartition: false };
  return { kind: 'create', container, crossPartition: false };
}

/**
 * A TLS-terminating proxy in front of the embedded Cosmos DB server: it counts every request by
 * kind and can fail a share of them the way a real network and a busy account do. Tests count
 * requests per turn with it; timings never matter.
 */
export class CosmosProxy {
  readonly seen: SeenCosmosRequest[] = [];
  faults?: CosmosFaultRule;
  private server?: http.Server;

  /** Runs `work` with `rule`'s faults, and none after it, whatever it threw. */
  async withFaults<R>(rule: CosmosFaultRule, work: () => Promise<R>): Promise<R> {
    this.faults = rule;
    try {
      return await work();
    } finally {
      this.faults = undefined;
    }
  }

  private readonly upstream = new Agent({ keepAlive: true });
  private target!: URL;
  url = '';

  async start(upstreamEndpoint: string): Promise<this> {
    this.target = new URL(upstreamEndpoint);
    this.server = http.createServer({ keepAliveTimeout: 120_000 }, (req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  /** Forgets what was seen, so the next turn is counted on its own. */
  reset(): void {
    this.seen.length = 0;
  }

  count(filter: (r: SeenCosmosRequest) => boolean = () => true): number {
    return this.seen.filter(filter).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const info = classify(req);
      const fault = this.faults?.({ kind: info.kind, container: info.container, path: decodeURIComponent((req.url ?? '').split('?')[0]!) });
      const record = (status: number) => this.seen.push({ ...info, status });
      if (fault?.kind === 'status') {
        record(fault.status);
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfterMs !== undefined ? { 'x-ms-retry-after-ms': String(fault.retryAfterMs) } : {}) });
        res.end(JSON.stringify({ code: STATUS_CODES[fault.status], message: 'injected by the test proxy' }));
        return;
      }
      if (fault?.kind === 'needsQueryPlan') {
        record(400);
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'BadRequest', message: 'The provided query can not be directly served by the gateway.', additionalErrorInfo: '{"partitionedQueryExecutionInfoVersion":2}' }));
        return;
      }
      if (fault?.kind === 'plainQueryPlan') {
        record(200);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(PLAIN_QUERY_PLAN));
        return;
      }
      if (fault?.kind === 'dropBefore') {
        record(0);
        req.socket.destroy();
        return;
      }
      const forward = () => {
      const up = http.request(
        { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.target.host }, agent: this.upstream },
        (upRes) => {
          const body: Buffer[] = [];
          upRes.on('data', (c: Buffer) => body.push(c));
          upRes.on('end', () => {
            record(fault?.kind === 'dropAfter' ? 0 : upRes.statusCode ?? 0);
            if (fault?.kind === 'dropAfter') {
              req.socket.destroy();
              return;
            }
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      up.on('error', () => {
        record(502);
        res.writeHead(502);
        res.end();
      });
      up.end(Buffer.concat(chunks));
      };
      if (fault?.kind === 'hold') void fault.until.then(forward, forward);
      else forward();
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.upstream.destroy();
  }
}

/**
 * An embedded Cosmos DB server with the proxy in front: the connection the app gets goes through
 * the proxy; `direct` reads the store without being counted or failed (for the test's own checks).
 */
export async function startProxiedCosmos(): Promise<{ cosmos: CosmosConnection; direct: CosmosConnection; proxy: CosmosProxy; close(): Promise<void> }> {
  const direct = await startTestCosmos();
  const databaseId = direct.database.id;
  const proxy = await new CosmosProxy().start(direct.endpoint);
  const client = new CosmosClient({
    endpoint: proxy.url,
    key: 'embedded-cosmos-has-no-key',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const database = client.database(databaseId);
  const cosmos: CosmosConnection = {
    database,
    container: (name) => database.container(CONTAINERS[name].id),
    close: async () => client.dispose(),
  };
  return {
    cosmos,
    direct,
    proxy,
    async close() {
      await cosmos.close();
      await proxy.stop();
      await direct.close();
    },
  };
}
