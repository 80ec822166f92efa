import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
// First: the server's routes keep the batch handler they find when they load.
import './embedded-atomic-batch';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { speedUpDocumentRids } from './embedded-document-rids';
import { isLocalClientRequest } from './embedded-server-guard';
import { partitionOfRequest, requestPartition, scopeQueriesToPartition } from './embedded-partition-scope';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The embedded Cosmos DB server (@vercel/cosmosdb-server) as the app, the tests and the bench run
 * it: plain HTTP on loopback, answering local Cosmos DB clients only (embedded-server-guard.ts),
 * with single-partition queries scoped to their partition (embedded-partition-scope.ts) and
 * transactional batches all or nothing (embedded-atomic-batch.ts), and new documents' rids
 * written directly (embedded-document-rids.ts). Listen on 127.0.0.1: the guard refuses any other host.
 */
export function createEmbeddedServer(): Server {
  scopeQueriesToPartition();
  speedUpDocumentRids();
  // keepAlive: without it the server answers `connection: close` and every request opens a new connection.
  const server = createHttpServer({ keepAlive: true }) as ReturnType<typeof createServer>;
  // Idle connections stay open longer than the client keeps them unused, so the client never
  // sends on a socket the server is just closing (Node's default of 5 s makes that race likely).
  server.keepAliveTimeout = 120_000;
  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  // Asking the socket for its port is a system call: once, when it listens.
  let port = 0;
  server.on('listening', () => (port = (server.address() as { port: number }).port));
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isLocalClientRequest(req, port)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'Forbidden', message: 'the embedded Cosmos DB server answers local Cosmos DB clients only' }));
      return;
    }
    requestPartition.run(partitionOfRequest(req), () => {
      for (const listener of listeners) listener.call(server, req, res);
    });
  });
  return server;
}
