/**
 * Under jest the language recognisers behind botbuilder-dialogs' prompts are replaced by a stand-in
 * (tests/support/recognizers-text-not-loaded.js, mapped in jest.config.js) that loads in no time:
 * teams-ai requires botbuilder-dialogs, which loaded ~20 MB of recognisers in every test file. That
 * is only sound while the app uses no dialog prompts, so this file holds that, and shows the stand-in
 * fails loudly if a prompt ever reaches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as suite from '@microsoft/recognizers-text-suite';
import * as numbers from '@microsoft/recognizers-text-number';

const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

describe('no dialog prompts in the app', () => {
  it('no source file imports botbuilder-dialogs or the recognisers', () => {
    const importing = ['src', 'bench', 'scripts'].flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => /from\s+['"](botbuilder-dialogs|@microsoft\/recognizers-text[^'"]*)['"]|require\(\s*['"](botbuilder-dialogs|@microsoft\/recognizers-text)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file).split(sep).join('/'));
    expect(importing).toEqual([]);
  });

  it('the stand-in gives the cultures botbuilder-dialogs reads at load time', () => {
    expect(suite.Culture.Dutch).toBe('nl-nl');
    expect(suite.Culture.English).toBe('en-us');
  });

  it('a prompt that reached the stand-in would fail loudly, not recognise nothing', () => {
    expect(() => numbers.recognizeNumber('drie', 'nl-nl')).toThrow(/not loaded under jest/);
  });
});
