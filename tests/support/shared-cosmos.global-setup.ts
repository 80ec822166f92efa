import { AddressInfo, Socket } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { SHARED_COSMOS_ENV } from './shared-cosmos';

/** The database a request is for (`/dbs/<id>/...`), if any. */
function databaseOf(req: IncomingMessage): string | undefined {
  const match = /^\/dbs\/([^/?]+)/.exec(req.url ?? '');
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * A test file is done with its database when it deletes it (startTestCosmos's close): the
 * connections that carried only its requests are closed then. Left open, each would keep the
 * file's whole module registry alive in its jest worker until the server's keep-alive ran out. A
 * connection that also served another database (a file with two) stays: it may be in use.
 */
function closeConnectionsOfDeletedDatabases(server: Server): void {
  const databasesOf = new WeakMap<Socket, Set<string>>();
  const socketsOf = new Map<string, Set<Socket>>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const db = databaseOf(req);
    if (!db) return;
    const socket = req.socket;
    databasesOf.set(socket, (databasesOf.get(socket) ?? new Set<string>()).add(db));
    socketsOf.set(db, (socketsOf.get(db) ?? new Set<Socket>()).add(socket));
    if (req.method !== 'DELETE' || !/^\/dbs\/[^/?]+\/?$/.test(req.url ?? '')) return;
    res.on('finish', () => {
      const sockets = socketsOf.get(db) ?? new Set<Socket>();
      socketsOf.delete(db);
      for (const s of sockets) if (databasesOf.get(s)?.size === 1) s.end();
    });
  });
}

/**
 * One embedded Cosmos DB server for the whole jest run, in jest's own process: each test file
 * still gets a database of its own on it (startTestCosmos), but no longer loads and warms up a
 * server of its own. Workers start after this and inherit the endpoint through the environment.
 */
export default async function startSharedCosmos(): Promise<void> {
  const { createEmbeddedServer } = await import('../../src/store/embedded-server');
  const server = createEmbeddedServer();
  closeConnectionsOfDeletedDatabases(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env[SHARED_COSMOS_ENV] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (globalThis as { sharedCosmosServer?: Server }).sharedCosmosServer = server;
}
