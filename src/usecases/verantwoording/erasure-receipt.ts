import { ERASURE_RECEIPTS_PARTITION, erasureReceipt, erasureReceiptId } from '../../domain/verantwoording/erasure-receipt';
import { VerantwoordingDeps } from './deps';

/**
 * Erasure receipts (domain/verantwoording/erasure-receipt.ts for why they name nobody), kept in the
 * records store under their own partition: a point read and an idempotent create there, never a
 * query. A person's export and erasure list their own partition only, so they never meet one.
 */

/** Whether the erasure pressed with this card key finished already. */
export async function erasureReceiptExists(deps: VerantwoordingDeps, key: string): Promise<boolean> {
  const found: { type?: string } | undefined = await deps.records.get(ERASURE_RECEIPTS_PARTITION, erasureReceiptId(key));
  return found?.type === 'erasureReceipt';
}

/** Remembers that the erasure pressed with this card key finished; a receipt already there (a create conflict) is fine. */
export async function keepErasureReceipt(deps: VerantwoordingDeps, key: string): Promise<void> {
  await deps.records.create(erasureReceipt(key));
}
