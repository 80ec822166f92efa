import { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createEmbeddedServer } from '../../src/store/embedded-server';
import { SHARED_COSMOS_ENV } from './shared-cosmos';

/**
 * One embedded Cosmos DB server for the whole jest run, in jest's own process: each test file
 * still gets a database of its own on it (startTestCosmos), but no longer loads and warms up a
 * server of its own. Workers start after this and inherit the endpoint through the environment.
 */
export default async function startSharedCosmos(): Promise<void> {
  const server = createEmbeddedServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env[SHARED_COSMOS_ENV] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (globalThis as { sharedCosmosServer?: Server }).sharedCosmosServer = server;
}
