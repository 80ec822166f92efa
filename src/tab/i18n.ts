import enLoOffer from '../i18n/locales/en/lo-offer.json';
import enPutBefore from '../i18n/locales/en/proposal-to-manager.json';
import enToLo from '../i18n/locales/en/proposal-to-lo.json';
import enReview from '../i18n/locales/en/talent-review.json';
import en from '../i18n/locales/en/verantwoording.json';
import nlLoOffer from '../i18n/locales/nl/lo-offer.json';
import nlPutBefore from '../i18n/locales/nl/proposal-to-manager.json';
import nlToLo from '../i18n/locales/nl/proposal-to-lo.json';
import nlReview from '../i18n/locales/nl/talent-review.json';
import nl from '../i18n/locales/nl/verantwoording.json';

export type TabLocale = 'nl' | 'en';
export type T = (key: string, vars?: Record<string, string | number>) => string;

// Verantwoording's texts, talent review's for the phase names in a manager's proposal, and the
// chat's texts of a proposal put before the manager (the tab says it as the chat's overview does).
// L&O's offers, shown next to the member's own learning needs; a proposal shared with L&O and its answer.
const FILES: Record<TabLocale, unknown> = { nl: { ...nl, ...nlReview, ...nlPutBefore, ...nlLoOffer, ...nlToLo }, en: { ...en, ...enReview, ...enPutBefore, ...enLoOffer, ...enToLo } };

/** Teams reports e.g. "en-us" or "nl-nl": the language the tab speaks for it, or undefined for one it does not speak (e.g. "de-de"). */
export function spokenLocale(tag: string | null | undefined): TabLocale | undefined {
  const language = (tag ?? '').toLowerCase().split('-')[0];
  return language === 'en' || language === 'nl' ? language : undefined;
}

/**
 * The tab's language for a client language: English or Dutch as spoken, anything else the app's
 * default (`fallback`: DEFAULT_LANGUAGE, as the chat does; Dutch when the server could not say).
 */
export function pickLocale(tag: string | null | undefined, fallback: TabLocale = 'nl'): TabLocale {
  return spokenLocale(tag) ?? fallback;
}

function lookup(locale: TabLocale, key: string): unknown {
  let node: unknown = FILES[locale];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/**
 * The same language files as the bot (src/i18n/locales/<lang>/*.json), bundled in. Counts pick
 * i18next's plural forms (`key_one`, `key_other`) as the bot does.
 */
export function translator(locale: TabLocale): T {
  const plural = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, vars = {}) => {
    const count = vars.count;
    const node = typeof count === 'number' ? (lookup(locale, `${key}_${plural.select(count)}`) ?? lookup(locale, `${key}_other`) ?? lookup(locale, key)) : lookup(locale, key);
    const text = typeof node === 'string' ? node : key;
    // `{{max, number}}` is i18next's number format, as the bot renders it (4.000 in Dutch).
    return text.replace(/\{\{(\w+)(?:,\s*(\w+))?\}\}/g, (_m, name: string, format?: string) => {
      const value = vars[name];
      return format === 'number' && typeof value === 'number' ? numbers.format(value) : String(value ?? '');
    });
  };
}
