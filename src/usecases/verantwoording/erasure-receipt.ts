import { ERASURE_RECEIPTS_PARTITION, erasureReceipt, erasureReceiptId } from '../../domain/verantwoording/erasure-receipt';
import { ErasureTicket, withErasureReceipt } from '../../domain/verantwoording/erasure-ticket';
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

/** The ticket remembering the receipt of this card key (ETag-guarded); no write when it does already. */
export async function rememberErasureReceipt(deps: VerantwoordingDeps, ticket: ErasureTicket, key: string): Promise<ErasureTicket> {
  const receiptId = erasureReceiptId(key);
  if (withErasureReceipt(ticket, receiptId) === ticket) return ticket;
  const stored = await deps.records.update(ticket.userId, ticket.id, (r) => (r.type === 'erasureTicket' ? withErasureReceipt(r, receiptId) : r));
  if (stored.type !== 'erasureTicket') throw new Error('erasure ticket id taken by another record');
  return stored;
}

/**
 * Leaves the receipts the ticket names, before the ticket goes: a failure here leaves the ticket,
 * so the erasure stays unfinished and its next run (by hand or its resume job) leaves them.
 * A receipt there already (a create conflict) is fine.
 */
export async function leaveErasureReceipts(deps: VerantwoordingDeps, ticket: ErasureTicket): Promise<void> {
  for (const id of ticket.receiptIds ?? []) await deps.records.create(erasureReceipt(id));
}

/**
 * Whether the person's own partition holds something again after an erasure finished (a note,
 * a preference, a group joined since): a press on that erasure's card erases nothing, so its
 * answer must not say nothing of theirs is kept. Another erasure's ticket alone is not data of theirs,
 * nor preferences that hold only their Teams client's language (kept by the app, chosen by nobody).
 */
export async function keptSinceErasure(deps: VerantwoordingDeps, userId: string): Promise<boolean> {
  return (await deps.records.listAll(userId)).some((r) => r.userId === userId && r.type !== 'erasureTicket' && !(r.type === 'preferences' && !r.language));
}
