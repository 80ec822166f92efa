import { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { refuseBrowsers } from '../src/store/embedded-server-guard';
import { scopeQueriesToPartition } from '../src/store/embedded-partition-scope';

/** The embedded Cosmos DB server (@vercel/cosmosdb-server) in its own thread, on loopback. */
const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 120_000;
scopeQueriesToPartition(server);
refuseBrowsers(server);
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
