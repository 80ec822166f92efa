import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The jest runtime tests/support/shared-files-runtime.js keeps the files a worker read and their
 * compiled output for its next test files: a repository file that changed is read again (it was
 * kept by name only, found in review, stop 51). A child jest runs small throwaway test files (named *.zz.ts, so the project's own run never
 * picks them up) in one process (-i, as `jest <one file>` and `jest --watch` with one file do), once
 * with the project's runtime and once with jest's own, and must give the same answer.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'tests', 'zz-review', `s51d-${process.pid}`);
const rel = (f: string) => path.relative(ROOT, path.join(DIR, f));

function runChild(files: string[], sharedRuntime: boolean): { ok: boolean; out: string } {
  const config = {
    rootDir: ROOT,
    roots: ['<rootDir>/tests/zz-review'],
    testMatch: ['**/*.zz.ts'],
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
    ...(sharedRuntime ? { runtime: '<rootDir>/tests/support/shared-files-runtime.js' } : {}),
  };
  const r = spawnSync(process.execPath, ['--disable-warning=DEP0111', 'node_modules/jest/bin/jest.js', '-i', '--ci', '--config', JSON.stringify(config), ...files.map(rel)], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  // Two files that each write a repository module and require it (what a generated fixture does).
  for (const me of ['first', 'second'])
    writeFileSync(
      path.join(DIR, `writes-${me}.zz.ts`),
      `import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\n` +
        `it('requires the module it just wrote', () => {\n  const f = path.join(__dirname, 'generated.js');\n` +
        `  writeFileSync(f, "module.exports = '${me}';");\n  expect(require(f)).toBe('${me}');\n});\n`,
    );
  // One file: write, require, rewrite, jest.resetModules, require again (jest clears its file cache on reset).
  // The rewrite is dated a second later, as an edit is: a file's time has the kernel's coarse clock
  // (a few ms), and jest's own transformer keeps a file by its name and time, whatever the runtime.
  writeFileSync(
    path.join(DIR, 'reset-modules.zz.ts'),
    `import { utimesSync, writeFileSync } from 'node:fs';\nimport path from 'node:path';\n` +
      `it('sees the rewritten module after jest.resetModules', () => {\n  const f = path.join(__dirname, 'generated-reset.js');\n` +
      `  writeFileSync(f, 'module.exports = 1;');\n  expect(require(f)).toBe(1);\n  writeFileSync(f, 'module.exports = 2;');\n` +
      `  const later = new Date(Date.now() + 1000);\n  utimesSync(f, later, later);\n  jest.resetModules();\n  expect(require(f)).toBe(2);\n});\n`,
  );
  // Mocks: one file mocks a source module; the next file of the process must get the real one.
  writeFileSync(
    path.join(DIR, 'mocks-a.zz.ts'),
    `jest.mock('../../../src/domain/shared/team-labels', () => ({ teamLabels: () => ['MOCKED'] }));\n` +
      `import { teamLabels } from '../../../src/domain/shared/team-labels';\n` +
      `it('mocked here', () => expect(teamLabels([{ name: 'x' }])).toEqual(['MOCKED']));\n`,
  );
  writeFileSync(
    path.join(DIR, 'mocks-b.zz.ts'),
    `import { teamLabels } from '../../../src/domain/shared/team-labels';\n` +
      `it('real here', () => expect(teamLabels([{ name: 'x' }])).toEqual(['x']));\n` +
      `it('doMock inside isolateModules, then real again', () => {\n` +
      `  jest.isolateModules(() => { jest.doMock('../../../src/domain/shared/team-labels', () => ({ teamLabels: () => ['DO'] })); expect(require('../../../src/domain/shared/team-labels').teamLabels([])).toEqual(['DO']); });\n` +
      `  jest.dontMock('../../../src/domain/shared/team-labels'); jest.resetModules();\n` +
      `  expect(require('../../../src/domain/shared/team-labels').teamLabels([{ name: 'y' }])).toEqual(['y']);\n});\n`,
  );
  // Source maps: a module compiled in one file throws in the next; the stack must name its line.
  writeFileSync(path.join(DIR, 'thrower.ts'), `// line 1\ntype T = { a: number };\nexport function boom(t: T): never {\n  throw new Error('boom ' + t.a); // line 4\n}\n`);
  for (const n of ['1', '2'])
    writeFileSync(
      path.join(DIR, `maps-${n}.zz.ts`),
      `import { boom } from './thrower';\nit('stack names thrower.ts:4', () => {\n  try { boom({ a: ${n} }); } catch (e) { expect((e as Error).stack).toMatch(/thrower\\.ts:4:/); return; }\n  throw new Error('no throw');\n});\n`,
    );
}, 30_000);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe('the shared-files jest runtime answers as jest does', () => {
  it('control: with jest\'s own runtime, two files that write and require a repository module both pass, and so does a reset', () => {
    const r = runChild(['writes-first.zz.ts', 'writes-second.zz.ts', 'reset-modules.zz.ts'], false);
    expect(r.out).toMatch(/Tests:\s+3 passed, 3 total/);
  }, 150_000);

  it('with the shared runtime, the second file gets the module text it wrote, not the first file\'s', () => {
    const r = runChild(['writes-first.zz.ts', 'writes-second.zz.ts'], true);
    expect({ ok: r.ok, out: r.ok ? '' : r.out.slice(0, 1500) }).toEqual({ ok: true, out: '' });
  }, 150_000);

  it('with the shared runtime, jest.resetModules after a rewrite gives the new module text', () => {
    const r = runChild(['reset-modules.zz.ts'], true);
    expect({ ok: r.ok, out: r.ok ? '' : r.out.slice(0, 1500) }).toEqual({ ok: true, out: '' });
  }, 150_000);

  it('a jest.mock in one file does not leak into the next; doMock/isolateModules/dontMock still work', () => {
    const r = runChild(['mocks-a.zz.ts', 'mocks-b.zz.ts'], true);
    expect(r.out).toMatch(/Tests:\s+3 passed, 3 total/);
  }, 150_000);

  it('a module compiled in one file still maps its stack to the source line in the next', () => {
    const r = runChild(['maps-1.zz.ts', 'maps-2.zz.ts'], true);
    expect(r.out).toMatch(/Tests:\s+2 passed, 2 total/);
  }, 150_000);
});
