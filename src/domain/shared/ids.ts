import { createHmac, hash } from 'node:crypto';

/**
 * Cosmos ids may not contain '/', '\\', '?' or '#', and Teams conversation ids do. A short
 * stable hash keeps ids valid and equal for the same conversation on every instance.
 */
export function stableId(prefix: string, ...parts: string[]): string {
  // One-shot `hash`: a sixth of createHash's cost, and every card press computes a few of these.
  const digest = hash('sha256', parts.join('\u0000'), 'base64url').slice(0, 22);
  return `${prefix}_${digest}`;
}

/**
 * The id of a record that a card's random key was pressed, which must not lead back to the key:
 * HMAC-SHA-256 of the key under a fixed label per kind of record. No secret is needed for it to be
 * one-way, the key being 128 random bits; the label keeps one kind's ids apart from another's.
 */
export function oneWayKeyId(prefix: string, label: string, key: string): string {
  return `${prefix}_${createHmac('sha256', label).update(key).digest('base64url')}`;
}

/**
 * A digest of `text` that only a holder of `key` can make or test a guess against: HMAC-SHA-256
 * under the label and the key. For a random key that is never stored (a card's press key): unlike
 * an id made by stableId from the key, which would carry the same hash under another prefix, no
 * stored value leads to it. The label keeps one use's digests apart from another's.
 */
export function keyedDigest(label: string, key: string, text: string): string {
  return createHmac('sha256', `${label}\u0000${key}`).update(text, 'utf8').digest('base64url');
}

/** How long such a record is kept: Teams delivers a press again within minutes to hours; a few days is ample. */
export const PRESS_RECORD_TTL_SECONDS = 3 * 24 * 3600;
