import { statSync } from 'node:fs';
import { join } from 'node:path';
import { buildTab } from './browser';

const OUT = join(__dirname, '..', '..', 'dist', 'tab');

/**
 * Found by CI, stop 42. The browser test files each build dist/tab while other files' pages load
 * it from the running app. The build wrote its files in place (truncate, then write), so a page
 * could read a half-written app.js, render nothing, and wait in vain for the sign-in field.
 * A build must replace each file whole: a new file renamed over the old one, so a reader has
 * either the old file or the new one. A file rewritten in place keeps its inode; a replaced one
 * gets a new inode.
 */
describe('building the personal tab', () => {
  it('replaces each served file with a whole new one, never rewriting it in place', () => {
    buildTab();
    const files = ['index.html', 'styles.css', 'app.js', 'app.js.map'];
    const before = files.map((f) => statSync(join(OUT, f)).ino);
    buildTab();
    const after = files.map((f) => statSync(join(OUT, f)).ino);
    expect(files.filter((_, i) => after[i] === before[i])).toEqual([]);
  });
});
