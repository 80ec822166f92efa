import { createHash } from 'node:crypto';

/**
 * Cosmos ids may not contain '/', '\\', '?' or '#', and Teams conversation ids do. A short
 * stable hash keeps ids valid and equal for the same conversation on every instance.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  return `${prefix}_${digest}`;
}
