import { stableId } from '../shared/ids';

/**
 * A rebuild of a person's prep cards that is still owed: their change of what they share is
 * stored, but neither the rebuild nor its retry job could be (the `reviews` and `jobs` containers
 * refused writes). Kept in their own `personal` partition, where the change itself was just
 * written, until the daily manager check rebuilds their cards: what they took back leaves their
 * managers' chats without them doing anything more. It holds nothing of what changed, and goes
 * with their erasure (their partition).
 */
export interface PrepRefreshOwedDoc {
  id: string;
  type: 'prepRefreshOwed';
  userId: string;
  /** When the rebuild last failed: the oldest are rebuilt first. */
  at: string;
}

export function prepRefreshOwedId(userId: string): string {
  return stableId('prepRefreshOwed', userId);
}

/** One owed rebuild as read, with its version: settled only when no later failure owed it again. */
export interface OwedPrepRefresh {
  userId: string;
  version: string;
}

/** Port: the owed rebuilds, one document per person in their own partition. */
export interface PrepRefreshesOwed {
  /** Owes a rebuild of this person's prep cards (one write; owing it again is one document still). */
  owe(userId: string): Promise<void>;
  /** The oldest `limit` owed rebuilds: a query across people's partitions, for the daily check only, never a user's turn. */
  oldest(limit: number): Promise<OwedPrepRefresh[]>;
  /** The rebuild is done: removed, unless a later failure owed it again since it was read (then it stays for the next check). */
  settle(owed: OwedPrepRefresh): Promise<void>;
}
