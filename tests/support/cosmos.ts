import { randomUUID } from 'node:crypto';
import { CosmosConnection, startEmbeddedCosmos } from '../../src/store/cosmos-connection';

/** A fresh `@vercel/cosmosdb-server` per test file: the real protocol, no shared state between files. */
export async function startTestCosmos(): Promise<CosmosConnection> {
  return startEmbeddedCosmos(`test-${randomUUID().slice(0, 8)}`);
}

/**
 * Documents as JSON without the store's random system fields (`_etag`, `_rid`, `_self`,
 * `_attachments`): a check that no person's id is in them must not trip over a random etag that
 * happens to hold "aad-" (about one in a thousand).
 */
export function storedText(docs: unknown[]): string {
  return JSON.stringify(docs, (key, value: unknown) => (key === '_etag' || key === '_rid' || key === '_self' || key === '_attachments' ? undefined : value));
}
