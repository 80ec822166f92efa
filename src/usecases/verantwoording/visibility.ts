import { Visibility } from '../../domain/personal/personal-answer';
import { DomainError } from '../../domain/shared/errors';
import { KIND_OF_TYPE, isShareable, ShareableKind, ShareableRecord, withVisibility } from '../../domain/verantwoording/personal-record';
import { blankTimeUsed, timeUsedId } from '../../domain/verantwoording/time-used';
import { VerantwoordingDeps } from './deps';
import { requireOwnWeek } from './time-used';
import { refuseWhileErasing } from './erasure-ticket';

export interface VisibilityChange {
  kind: ShareableKind;
  /** The record id; for time used, the cycle id (with its group). */
  id: string;
  groupId?: string;
  visibility: Visibility;
  /**
   * How often its sharing had changed when the view pressed on showed it (`visibilityRevOf`): a
   * press from an older view, such as one Teams delivers again, changes nothing (`withVisibility`).
   * Views from before it was sent leave it out, and their press wins as before.
   */
  visibilityRev?: number;
}

/**
 * The professional decides, entry by entry, what their manager may see. What was shown before
 * follows: a prep card already in the manager's chat is rebuilt from what is shared now. Returns
 * the entry as it stands, which is not the choice pressed when a newer one was made since.
 * Refused (`erasureUnderway`) while their erasure is unfinished: it takes the entry with the rest.
 */
export async function setVisibility(deps: VerantwoordingDeps, userId: string, change: VisibilityChange): Promise<ShareableRecord> {
  await refuseWhileErasing(deps, userId);
  const record = await changeVisibility(deps, userId, change);
  await deps.sharingChanged?.(userId);
  return record;
}

async function changeVisibility(deps: VerantwoordingDeps, userId: string, change: VisibilityChange): Promise<ShareableRecord> {
  const now = deps.clock.now();
  if (change.kind === 'time') {
    if (!change.groupId) throw new DomainError('invalidInput', 'groupId');
    await requireOwnWeek(deps, userId, change.groupId, change.id);
    const id = timeUsedId(userId, change.id);
    const { record } = await deps.records.create(blankTimeUsed(userId, change.groupId, change.id, now));
    if (record.type !== 'timeUsed') throw new DomainError('notFound', 'time used');
    return (await deps.records.update(userId, id, (r) => (r.type === 'timeUsed' ? withVisibility(r, change.visibility, now, change.visibilityRev) : r))) as ShareableRecord;
  }
  const existing = await deps.records.get(userId, change.id);
  if (!existing || !isShareable(existing) || KIND_OF_TYPE[existing.type] !== change.kind) throw new DomainError('notFound', change.kind);
  return (await deps.records.update(userId, change.id, (r) => (isShareable(r) ? withVisibility(r, change.visibility, now, change.visibilityRev) : r))) as ShareableRecord;
}
