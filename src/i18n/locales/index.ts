import enTalentReview from './en/talent-review.json';
import enWeekCycle from './en/week-cycle.json';
import nlTalentReview from './nl/talent-review.json';
import nlWeekCycle from './nl/week-cycle.json';

/** The language files per feature, in the same order for both languages. */
export const locales: Record<'nl' | 'en', Record<string, unknown>[]> = {
  nl: [nlWeekCycle, nlTalentReview],
  en: [enWeekCycle, enTalentReview],
};
