import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { MaturityPhase } from '../talent-review/maturity';

/**
 * The professional's self-designed learning path (e.g. six months with 20 active weeks),
 * sketched in their first cycle. It frames their verantwoording; private until shared.
 */
export interface ProfTraject {
  id: string;
  type: 'profTraject';
  userId: string;
  learningNeeds: string;
  talents: string;
  plannedWeeks: number;
  /** Where the professional places themself in the learning maturity model; their own choice. */
  maturityPhase?: MaturityPhase;
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
}

export const MAX_TRAJECT_TEXT = 2000;
export const DEFAULT_TRAJECT_WEEKS = 20;

/** One Prof-traject per professional. */
export function profTrajectId(userId: string): string {
  return stableId('pt', userId);
}

function clean(text: string, field: 'learningNeeds' | 'talents'): string {
  const t = text.replace(/\r\n/g, '\n').trim();
  if (t.length > MAX_TRAJECT_TEXT) throw new DomainError('invalidInput', { detail: field, input: { field, rule: 'tooLong', params: { max: MAX_TRAJECT_TEXT, count: t.length } } });
  return t;
}

/** Creates or revises the Prof-traject; keeps its visibility and creation date. */
export function sketchProfTraject(
  existing: ProfTraject | undefined,
  input: { userId: string; learningNeeds: string; talents: string; plannedWeeks: number; maturityPhase?: MaturityPhase },
  now: Date,
): ProfTraject {
  const learningNeeds = clean(input.learningNeeds, 'learningNeeds');
  const talents = clean(input.talents, 'talents');
  if (!learningNeeds && !talents) throw new DomainError('invalidInput', { detail: 'empty traject', input: { field: 'learningNeeds', rule: 'required' } });
  if (!Number.isInteger(input.plannedWeeks) || input.plannedWeeks < 1 || input.plannedWeeks > 52) {
    throw new DomainError('invalidInput', { detail: 'plannedWeeks', input: { field: 'plannedWeeks', rule: 'range', params: { min: 1, max: 52 } } });
  }
  if (existing && existing.learningNeeds === learningNeeds && existing.talents === talents && existing.plannedWeeks === input.plannedWeeks && existing.maturityPhase === input.maturityPhase) return existing;
  return {
    id: profTrajectId(input.userId),
    type: 'profTraject',
    userId: input.userId,
    learningNeeds,
    talents,
    plannedWeeks: input.plannedWeeks,
    ...(input.maturityPhase ? { maturityPhase: input.maturityPhase } : {}),
    visibility: existing?.visibility ?? 'private',
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
