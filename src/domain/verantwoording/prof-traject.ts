import { Visibility } from '../personal/personal-answer';
import { DomainError } from '../shared/errors';
import { stableId } from '../shared/ids';
import { MaturityPhase } from '../talent-review/maturity';
import { overLimit, trimText } from '../shared/text';

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
  /**
   * Counts the changes of its content (as a note's `rev` does), so a save from a view opened
   * earlier (a card in the chat, the tab) is refused instead of silently undoing a newer text.
   * Absent on a Prof-traject stored before revisions were kept: read it as 1 (`trajectRev`).
   */
  rev?: number;
  /** Counts the changes of who may see it (see `withVisibility`); absent: never changed. */
  visibilityRev?: number;
  /**
   * The first ISO week (`2026-W48`) whose active weeks count for it: set when the person sketched
   * it anew after an earlier one ended (see active-weeks.ts); absent, all their active weeks count.
   */
  countsFrom?: string;
  createdAt: string;
  updatedAt: string;
}

/** What a person saves: `maturityPhase` left out keeps the stored phase, '' clears it; `rev` is the version they saw. */
export interface TrajectInput {
  userId: string;
  learningNeeds: string;
  talents: string;
  plannedWeeks: number;
  maturityPhase?: MaturityPhase | '';
  /** The revision the form showed (0: there was none yet); left out, the save wins whatever is stored (clients from before revisions). */
  rev?: number;
  /** Sketched anew (after an earlier one ended): its active weeks count from this ISO week. Left out, the stored one stays. */
  countsFrom?: string;
}

export const MAX_TRAJECT_TEXT = 2000;
export const DEFAULT_TRAJECT_WEEKS = 20;

/** One Prof-traject per professional. */
export function profTrajectId(userId: string): string {
  return stableId('pt', userId);
}

function clean(text: string, field: 'learningNeeds' | 'talents'): string {
  const t = trimText(text.replace(/\r\n/g, '\n'));
  const over = overLimit(t, MAX_TRAJECT_TEXT);
  if (over) throw new DomainError('invalidInput', { detail: field, input: { field, rule: 'tooLong', params: { max: MAX_TRAJECT_TEXT, count: over } } });
  return t;
}

/** The revision of a Prof-traject as stored: 0 when there is none, 1 for one stored before revisions were kept. */
export function trajectRev(traject: ProfTraject | undefined): number {
  return traject ? traject.rev ?? 1 : 0;
}

/** A stored Prof-traject with its revision spelled out, so every reader (the tab, a card) can send it back. */
export function withTrajectRev(traject: ProfTraject): ProfTraject {
  return traject.rev === undefined ? { ...traject, rev: trajectRev(traject) } : traject;
}

/**
 * Creates or revises the Prof-traject; keeps its visibility and creation date. The phase is the
 * professional's own choice and only the chat's form has a field for it: a save without one (the
 * tab's) keeps it, and only an explicit '' (the chat's form with no phase picked) clears it.
 * A save made from an older revision than the stored one is refused with `conflict`.
 */
export function sketchProfTraject(existing: ProfTraject | undefined, input: TrajectInput, now: Date): ProfTraject {
  const learningNeeds = clean(input.learningNeeds, 'learningNeeds');
  const talents = clean(input.talents, 'talents');
  if (!learningNeeds && !talents) throw new DomainError('invalidInput', { detail: 'empty traject', input: { field: 'learningNeeds', rule: 'required' } });
  if (!Number.isInteger(input.plannedWeeks) || input.plannedWeeks < 1 || input.plannedWeeks > 52) {
    throw new DomainError('invalidInput', { detail: 'plannedWeeks', input: { field: 'plannedWeeks', rule: 'range', params: { min: 1, max: 52 } } });
  }
  const maturityPhase = input.maturityPhase === undefined ? existing?.maturityPhase : input.maturityPhase || undefined;
  const countsFrom = input.countsFrom ?? existing?.countsFrom;
  const unchanged = existing && existing.learningNeeds === learningNeeds && existing.talents === talents && existing.plannedWeeks === input.plannedWeeks && existing.maturityPhase === maturityPhase && existing.countsFrom === countsFrom;
  // A save that changes nothing overwrites nothing either (also the same save arriving twice).
  if (existing && unchanged) return existing;
  // Nothing stored means nothing to overwrite (e.g. erased since the form was opened): no conflict.
  if (existing && input.rev !== undefined && input.rev !== trajectRev(existing)) throw new DomainError('conflict', 'traject changed since it was opened');
  // Sketched anew (its weeks counted from a new start): a new traject, private until its owner
  // shares it, as its form says; what they shared of the old one is not carried onto the new text.
  const fresh = input.countsFrom !== undefined && input.countsFrom !== existing?.countsFrom;
  const visibilityRev = fresh && existing?.visibility === 'shared' ? (existing.visibilityRev ?? 0) + 1 : existing?.visibilityRev;
  return {
    id: profTrajectId(input.userId),
    type: 'profTraject',
    userId: input.userId,
    learningNeeds,
    talents,
    plannedWeeks: input.plannedWeeks,
    ...(maturityPhase ? { maturityPhase } : {}),
    visibility: fresh ? 'private' : (existing?.visibility ?? 'private'),
    // Kept with the visibility: a share press from before this save is still told from a newer one.
    ...(visibilityRev ? { visibilityRev } : {}),
    rev: trajectRev(existing) + 1,
    ...(countsFrom ? { countsFrom } : {}),
    createdAt: existing?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
