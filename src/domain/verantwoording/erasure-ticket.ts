import { stableId } from '../shared/ids';

/**
 * While an erasure runs, its random marker is kept in the person's own partition (deleted last),
 * so an interrupted erasure that runs again anonymises with the same marker and writes the
 * same documents instead of counting the person twice.
 */
export interface ErasureTicket {
  id: string;
  type: 'erasureTicket';
  userId: string;
  marker: string;
  createdAt: string;
  /**
   * The groups the erasure took the person out of (and named them as being erased in): kept here
   * because the membership index is deleted before the erasure lets go of those groups.
   */
  groupIds?: string[];
  /**
   * The receipts this erasure leaves when it finishes (erasure-receipt.ts): one-way hashes of the
   * keys of the confirm cards pressed for it. Kept here, not by the turn that pressed, so an erasure
   * that its resume job finishes leaves them too. Gone with the ticket: nothing links them to the person after.
   */
  receiptIds?: string[];
}

/** Confirm cards an erasure remembers (the first press, the "finish" button that carries the same key, a card asked again). */
export const MAX_ERASURE_RECEIPTS = 10;

/** The ticket with this receipt to leave; the same object when it has it already. */
export function withErasureReceipt(ticket: ErasureTicket, receiptId: string): ErasureTicket {
  const known = ticket.receiptIds ?? [];
  return known.includes(receiptId) ? ticket : { ...ticket, receiptIds: [...known, receiptId].slice(-MAX_ERASURE_RECEIPTS) };
}

/** The ticket naming these groups too; the same object when it already does. */
export function withErasureGroups(ticket: ErasureTicket, groupIds: string[]): ErasureTicket {
  const known = ticket.groupIds ?? [];
  const added = [...new Set(groupIds)].filter((id) => !known.includes(id));
  return added.length ? { ...ticket, groupIds: [...known, ...added] } : ticket;
}

export function erasureTicketId(userId: string): string {
  return stableId('et', userId);
}
