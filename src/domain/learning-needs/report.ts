import { LEARNING_THEMES, LearningNeedBatch, LearningTheme } from './learning-need';

/**
 * What L&O sees of the learning needs handed over in a period (the HR report's section).
 *
 * The unit is one theme in one weekly handover. It counts (its number, and its texts) only when
 * at least the minimum number of people chose that theme in that handover; every other need
 * goes into an unnamed rest. A report adds whole handovers only, so two reports over different
 * periods differ by whole handovers, and within them only by themes that at least the minimum
 * number of people chose: no difference of two reports singles out fewer people than that.
 * The total shows only when the rest holds nobody or at least the minimum number of people
 * (else the total minus the shown themes would be a handful of people).
 */
export interface LearningNeedsSection {
  minimum: number;
  batches: number;
  total?: number;
  themes: { theme: LearningTheme; needs: number; texts: string[] }[];
  /** Needs of themes too few people chose in their handover (counted in the total only). */
  hiddenThemes: number;
}

export function learningNeedsSection(batches: readonly LearningNeedBatch[], period: { from: string; to: string }, minimum: number): LearningNeedsSection {
  const inPeriod = batches.filter((b) => b.weekStart >= period.from && b.weekStart <= period.to);
  const shown = new Map<LearningTheme, { needs: number; texts: string[] }>();
  const hidden = new Set<LearningTheme>();
  let hiddenPeople = 0;
  for (const batch of inPeriod) {
    for (const theme of LEARNING_THEMES) {
      const part = batch.themes[theme];
      if (!part) continue;
      if (part.people >= minimum) {
        const s = shown.get(theme) ?? { needs: 0, texts: [] };
        shown.set(theme, { needs: s.needs + part.needs, texts: [...s.texts, ...part.texts] });
      } else {
        hidden.add(theme);
        hiddenPeople += part.people;
      }
    }
  }
  const total = inPeriod.reduce((n, b) => n + b.needs, 0);
  return {
    minimum,
    batches: inPeriod.length,
    ...(hiddenPeople === 0 || hiddenPeople >= minimum ? { total } : {}),
    themes: [...shown.entries()].map(([theme, s]) => ({ theme, needs: s.needs, texts: s.texts.sort() })).sort((a, b) => b.needs - a.needs || a.theme.localeCompare(b.theme)),
    hiddenThemes: [...hidden].filter((th) => !shown.has(th)).length,
  };
}
