import { DomainError } from '../../domain/shared/errors';
import { ProfTraject, profTrajectId, sketchProfTraject, TrajectInput, withTrajectRev } from '../../domain/verantwoording/prof-traject';
import { VerantwoordingDeps } from './deps';
import { withinSaveWindow } from './save-window';
import { freshCountsFrom } from '../../domain/verantwoording/active-weeks';
import { recordedWeeks } from './active-weeks';
import { requireSharingSeen } from '../../domain/verantwoording/personal-record';

/** The calendar weeks the person's own records name as active. */
async function activeWeeksOf(deps: VerantwoordingDeps, userId: string): Promise<string[]> {
  return recordedWeeks((await deps.records.listAll(userId)).filter((r) => r.userId === userId));
}

/** The Prof-traject with its revision, to be sent back with a save (see sketchProfTraject). */
export async function getProfTraject(deps: VerantwoordingDeps, userId: string): Promise<ProfTraject | undefined> {
  const r = await deps.records.get(userId, profTrajectId(userId));
  return r?.type === 'profTraject' ? withTrajectRev(r) : undefined;
}

/**
 * The Prof-traject as `input` revises `stored`, when its words go nowhere the form did not show:
 * shared since the form showed it "privé" (`visibilityRev`, the sharing's revision it showed), the
 * save is refused (`requireSharingSeen`). One saved anew is private again, so it is never refused so.
 */
function sketchedAsSeen(stored: ProfTraject | undefined, input: TrajectInput & { visibilityRev?: number }, now: Date): ProfTraject {
  const { visibilityRev, ...traject } = input;
  const next = sketchProfTraject(stored, traject, now);
  if (stored && next !== stored && next.visibility === 'shared') requireSharingSeen(stored, visibilityRev);
  return next;
}

/**
 * Sketches or revises the Prof-traject (learning needs, talents, planned active weeks, the phase).
 * Saved from an older revision than the stored one, it is refused with `conflict` (the newer text wins);
 * shared since the form showed its sharing (`visibilityRev`), with `conflict` (SHARED_SINCE_SHOWN);
 * while the person's erasure is unfinished, with `erasureUnderway` (the erasure would delete it).
 */
export async function saveProfTraject(deps: VerantwoordingDeps, userId: string, input: Omit<TrajectInput, 'userId' | 'countsFrom'> & { visibilityRev?: number }, opts: { fresh?: boolean } = {}): Promise<ProfTraject> {
  // Its create keeps to the save window: none outlives an erasure begun meanwhile (save-window.ts).
  deps = await withinSaveWindow(deps, userId);
  const now = deps.clock.now();
  const existing = await getProfTraject(deps, userId);
  // Sketched anew after one ended: its weeks count from now on (see freshCountsFrom); never for the first.
  const sketch: Omit<TrajectInput, 'userId'> = opts.fresh && existing ? { ...input, countsFrom: freshCountsFrom(now, deps.timeZone ?? 'UTC', await activeWeeksOf(deps, userId)) } : input;
  const next = sketchedAsSeen(existing, { userId, ...sketch }, now);
  if (!existing) {
    const { record, created } = await deps.records.create(next);
    if (created) return next;
    if (record.type !== 'profTraject') throw new DomainError('notFound', 'traject');
  }
  // The revision is checked again on the stored version under its ETag: a save in between wins.
  const saved = await deps.records.update(userId, profTrajectId(userId), (r) => (r.type === 'profTraject' ? sketchedAsSeen(r, { userId, ...sketch }, now) : r));
  if (saved.type !== 'profTraject') throw new DomainError('notFound', 'traject');
  // A shared Prof-traject's new text replaces the old one wherever the manager was shown it; one
  // sketched anew is private, and the old one's text goes from there.
  if (saved.visibility === 'shared' || existing?.visibility === 'shared') await deps.sharingChanged?.(userId);
  return withTrajectRev(saved);
}
