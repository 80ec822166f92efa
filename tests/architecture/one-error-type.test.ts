/**
 * One way to refuse: the domain and the use cases throw one coded error type (with optional
 * display parameters), and the Teams layer renders it with one error card. A second error class
 * or a second error card would let the wording and the "nothing was stored" promise drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const rel = (file: string) => relative(ROOT, file).split(sep).join('/');

describe('one error type, one error card', () => {
  it('src/domain and src/usecases define exactly one error class: DomainError', () => {
    const classes = ['src/domain', 'src/usecases'].flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/class\s+(\w+)\s+extends\s+\w*Error\b/g)].map((m) => `${rel(file)}: ${m[1]}`),
      ),
    );
    expect(classes).toEqual(['src/domain/shared/errors.ts: DomainError']);
  });

  it('src/teams holds exactly one error card file: cards/error.card.ts', () => {
    const cards = sourceFiles(join(ROOT, 'src/teams')).map(rel).filter((f) => /error[^/]*\.card\.ts$/.test(f));
    expect(cards).toEqual(['src/teams/cards/error.card.ts']);
  });

  it('no other file builds an error card title of its own', () => {
    const titled = sourceFiles(join(ROOT, 'src')).map(rel)
      .filter((f) => f !== 'src/teams/cards/error.card.ts')
      .filter((f) => /['`"]([a-zA-Z]+\.)?error\.title['`"]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(titled).toEqual([]);
  });
});
