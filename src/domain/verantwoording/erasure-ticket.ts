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
