import i18next, { TFunction } from 'i18next';
import { locales } from './locales';

export type Locale = 'nl' | 'en';
export type Translate = TFunction;

export interface Translator {
  t(locale: Locale): Translate;
}

/**
 * One i18next instance per app, not the global one, so tests and instances stay independent.
 * Each feature keeps its own language file; they are merged into one namespace, so their
 * top-level keys must not collide (a test checks this).
 */
export function createTranslator(): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nl: { translation: Object.assign({}, ...locales.nl) }, en: { translation: Object.assign({}, ...locales.en) } },
    lng: 'nl',
    fallbackLng: 'nl',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // Counts pick `key_one` / `key_other` by Intl.PluralRules of the language (JSON v4, the only
    // format i18next 26 reads); stated here so a change of library default cannot slip by.
    compatibilityJSON: 'v4',
  });
  const fixed = { nl: instance.getFixedT('nl'), en: instance.getFixedT('en') };
  return { t: (locale) => fixed[locale] };
}
