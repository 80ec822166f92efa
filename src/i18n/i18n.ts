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
export function createI18next(): typeof i18next {
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
  return instance;
}

export function createTranslator(): Translator {
  const instance = createI18next();
  const fixed = { nl: remembered(instance.getFixedT('nl')), en: remembered(instance.getFixedT('en')) };
  return { t: (locale) => fixed[locale] };
}

/** Enough for every text a few busy groups show; the memo starts over rather than grow without end. */
const REMEMBERED_TEXTS = 20_000;

/**
 * Options that change which text i18next picks or how it reads it, not only what it fills in: a
 * string under one of these goes to i18next every time.
 */
const CHOOSING_OPTIONS = new Set(['context', 'count', 'ordinal', 'keyPrefix', 'lng', 'lngs', 'fallbackLng', 'ns', 'keySeparator', 'nsSeparator', 'replace', 'returnObjects', 'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation']);

/** Stands in for the i-th string option while i18next renders a template: characters no text uses. */
const marker = (i: number) => `\u0002${i}\u0003`;
const MARKERS = /\u0002(\d+)\u0003/g;

/**
 * A text's template: the key with its numbers and booleans (counts, minutes) as they are, and each
 * string option (a name, a title) replaced by a marker. `id` names the template; `values` are the
 * strings that go where the markers are. Undefined when i18next must see the options as they are.
 */
function asTemplate(options: unknown): { id: string; marked: Record<string, unknown>; values: string[] } | undefined {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return undefined;
  const marked: Record<string, unknown> = {};
  const values: string[] = [];
  let id = '';
  for (const [name, value] of Object.entries(options)) {
    if (typeof value === 'string') {
      if (CHOOSING_OPTIONS.has(name) || name.startsWith('defaultValue')) return undefined;
      marked[name] = marker(values.length);
      values.push(value);
      id += `\u0001${name}`;
    } else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      marked[name] = value;
      id += `\u0001${name}=${value}`;
    } else return undefined;
  }
  return { id, marked, values };
}

/**
 * A live group's cards show the same texts again and again, each looked up anew by i18next for
 * every card rendered. The language files never change while the app runs, so each text is
 * rendered by i18next once per key and numbers, with markers where its strings go, and the
 * strings are put in after. Values are never interpolated again (i18next's own
 * skipOnVariables), and no format in the language files applies to a string, so the result is
 * what i18next would give. The memo holds templates only: no name, answer or title stays in it
 * after someone erased their data. Anything else (objects, choosing options) goes through
 * i18next every time.
 */
function remembered(t: Translate): Translate {
  const texts = new Map<string, string>();
  const i18n = t as unknown as (...a: unknown[]) => unknown;
  const lookUp = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2) return i18n(...args);
    const template = args.length === 1 ? { id: '', marked: undefined, values: [] as string[] } : asTemplate(options);
    if (!template) return i18n(...args);
    const id = `${key}\u0000${template.id}`;
    let text = texts.get(id);
    if (text === undefined) {
      const looked = template.marked ? i18n(key, template.marked) : i18n(key);
      if (typeof looked !== 'string') return i18n(...args);
      if (texts.size >= REMEMBERED_TEXTS) texts.clear();
      texts.set(id, looked);
      text = looked;
    }
    return template.values.length ? text.replace(MARKERS, (_, i: string) => template.values[Number(i)]!) : text;
  };
  return lookUp as unknown as Translate;
}
