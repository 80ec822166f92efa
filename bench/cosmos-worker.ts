import { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { createEmbeddedServer } from '../src/store/embedded-server';

/** The embedded Cosmos DB server, as the app runs it, in its own thread, on loopback. */
const server = createEmbeddedServer();
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
