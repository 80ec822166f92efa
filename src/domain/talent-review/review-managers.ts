import { stableId } from '../shared/ids';

/**
 * Every manager who planned a talentontwikkelgesprek about this person, kept in the person's own
 * partition. Their verantwoording reads each of those managers' partitions, so a conversation and
 * what the manager facilitated stay the professional's story after a change of manager.
 */
export interface ReviewManagersDoc {
  id: string;
  type: 'reviewManagers';
  userId: string;
  managerIds: string[];
  updatedAt: string;
  /**
   * Never expires on its own: a conversation can outlive the planning by a year (the manager's
   * account is written after it), and this is how the professional still finds it. Erasure of the
   * professional deletes it; erasure of a manager takes them out of every index that names them.
   */
  ttl: -1;
}

export function reviewManagersId(userId: string): string {
  return stableId('rm', userId);
}

export function blankReviewManagers(userId: string, at: string): ReviewManagersDoc {
  return { id: reviewManagersId(userId), type: 'reviewManagers', userId, managerIds: [], updatedAt: at, ttl: -1 };
}

/** The same object back when nothing changes, so a retry writes nothing. */
export function withReviewManager(doc: ReviewManagersDoc, managerId: string, at: string): ReviewManagersDoc {
  return doc.managerIds.includes(managerId) ? doc : { ...doc, managerIds: [...doc.managerIds, managerId], updatedAt: at };
}

export function withoutReviewManager(doc: ReviewManagersDoc, managerId: string, at: string): ReviewManagersDoc {
  return doc.managerIds.includes(managerId) ? { ...doc, managerIds: doc.managerIds.filter((m) => m !== managerId), updatedAt: at } : doc;
}
