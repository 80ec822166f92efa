import { Language } from '../../domain/framework/framework';

const INTL: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** An average as people read it in their language: "3,7" in Dutch, "3.7" in English. */
export function formatAverage(n: number, language: Language): string {
  return new Intl.NumberFormat(INTL[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
}
