import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales';
import { createTranslator } from '../../src/i18n/i18n';

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const srcDir = join(__dirname, '../../src');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('language files', () => {
  it('has the same files and keys in Dutch and English', () => {
    expect(locales.en.length).toBe(locales.nl.length);
    locales.nl.forEach((nl, i) => expect(keys(locales.en[i]!).sort()).toEqual(keys(nl).sort()));
  });

  it('has no top-level key in two feature files', () => {
    const tops = locales.nl.flatMap((f) => Object.keys(f));
    expect(tops.length).toBe(new Set(tops).size);
  });

  it('has every literal key used in the code', () => {
    // A plural key (`x_one`, `x_other`) is used as `x` with a count.
    const all = new Set(locales.nl.flatMap((f) => keys(f)).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const used = sourceFiles(srcDir)
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z-]+)+)'/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((k) => !all.has(k))).toEqual([]);
  });
});

/** Every text of a language file with its full key, per file. */
function entries(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => (v && typeof v === 'object' ? entries(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
// Nouns whose form depends on a number in front of them, in either language.
const COUNTED =
  /\{\{(\w+)[^}]*\}\} (?:(?:actieve|active|eerdere|earlier|more|gedeelde|shared) )?(uur|uren|leeruren|hours?|learning hours?|minuten|minutes?|dagen|days?|weken|weeks?|sessies|sessions?|notities|notes?|reacties|responses?|antwoorden|answers?|groepen|groups?|voorstellen|proposals?|teams?|deelnemers|members?|bijdragen|contributions?)\b/g;
// Not counts: bounds shown as ranges or limits ("from 1 to 52 weeks", "within 60 days"), never one,
// and ordinals ("the day 2 session").
const NOT_COUNTS = new Set(['min', 'max', 'maxDays', 'day', 'week', 'question']);

describe('plural forms in the language files', () => {
  const files = (['nl', 'en'] as const).flatMap((lang) => locales[lang].map((f, i) => ({ name: `${lang}#${i}`, lang, i, texts: entries(f) })));

  it('has no slash or parenthesis plural hack such as "week/weken" or "notitie(s)"', () => {
    const hacks = files.flatMap((f) =>
      f.texts.filter(([, v]) => /[a-z]\((s|n|en|e|es)\)/i.test(v) || [...v.matchAll(/\b([a-z]{2,})\/([a-z]{2,})\b/gi)].some(([, a, b]) => a!.toLowerCase().startsWith(b!.toLowerCase()) || b!.toLowerCase().startsWith(a!.toLowerCase()))).map(([k, v]) => `${f.lang} ${k}: ${v}`),
    );
    expect(hacks).toEqual([]);
  });

  it('puts {{count}} only in plural keys (key_one, key_other)', () => {
    const bare = files.flatMap((f) => f.texts.filter(([k, v]) => /\{\{count\b/.test(v) && !PLURAL.test(k)).map(([k]) => `${f.lang} ${k}`));
    expect(bare).toEqual([]);
  });

  it('puts a counted noun after a number only in plural keys', () => {
    const bare = files.flatMap((f) =>
      f.texts.flatMap(([k, v]) => [...v.matchAll(COUNTED)].filter(([, name]) => !NOT_COUNTS.has(name!) && !PLURAL.test(k)).map(([m]) => `${f.lang} ${k}: ${m}`)),
    );
    expect(bare).toEqual([]);
  });

  it('gives every key_one its key_other, in the same file and in the other language', () => {
    const missing = files.flatMap((f) => {
      const other = files.find((g) => g.i === f.i && g.lang !== f.lang)!;
      const own = new Set(f.texts.map(([k]) => k));
      const theirs = new Set(other.texts.map(([k]) => k));
      return f.texts
        .filter(([k]) => k.endsWith('_one'))
        .map(([k]) => k.replace(/_one$/, '_other'))
        .filter((k) => !own.has(k) || !theirs.has(k) || !theirs.has(k.replace(/_other$/, '_one')))
        .map((k) => `${f.lang} ${k}`);
    });
    expect(missing).toEqual([]);
  });

  it('calls every key it passes a count to as a plural key', () => {
    // A count in a nested t() call belongs to that call, not to the outer one.
    const plural = new Set(locales.nl.flatMap((f) => keys(f)).filter((k) => k.endsWith('_one')).map((k) => k.replace(/_one$/, '')));
    const calls = sourceFiles(srcDir).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z-]+)+)', \{(?:(?!\bt\()[^}])*\bcount:/g)].map((m) => m[1]!));
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.filter((k) => !plural.has(k))).toEqual([]);
  });

  it.each([
    ['nl', 1, '1 sessie bijgewoond'],
    ['nl', 2, '2 sessies bijgewoond'],
    ['nl', 0, '0 sessies bijgewoond'],
    ['en', 1, '1 session attended'],
    ['en', 2, '2 sessions attended'],
    ['en', 0, '0 sessions attended'],
  ] as const)('resolves the plural forms with the language rules (%s, %i)', (lang, count, text) => {
    expect(createTranslator().t(lang)('verantwoording.cycle.sessions', { count })).toBe(text);
  });
});
