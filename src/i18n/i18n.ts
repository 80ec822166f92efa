import i18next, { TFunction } from 'i18next';
import en from './locales/en.json';
import nl from './locales/nl.json';

export type Locale = 'nl' | 'en';
export type Translate = TFunction;

export interface Translator {
  t(locale: Locale): Translate;
}

/** One i18next instance per app, not the global one, so tests and instances stay independent. */
export function createTranslator(): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: 'nl',
    fallbackLng: 'nl',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = { nl: instance.getFixedT('nl'), en: instance.getFixedT('en') };
  return { t: (locale) => fixed[locale] };
}
