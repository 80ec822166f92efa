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

/** Enough for every text a few busy groups show; the memo starts over rather than grow without end. */
const REMEMBERED_TEXTS = 20_000;

/**
 * Options that are only finite numbers and booleans (counts, minutes): the text follows from the
 * key and them alone, and holds nothing about a person. Texts with strings (names, answers) are
 * looked up every time, so no one's name stays in the memo after they erased their data.
 */
function countsOnly(options: unknown): options is Record<string, number | boolean> {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return false;
  for (const v of Object.values(options)) if (!(typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) return false;
  return true;
}

/**
 * A live group's cards show the same texts again and again (the same key with the same count),
 * each looked up anew by i18next for every card rendered. The language files never change while
 * the app runs, so such a text is looked up once per key and counts; anything else (names, a
 * default value, returnObjects) still goes through i18next every time.
 */
function remembered(t: Translate): Translate {
  const texts = new Map<string, string>();
  const lookUp = (...args: unknown[]): unknown => {
    const [key, options] = args;
    const plain = typeof key === 'string' && (args.length === 1 || (args.length === 2 && countsOnly(options)));
    if (!plain) return (t as unknown as (...a: unknown[]) => unknown)(...args);
    const id = args.length === 1 ? key : `${key}\u0000${JSON.stringify(options)}`;
    let text = texts.get(id);
    if (text === undefined) {
      const looked = (t as unknown as (...a: unknown[]) => unknown)(...args);
      if (typeof looked !== 'string') return looked;
      if (texts.size >= REMEMBERED_TEXTS) texts.clear();
      texts.set(id, looked);
      text = looked;
    }
    return text;
  };
  return lookUp as unknown as Translate;
}
