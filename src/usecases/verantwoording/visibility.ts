import { Visibility } from '../../domain/personal/personal-answer';
import { DomainError } from '../../domain/shared/errors';
import { KIND_OF_TYPE, isShareable, requireTextSeen, ShareableKind, ShareableRecord, withVisibility } from '../../domain/verantwoording/personal-record';
import { blankTimeUsed, timeUsedId } from '../../domain/verantwoording/time-used';
import { VerantwoordingDeps } from './deps';
import { requireOwnWeek } from './time-used';
import { withinSaveWindow } from './save-window';

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
  /**
   * The revision of the text the view showed beside the button (a note's or the Prof-traject's
   * `rev`): sharing it is refused with `conflict` (TEXT_CHANGED_SINCE_SHOWN) when the text changed
   * since, or when the view sent none (`requireTextSeen`). Taking a share back needs none.
   */
  rev?: number;
}

/**
 * The professional decides, entry by entry, what their manager may see. What was shown before
 * follows: a prep card already in the manager's chat is rebuilt from what is shared now. Returns
 * the entry as it stands, which is not the choice pressed when a newer one was made since.
 * Refused (`erasureUnderway`) while their erasure is unfinished: it takes the entry with the rest.
 * A share of a text the view did not show (written since elsewhere) is refused (`requireTextSeen`).
 */
export async function setVisibility(deps: VerantwoordingDeps, userId: string, change: VisibilityChange): Promise<ShareableRecord> {
  // Its create (a week's blank time record) keeps to the save window (save-window.ts).
  deps = await withinSaveWindow(deps, userId);
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
  // Checked on the record as it is replaced (its ETag): an edit landing meanwhile is never shared unseen.
  const seen = { visibilityRev: change.visibilityRev, textRev: change.rev };
  const share = (r: ShareableRecord) => {
    requireTextSeen(r, change.visibility, seen);
    return withVisibility(r, change.visibility, now, change.visibilityRev);
  };
  return (await deps.records.update(userId, change.id, (r) => (isShareable(r) ? share(r) : r))) as ShareableRecord;
}
