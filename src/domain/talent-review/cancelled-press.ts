import { oneWayKeyId, PRESS_RECORD_TTL_SECONDS } from '../shared/ids';

/**
 * A plan or move press of a conversation its manager cancelled since: the cancellation deletes the
 * conversation, and with it the keys that make such a press delivered again by Teams change
 * nothing (`TalentReview.moveKeys`). Without this record, "Plannen" delivered again after a cancel
 * would plan the conversation anew and tell the professional so.
 *
 * It names nobody: its id is a one-way hash of the card's random key, which only the card in the
 * manager's own chat holds; it has no manager, report or date, and all such records share one
 * partition (not a manager's). A database reader learns only that some conversation was
 * cancelled then. It expires by itself after a few days: Teams delivers a press again within
 * minutes to hours.
 */
export interface CancelledPress {
  id: string;
  type: 'cancelledPress';
  /** The reviews container's partition field: the records' own partition, never a manager's id. */
  managerId: typeof CANCELLED_PRESSES_PARTITION;
  /** Seconds until Cosmos DB (or the embedded store's sweeper) deletes it. */
  ttl: number;
}

/** Not an app id (those never start with "~"), so nothing that lists a manager's conversations meets one. */
export const CANCELLED_PRESSES_PARTITION = '~cancelled-presses';

export const CANCELLED_PRESS_TTL_SECONDS = PRESS_RECORD_TTL_SECONDS;

export function cancelledPressId(key: string): string {
  return oneWayKeyId('cp', 'lerend-werken/cancelled-press/v1', key);
}

export function cancelledPress(key: string): CancelledPress {
  return { id: cancelledPressId(key), type: 'cancelledPress', managerId: CANCELLED_PRESSES_PARTITION, ttl: CANCELLED_PRESS_TTL_SECONDS };
}
