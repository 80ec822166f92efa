import { randomUUID } from 'node:crypto';
import { CosmosConnection, startEmbeddedCosmos } from '../../src/store/cosmos-connection';

/** A fresh `@vercel/cosmosdb-server` per test file: the real protocol, no shared state between files. */
export async function startTestCosmos(): Promise<CosmosConnection> {
  return startEmbeddedCosmos(`test-${randomUUID().slice(0, 8)}`);
}
