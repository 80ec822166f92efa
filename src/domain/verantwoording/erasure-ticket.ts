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
}

export function erasureTicketId(userId: string): string {
  return stableId('et', userId);
}
