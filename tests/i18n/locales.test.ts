import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales';

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
