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
 * - `themesHidden` says only whether a rest that counts holds needs (then themes too few chose
 *   are in `counted` unnamed), never how many themes: with the shown ones, that number named by
 *   elimination the themes fewer than the minimum chose (found in review, stop 54). It says no
 *   more than `counted` above the shown themes' needs does.
 * `counted` is the sum of those parts; the exact `total` shows only when every handover's rest
 * counts (then it equals `counted`), and `restsLeftOut` says in how many handovers it did not.
 * A batch kept under a lower minimum than the report's (B3_MIN_RESPONDENTS raised since) keeps no
 * people per theme to decide by again: the whole of it is left out, as a rest that does not count.
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
  /** Whether `counted` holds needs of themes too few people chose in a handover (a rest that counts); never how many themes. */
  themesHidden: boolean;
}

/**
 * One handover's publishable parts: the themes enough people chose, and its rest when that may
 * count. A batch since stop 37 holds only what was publishable at its handover (see `rest`): a
 * report's minimum above that one hides more, one below it shows nothing more. Since stop 54 a
 * batch keeps its minimum and no people per theme: under a higher minimum it is left out whole
 * (nothing shown, its needs a rest that does not count); one from before is decided by its people.
 */
function publishable(batch: LearningNeedBatch, minimum: number) {
  if (batch.minimum !== undefined) {
    if (minimum > batch.minimum) return { shown: [], shownNeeds: 0, restNeeds: batch.needs, restCounts: false };
    const shown = LEARNING_THEMES.flatMap((theme) => {
      const part = batch.themes[theme];
      return part ? [{ theme, needs: part.needs, texts: part.texts }] : [];
    });
    const shownNeeds = shown.reduce((n, th) => n + th.needs, 0);
    return { shown, shownNeeds, restNeeds: batch.needs - shownNeeds, restCounts: batch.restLeftOut !== true };
  }
  const shown: { theme: LearningTheme; needs: number; texts: string[] }[] = [];
  let shownNeeds = 0;
  let shownPeople = 0;
  let hiddenPeopleAtMost = 0;
  for (const theme of LEARNING_THEMES) {
    const part = batch.themes[theme];
    if (!part) continue;
    // Batches from before stop 54 kept each theme's people.
    const people = part.people ?? 0;
    if (people >= minimum) {
      shown.push({ theme, needs: part.needs, texts: part.texts });
      shownNeeds += part.needs;
      shownPeople += people;
    } else {
      hiddenPeopleAtMost += people;
    }
  }
  const restNeeds = batch.needs - shownNeeds;
  const restPeopleAtLeast = Math.max(0, batch.people - shownPeople);
  const storedRestCounts = batch.restLeftOut !== true;
  const hiddenAtHandover = (batch.rest?.needs ?? 0) > 0;
  const restCounts = storedRestCounts && ((hiddenPeopleAtMost === 0 && !hiddenAtHandover && restNeeds === 0) || restPeopleAtLeast >= minimum);
  return { shown, shownNeeds, restNeeds, restCounts };
}

export function learningNeedsSection(batches: readonly LearningNeedBatch[], period: { from: string; to: string }, minimum: number): LearningNeedsSection {
  const inPeriod = batches.filter((b) => b.weekStart >= period.from && b.weekStart <= period.to);
  const shown = new Map<LearningTheme, { needs: number; texts: string[] }>();
  let total = 0;
  let counted = 0;
  let restsLeftOut = 0;
  let themesHidden = false;
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
      themesHidden ||= p.restNeeds > 0;
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
    themesHidden,
  };
}
