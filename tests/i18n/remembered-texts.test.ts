import { locales } from '../../src/i18n/locales';
import { createI18next, createTranslator, Locale } from '../../src/i18n/i18n';

function entries(obj: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] => (v && typeof v === 'object' ? entries(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
// Strings a member or HR could type, including ones that look like i18next syntax or the memo's markers.
const AWKWARD = ['Anna', 'O\'Brien "de Vries" <b>', '{{group}} $t(session.title)', '\u00020\u0003 en \u00021\u0003', 'Zoë 🙂', ''];
const NUMBERS = [0, 1, 2, 7, 1234.5];

/** Every key as the code asks for it (plural keys without their suffix) with the names it fills in. */
function asked(locale: Locale): { key: string; names: string[] }[] {
  const byKey = new Map<string, Set<string>>();
  for (const file of locales[locale]) {
    for (const [key, text] of entries(file)) {
      const base = key.replace(PLURAL, '');
      const names = byKey.get(base) ?? new Set<string>();
      for (const m of text.matchAll(/\{\{\s*(\w+)/g)) names.add(m[1]!);
      if (PLURAL.test(key)) names.add('count');
      byKey.set(base, names);
    }
  }
  return [...byKey].map(([key, names]) => ({ key, names: [...names] }));
}

/**
 * The translator keeps rendered templates and fills in strings itself; for every text of both
 * languages, with numbers and awkward strings in every place, it must give exactly what
 * i18next gives.
 */
describe('remembered texts', () => {
  for (const locale of ['nl', 'en'] as const) {
    it(`gives what i18next gives for every ${locale} text`, () => {
      const reference = createI18next().getFixedT(locale);
      const t = createTranslator().t(locale);
      const cases = asked(locale);
      expect(cases.length).toBeGreaterThan(100);
      let compared = 0;
      for (const { key, names } of cases) {
        for (let round = 0; round < 4; round++) {
          const options: Record<string, string | number | boolean> = {};
          names.forEach((name, i) => {
            // Counts and numbers formatted as numbers are numbers; everything else gets strings and numbers in turn.
            const numeric = name === 'count' || ['min', 'max', 'length'].includes(name);
            options[name] = numeric || (round + i) % 3 === 2 ? NUMBERS[(round + i) % NUMBERS.length]! : AWKWARD[(round * 3 + i) % AWKWARD.length]!;
          });
          // Twice: the first call renders the template, the second fills in a kept one.
          expect(t(key, options)).toBe(reference(key, options));
          expect(t(key, options)).toBe(reference(key, options));
          compared++;
        }
        expect(t(key)).toBe(reference(key));
      }
      expect(compared).toBeGreaterThan(400);
    });
  }

  it('asks i18next itself when an option chooses the text (language, default value)', () => {
    const reference = createI18next().getFixedT('nl');
    const t = createTranslator().t('nl');
    const key = asked('nl').find((c) => c.names.length === 0)!.key;
    for (const options of [{ lng: 'en' }, { defaultValue: 'Hallo {{name}}', name: 'Anna' }, { defaultValue_other: 'Hallo {{name}}', name: 'Anna' }, { keyPrefix: key.split('.')[0]! }]) {
      const k = 'lng' in options ? key : 'keyPrefix' in options ? key.split('.').slice(1).join('.') : 'no.such.key';
      expect(t(k, options)).toBe(reference(k, options));
    }
    expect(t(key, { lng: 'en' })).not.toBe(t(key));
  });
});
