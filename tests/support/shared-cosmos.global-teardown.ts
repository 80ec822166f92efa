import type { Server } from 'node:http';

/** Stops the run's embedded Cosmos DB server (shared-cosmos.global-setup.ts). */
export default async function stopSharedCosmos(): Promise<void> {
  const server = (globalThis as { sharedCosmosServer?: Server }).sharedCosmosServer;
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
