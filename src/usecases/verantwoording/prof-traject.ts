import { DomainError } from '../../domain/shared/errors';
import { ProfTraject, profTrajectId, sketchProfTraject } from '../../domain/verantwoording/prof-traject';
import { MaturityPhase } from '../../domain/talent-review/maturity';
import { VerantwoordingDeps } from './deps';

export async function getProfTraject(deps: VerantwoordingDeps, userId: string): Promise<ProfTraject | undefined> {
  const r = await deps.records.get(userId, profTrajectId(userId));
  return r?.type === 'profTraject' ? r : undefined;
}

/** Sketches or revises the Prof-traject (learning needs, talents, planned active weeks). */
export async function saveProfTraject(deps: VerantwoordingDeps, userId: string, input: { learningNeeds: string; talents: string; plannedWeeks: number; maturityPhase?: MaturityPhase }): Promise<ProfTraject> {
  const now = deps.clock.now();
  const existing = await getProfTraject(deps, userId);
  const next = sketchProfTraject(existing, { userId, ...input }, now);
  if (!existing) {
    const { record, created } = await deps.records.create(next);
    if (created) return next;
    if (record.type !== 'profTraject') throw new DomainError('notFound', 'traject');
  }
  const saved = await deps.records.update(userId, profTrajectId(userId), (r) => (r.type === 'profTraject' ? sketchProfTraject(r, { userId, ...input }, now) : r));
  if (saved.type !== 'profTraject') throw new DomainError('notFound', 'traject');
  // A shared Prof-traject's new text replaces the old one wherever the manager was shown it.
  if (saved.visibility === 'shared') await deps.sharingChanged?.(userId);
  return saved;
}
