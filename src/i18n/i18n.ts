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
function asTemplate(options: unknown): { id: string; values: string[] } | undefined {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return undefined;
  const values: string[] = [];
  let id = '';
  for (const name of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[name];
    if (typeof value === 'string') {
      if (CHOOSING_OPTIONS.has(name) || name.startsWith('defaultValue')) return undefined;
      values.push(value);
      id += `\u0001${name}`;
    } else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      id += `\u0001${name}=${value}`;
    } else return undefined;
  }
  return { id, values };
}

/** The options as i18next renders the template: each string option a marker, in the order of `asTemplate`'s values. */
function markedOptions(options: Record<string, unknown>): Record<string, unknown> {
  const marked: Record<string, unknown> = {};
  let i = 0;
  for (const name of Object.keys(options)) {
    const value = options[name];
    marked[name] = typeof value === 'string' ? marker(i++) : value;
  }
  return marked;
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
  // Texts without options by their key; texts with options by key, then by template id. Keys are
  // the literals of the code (their hashes are kept by the engine): no string is built to look one up.
  const plain = new Map<string, string>();
  const templated = new Map<string, Map<string, Filled>>();
  let size = 0;
  const remember = () => {
    if (size >= REMEMBERED_TEXTS) {
      plain.clear();
      templated.clear();
      size = 0;
    }
    size++;
  };
  const i18n = t as unknown as (...a: unknown[]) => unknown;
  const lookUp = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2) return i18n(...args);
    if (args.length === 1) {
      let text = plain.get(key);
      if (text === undefined) {
        const looked = i18n(key);
        if (typeof looked !== 'string') return looked;
        remember();
        plain.set(key, looked);
        text = looked;
      }
      return text;
    }
    const template = asTemplate(options);
    if (!template) return i18n(...args);
    let byTemplate = templated.get(key);
    let filled = byTemplate?.get(template.id);
    if (filled === undefined) {
      const looked = i18n(key, markedOptions(options as Record<string, unknown>));
      if (typeof looked !== 'string') return i18n(...args);
      remember();
      if (!byTemplate) templated.set(key, (byTemplate = new Map()));
      filled = fillable(looked);
      byTemplate.set(template.id, filled);
    }
    return fill(filled, template.values);
  };
  return lookUp as unknown as Translate;
}

/** A rendered template cut at its markers: `parts` around them, and which string goes in each. */
interface Filled {
  parts: string[];
  slots: number[];
}

function fillable(text: string): Filled {
  const parts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  for (const m of text.matchAll(MARKERS)) {
    parts.push(text.slice(from, m.index));
    slots.push(Number(m[1]));
    from = m.index! + m[0].length;
  }
  parts.push(text.slice(from));
  return { parts, slots };
}

/** The template with its strings in place of the markers (as `text.replace(MARKERS, ...)` would put them). */
function fill({ parts, slots }: Filled, values: string[]): string {
  let out = parts[0]!;
  for (let i = 0; i < slots.length; i++) out += values[slots[i]!]! + parts[i + 1]!;
  return out;
}
