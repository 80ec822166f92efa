import { LEARNING_THEMES, LearningNeedBatch, LearningTheme } from './learning-need';

/**
 * What L&O sees of the learning needs handed over in a period (the HR report's section).
 *
 * HR may ask a report over any period, so assume it holds them all and adds and subtracts them.
 * Every figure is therefore a sum over the period's handovers of a part that could be published
 * on its own, decided per handover, never per period: what fewer than the minimum number of
 * people did in one handover then leaves every report, over every period, unchanged, and no sum,
 * difference or comparison of reports can reveal it. (A rule applied to the period's sum, as the
 * total had, fails: weeks 1-3 minus weeks 2-3 is week 1, whatever week 1 alone hides.) Per handover:
 * - a theme counts (its needs, and its texts) only when at least the minimum chose it there;
 * - the rest (the needs outside those themes) counts only when it holds nobody or at least the
 *   minimum number of people. Its people are counted once each and at the least they can be:
 *   the handover's people minus all who chose a shown theme (a person with needs in two small
 *   themes is one person, not two), so a rest is never taken for larger than it is;
 * - `hiddenThemes` adds up, per handover whose rest counts, the themes too few chose there (a
 *   count of distinct themes over the period would change with whether a theme hidden in one
 *   week is shown in another, and so name it); a rest left out leaves its themes out too (their
 *   number with "fewer than the minimum" would bound its size).
 * `counted` is the sum of those parts; the exact `total` shows only when every handover's rest
 * counts (then it equals `counted`), and `restsLeftOut` says in how many handovers it did not.
 */
export interface LearningNeedsSection {
  minimum: number;
  batches: number;
  /** All needs handed over in the period: only when no handover's rest was left out. */
  total?: number;
  /** The needs of the shown themes and of the rests that count (a rest of too few people left out). */
  counted: number;
  /** Handovers whose rest (needs outside the shown themes) was too few people to count. */
  restsLeftOut: number;
  themes: { theme: LearningTheme; needs: number; texts: string[] }[];
  /** Themes too few people chose in a handover, added up over the handovers whose rest counts (counted in `counted` only). */
  hiddenThemes: number;
}

/**
 * One handover's publishable parts: the themes enough people chose, and its rest when that may
 * count. A batch since stop 37 holds only what was publishable at its handover (see `rest`): a
 * report's minimum above that one hides more, one below it shows nothing more.
 */
function publishable(batch: LearningNeedBatch, minimum: number) {
  const shown: { theme: LearningTheme; needs: number; texts: string[] }[] = [];
  let shownNeeds = 0;
  let shownPeople = 0;
  let hiddenThemes = batch.rest?.themes ?? 0;
  let hiddenPeopleAtMost = 0;
  for (const theme of LEARNING_THEMES) {
    const part = batch.themes[theme];
    if (!part) continue;
    if (part.people >= minimum) {
      shown.push({ theme, needs: part.needs, texts: part.texts });
      shownNeeds += part.needs;
      shownPeople += part.people;
    } else {
      hiddenThemes += 1;
      hiddenPeopleAtMost += part.people;
    }
  }
  const restNeeds = batch.needs - shownNeeds;
  const restPeopleAtLeast = Math.max(0, batch.people - shownPeople);
  const storedRestCounts = batch.restLeftOut !== true;
  const hiddenAtHandover = (batch.rest?.needs ?? 0) > 0;
  const restCounts = storedRestCounts && ((hiddenPeopleAtMost === 0 && !hiddenAtHandover && restNeeds === 0) || restPeopleAtLeast >= minimum);
  return { shown, shownNeeds, restNeeds, restCounts, hiddenThemes };
}

export function learningNeedsSection(batches: readonly LearningNeedBatch[], period: { from: string; to: string }, minimum: number): LearningNeedsSection {
  const inPeriod = batches.filter((b) => b.weekStart >= period.from && b.weekStart <= period.to);
  const shown = new Map<LearningTheme, { needs: number; texts: string[] }>();
  let total = 0;
  let counted = 0;
  let restsLeftOut = 0;
  let hiddenThemes = 0;
  for (const batch of inPeriod) {
    const p = publishable(batch, minimum);
    for (const th of p.shown) {
      const s = shown.get(th.theme) ?? { needs: 0, texts: [] };
      shown.set(th.theme, { needs: s.needs + th.needs, texts: [...s.texts, ...th.texts] });
    }
    total += batch.needs;
    counted += p.shownNeeds;
    if (p.restCounts) {
      counted += p.restNeeds;
      hiddenThemes += p.hiddenThemes;
    } else {
      restsLeftOut += 1;
    }
  }
  return {
    minimum,
    batches: inPeriod.length,
    ...(restsLeftOut === 0 ? { total } : {}),
    counted,
    restsLeftOut,
    themes: [...shown.entries()].map(([theme, s]) => ({ theme, needs: s.needs, texts: s.texts.sort() })).sort((a, b) => b.needs - a.needs || a.theme.localeCompare(b.theme)),
    hiddenThemes,
  };
}
