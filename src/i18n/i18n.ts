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
  const fixed = { nl: remembered(instance.getFixedT('nl')), en: remembered(instance.getFixedT('en')) };
  return { t: (locale) => fixed[locale] };
}

/**
 * Most texts on a card are plain keys, looked up again for every card a live group renders; the
 * language files never change while the app runs, so a plain key's text is looked up once. Keys
 * with values (counts, names) still go through i18next every time.
 */
function remembered(t: Translate): Translate {
  const plain = new Map<string, string>();
  const lookUp = (...args: unknown[]): unknown => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return (t as unknown as (...a: unknown[]) => unknown)(...args);
    let text = plain.get(key);
    if (text === undefined) {
      text = String(t(key));
      plain.set(key, text);
    }
    return text;
  };
  return lookUp as unknown as Translate;
}
