import { randomUUID } from 'node:crypto';
import { CosmosConnection, openEmbeddedDatabase, startEmbeddedCosmos } from '../../src/store/cosmos-connection';
import { sharedCosmosEndpoint } from './shared-cosmos';

/**
 * A fresh database on the run's `@vercel/cosmosdb-server` (jest's global setup starts one for all
 * files): the real protocol, nothing shared between files but the server. Closing it deletes the
 * database, so the server does not keep every file's documents. Without the shared server (a
 * script outside jest), a server of its own.
 */
export async function startTestCosmos(): Promise<CosmosConnection & { endpoint: string }> {
  const databaseId = `test-${randomUUID().slice(0, 8)}`;
  const endpoint = sharedCosmosEndpoint();
  if (!endpoint) return startEmbeddedCosmos(databaseId);
  const conn = await openEmbeddedDatabase(endpoint, databaseId);
  return {
    ...conn,
    close: async () => {
      await conn.database.delete().catch(() => undefined);
      await conn.close();
    },
  };
}

/**
 * Documents as JSON without the store's random system fields (`_etag`, `_rid`, `_self`,
 * `_attachments`): a check that no person's id is in them must not trip over a random etag that
 * happens to hold "aad-" (about one in a thousand).
 */
export function storedText(docs: unknown[]): string {
  return JSON.stringify(docs, (key, value: unknown) => (key === '_etag' || key === '_rid' || key === '_self' || key === '_attachments' ? undefined : value));
}
