import type { IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Container, CosmosClient, Database } from '@azure/cosmos';
import { entraCredential } from '../azure/entra-credential';
import type { Logger } from '../log/logger';
import { CONTAINERS, ContainerName } from './containers';

export interface CosmosConnection {
  database: Database;
  container(name: ContainerName): Container;
  close(): Promise<void>;
}

export type CosmosSettings =
  | { mode: 'embedded'; database: string }
  | { mode: 'azure'; endpoint: string; key?: string; database: string };

// The embedded server speaks the real protocol but has no real key; any string is accepted.
const EMBEDDED_KEY = 'embedded-cosmos-has-no-key';

/** Per container, the time-to-live a container gets when the app creates it (Bicep sets it in Azure). */
export type ContainerTtl = Partial<Record<ContainerName, number | undefined>>;

async function ensureContainers(client: CosmosClient, databaseId: string, ttl: ContainerTtl = {}): Promise<Database> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  // At once, not one after another: each is a read and a create, and nothing orders them.
  await Promise.all(
    (Object.entries(CONTAINERS) as [ContainerName, (typeof CONTAINERS)[ContainerName]][]).map(([name, c]) => {
      const defaultTtl = ttl[name];
      return database.containers.createIfNotExists({ id: c.id, partitionKey: { paths: [c.partitionKey] }, ...(defaultTtl !== undefined ? { defaultTtl } : {}) });
    }),
  );
  return database;
}

function connection(client: CosmosClient, database: Database, onClose: () => Promise<void>): CosmosConnection {
  return {
    database,
    container: (name) => database.container(CONTAINERS[name].id),
    close: async () => {
      client.dispose();
      await onClose();
    },
  };
}

/** Told what the embedded server sees (tests, the benchmark): its TCP connections and requests. */
export interface EmbeddedCosmosObserver {
  /** A client opened a TCP connection (each one costs a TLS handshake). */
  connection?(): void;
  /** A request arrived (method, URL and headers say what it is: point read, query, cross-partition). */
  request?(req: IncomingMessage): void;
}

export interface EmbeddedCosmosOptions {
  observer?: EmbeddedCosmosObserver;
  ttl?: ContainerTtl;
}

/** Starts `@vercel/cosmosdb-server` on a free loopback port: the embedded default and the test store. */
export async function startEmbeddedCosmos(databaseId: string, options: EmbeddedCosmosOptions = {}): Promise<CosmosConnection & { endpoint: string }> {
  // Plain HTTP on loopback: encrypting every response cost both sides a fifth of a query's time.
  // The self-signed certificate also kept browsers out; the embedded server's guard does that now.
  // Loaded only here: against Azure Cosmos DB, and in test files that use a server already running,
  // the embedded server's few hundred modules are never loaded.
  const { createEmbeddedServer } = await import('./embedded-server');
  const server = createEmbeddedServer();
  const { observer } = options;
  if (observer?.connection) server.on('connection', () => observer.connection!());
  if (observer?.request) server.on('request', (req: IncomingMessage) => observer.request!(req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return openEmbeddedDatabase(endpoint, databaseId, options.ttl, async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}

/**
 * A database of its own on an embedded server that already runs (the tests share one server per
 * run, each file with its own database). `onClose` runs after the client let go of its sockets.
 */
export async function openEmbeddedDatabase(endpoint: string, databaseId: string, ttl: ContainerTtl = {}, onClose: () => Promise<void> = async () => undefined): Promise<CosmosConnection & { endpoint: string }> {
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_KEY,
    // No agent: for an http endpoint the SDK then uses its own keep-alive agent and allows plain HTTP.
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const database = await ensureContainers(client, databaseId, ttl);
  return { ...connection(client, database, onClose), endpoint };
}

/** Connects to Azure Cosmos DB with a key, or with managed identity when no key is set. */
export async function connectCosmos(settings: CosmosSettings, logger: Logger, ttl: ContainerTtl = {}): Promise<CosmosConnection> {
  if (settings.mode === 'embedded') {
    const conn = await startEmbeddedCosmos(settings.database, { ttl });
    logger.warn({ endpoint: conn.endpoint }, 'COSMOS_ENDPOINT is not set: using the embedded Cosmos DB server; data lives in memory and is lost on restart');
    return conn;
  }
  const client = settings.key
    ? new CosmosClient({ endpoint: settings.endpoint, key: settings.key })
    : new CosmosClient({ endpoint: settings.endpoint, aadCredentials: entraCredential() });
  const database = await ensureContainers(client, settings.database, ttl);
  logger.info({ auth: settings.key ? 'key' : 'managed-identity' }, 'connected to Azure Cosmos DB');
  return connection(client, database, async () => undefined);
}
