import enWeekCycle from './en/week-cycle.json';
import nlWeekCycle from './nl/week-cycle.json';

/** The language files per feature, in the same order for both languages. */
export const locales: Record<'nl' | 'en', Record<string, unknown>[]> = {
  nl: [nlWeekCycle],
  en: [enWeekCycle],
};
