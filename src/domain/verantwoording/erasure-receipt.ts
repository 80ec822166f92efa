import { randomBytes } from 'node:crypto';
import { oneWayKeyId, PRESS_RECORD_TTL_SECONDS } from '../shared/ids';

/**
 * An erasure receipt: that the erasure pressed on one confirm card finished, so the same press,
 * delivered again by Teams after the person wrote something new, erases nothing.
 *
 * Why it keeps no trace of the person: the confirm card carries a random key (128 bits) made
 * when it was rendered, which only that card in the person's own 1:1 chat holds; the app never
 * stores the key, nor with it who pressed. The receipt's id is a one-way hash of the key, and the
 * receipt holds nothing else (no app id, Teams id or tenant; its partition is shared by all
 * receipts, not the person's). A reader of the database learns only that some erasure finished at
 * that time, which the deletion itself shows anyway; it cannot find out whose, nor tell which
 * receipt belongs to which chat without the card. It expires by itself after a few days.
 */
export interface ErasureReceipt {
  id: string;
  type: 'erasureReceipt';
  /** The records store's partition field: the receipts' own partition, never a person's id. */
  userId: typeof ERASURE_RECEIPTS_PARTITION;
  /** Seconds until Cosmos DB (or the embedded store's sweeper) deletes it. */
  ttl: number;
}

/**
 * The partition all receipts share. Not an app id (an Entra object id or a Teams id, which never
 * start with "~"), so a person's export and erasure, which read their own partition, never see one.
 */
export const ERASURE_RECEIPTS_PARTITION = '~erasure-receipts';

/** Then it goes by itself (see PRESS_RECORD_TTL_SECONDS). */
export const ERASURE_RECEIPT_TTL_SECONDS = PRESS_RECORD_TTL_SECONDS;

/** A confirm card's key as it renders it: 128 random bits, base64url (22 characters). */
export const ERASURE_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function newErasureKey(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The receipt's id: a one-way hash of the card's key (oneWayKeyId).
 */
export function erasureReceiptId(key: string): string {
  return oneWayKeyId('er', 'lerend-werken/erasure-receipt/v1', key);
}

/** The receipt with this id (erasureReceiptId of the card's key). */
export function erasureReceipt(receiptId: string): ErasureReceipt {
  return { id: receiptId, type: 'erasureReceipt', userId: ERASURE_RECEIPTS_PARTITION, ttl: ERASURE_RECEIPT_TTL_SECONDS };
}
