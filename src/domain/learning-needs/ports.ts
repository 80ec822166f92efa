import { LearningNeedBatch, LearningNeedPassOn, LearningNeedRecord } from './learning-need';

/**
 * Port: the members' pass-ons (each in its owner's partition) and L&O's anonymous batches, each
 * batch for one tenant. The `pending`/`sealing` reads cross every person's partition: only the
 * weekly handover (a scheduled job) asks them, never a member's turn.
 */
export interface LearningNeedStore {
  /** The member's pass-on; undefined when there is none (never passed on, or withdrawn). */
  get(userId: string, answerId: string): Promise<LearningNeedPassOn | undefined>;
  /**
   * Creates or changes what is stored under the pass-on's id (a pass-on, what a withdrawal left,
   * or nothing) with `mutate` (ETag-guarded); `mutate` may refuse, or return `current` to write nothing.
   */
  put(userId: string, answerId: string, mutate: (current: LearningNeedRecord | undefined) => LearningNeedRecord): Promise<LearningNeedRecord>;
  /**
   * Undoes a `put`: puts `before` back (nothing: deletes) only while what is stored is still as the
   * put wrote it (`asWritten`); a change made since stays, and gone already is fine.
   */
  takeBack(userId: string, answerId: string, asWritten: (stored: LearningNeedRecord) => boolean, before: LearningNeedRecord | undefined): Promise<void>;
  /**
   * Marks the pass-on `found` (by a press that did not write it) `confirmed`, only while it is
   * still as found (one read, one replace under its version): a take-back (`asWritten`) then no
   * longer matches it. Confirmed or changed since: what stands. Gone, or found again as it was
   * under another version (taken back and written anew): 'takenBack'.
   */
  confirm(userId: string, answerId: string, found: LearningNeedPassOn): Promise<LearningNeedRecord | 'takenBack'>;
  /**
   * Replaces what is stored with what `mutate` (which may refuse) makes of it: the withdrawal,
   * ETag-guarded, so a handover cannot slip in between. Nothing stored: nothing happens (undefined).
   */
  withdraw(userId: string, answerId: string, mutate: (current: LearningNeedRecord) => LearningNeedRecord): Promise<LearningNeedRecord | undefined>;
  listOfUser(userId: string): Promise<LearningNeedPassOn[]>;
  listPending(): Promise<LearningNeedPassOn[]>;
  /** Those a handover holds for one batch; without a batch id, for any batch (a run that stopped in an earlier week). */
  listSealing(batchId?: string): Promise<LearningNeedPassOn[]>;
  /**
   * ETag read-modify-write of one pass-on (`mutate` may turn it into what a withdrawal leaves: see
   * `unsealed`); false when it is gone (withdrawn, erased), and then nothing is written.
   */
  change(passOn: LearningNeedPassOn, mutate: (current: LearningNeedPassOn) => LearningNeedRecord): Promise<boolean>;
  getBatch(id: string): Promise<LearningNeedBatch | undefined>;
  /** Creates the batch; false when a batch with its id exists (an interrupted handover ran again). */
  createBatch(batch: LearningNeedBatch): Promise<boolean>;
  /**
   * One tenant's batches whose week starts within the dates (yyyy-mm-dd, inclusive); with `legacy`,
   * also the batches stored before batches recorded a tenant.
   */
  batchesBetween(from: string, to: string, owner: { tenantId: string; legacy: boolean }): Promise<LearningNeedBatch[]>;
  /** Every tenant's batches of one handover week (e.g. 2026-W49): for the scheduled job that tells L&O, never a turn. */
  batchesOfWeek(week: string): Promise<LearningNeedBatch[]>;
  /**
   * The tenant of a group, as the HR report counts it: the one it was set up in (`''` where Teams
   * named none); undefined when the group is not known (any more).
   */
  tenantOfGroup(groupId: string): Promise<string | undefined>;
}
