import { hash } from 'node:crypto';

/**
 * Cosmos ids may not contain '/', '\\', '?' or '#', and Teams conversation ids do. A short
 * stable hash keeps ids valid and equal for the same conversation on every instance.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  // One-shot `hash`: a sixth of createHash's cost, and every card press computes a few of these.
  const digest = hash('sha256', parts.join('\u0000'), 'base64url').slice(0, 22);
  return `${prefix}_${digest}`;
}
