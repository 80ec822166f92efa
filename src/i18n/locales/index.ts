import enWeekCycle from './en/week-cycle.json';
import nlWeekCycle from './nl/week-cycle.json';
import enPulsePoll from './en/pulse-poll.json';
import nlPulsePoll from './nl/pulse-poll.json';

/** The language files per feature, in the same order for both languages. */
export const locales: Record<'nl' | 'en', Record<string, unknown>[]> = {
  nl: [nlWeekCycle, nlPulsePoll],
  en: [enWeekCycle, enPulsePoll],
};
