/**
 * Keeps README's "Which folder imports which SDK" true: every SDK and cloud client is imported
 * only in its adapter folder (and the composition root), so moving to another Teams SDK or
 * database is visibly one folder. The domain and the use cases import none of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');

/** Package (or package prefix) -> the folders or files of src/ that may import it. */
const ALLOWED: readonly { pkg: RegExp; name: string; where: readonly string[] }[] = [
  { pkg: /^(botbuilder|botframework-)/, name: 'botbuilder', where: ['src/teams/', 'src/app/'] },
  { pkg: /^@microsoft\/teams-ai(\/|$)/, name: '@microsoft/teams-ai', where: ['src/teams/', 'src/app/'] },
  { pkg: /^restify(\/|$)/, name: 'restify', where: ['src/teams/server.ts', 'src/web/', 'src/app/'] },
  { pkg: /^@azure\/cosmos(\/|$)/, name: '@azure/cosmos', where: ['src/store/'] },
  { pkg: /^@azure\/identity(\/|$)/, name: '@azure/identity', where: ['src/azure/', 'src/directory/'] },
  { pkg: /^(openai|@azure\/openai)(\/|$)/, name: 'openai, @azure/openai', where: ['src/ai/'] },
  { pkg: /^@azure\/monitor-opentelemetry(\/|$)/, name: '@azure/monitor-opentelemetry', where: ['src/telemetry/'] },
  { pkg: /^@microsoft\/teams-js(\/|$)/, name: '@microsoft/teams-js', where: ['src/tab/'] },
  { pkg: /^adaptivecards(\/|$)/, name: 'adaptivecards', where: ['src/tab/'] },
];
/** Any other Azure or Microsoft SDK must get its line above (and in the README) first. */
const UNLISTED_SDK = /^(@azure\/|@microsoft\/|botbuilder|botframework-)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports: static and type-only imports, re-exports, require() and import(). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

const files = sourceFiles(join(ROOT, 'src')).map((f) => ({ path: relative(ROOT, f).split(sep).join('/'), imports: importsOf(f) }));

/** What a file imports that its folder may not: "file imports pkg (allowed in ...)". */
function sdkViolations(list: { path: string; imports: string[] }[]): string[] {
  return list.flatMap(({ path, imports }) =>
    imports.flatMap((spec) => {
      const rule = ALLOWED.find((r) => r.pkg.test(spec));
      if (rule) return rule.where.some((w) => path === w || (w.endsWith('/') && path.startsWith(w))) ? [] : [`${path} imports ${spec} (allowed in ${rule.where.join(', ')} only)`];
      return UNLISTED_SDK.test(spec) ? [`${path} imports ${spec}, which has no rule here yet: add one, and a line in README's "Which folder imports which SDK"`] : [];
    }),
  );
}

describe('which folder imports which SDK', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    // By package name: the app imports some packages by a module path inside them (see src/teams/teams-ai.ts).
    const all = new Set(files.flatMap((f) => f.imports).map((spec) => spec.match(/^(@[^/]+\/)?[^/]+/)![0]));
    for (const pkg of ['botbuilder', '@microsoft/teams-ai', 'restify', '@azure/cosmos', '@azure/identity', 'openai', '@microsoft/teams-js', 'adaptivecards']) expect(all).toContain(pkg);
    expect(sdkViolations([{ path: 'src/domain/x.ts', imports: ['botbuilder'] }, { path: 'src/usecases/y.ts', imports: ["@azure/cosmos"] }, { path: 'src/teams/z.ts', imports: ['@azure/storage-blob'] }])).toHaveLength(3);
  });

  it('every SDK is imported only in its adapter folder or the composition root', () => {
    expect(sdkViolations(files)).toEqual([]);
  });

  it('the domain and the use cases import only each other, node built-ins and small pure libraries', () => {
    const pure = /^(node:|luxon$|zod$|date-holidays$)/;
    const problems = files
      .filter((f) => f.path.startsWith('src/domain/') || f.path.startsWith('src/usecases/'))
      .flatMap((f) =>
        f.imports
          .filter((spec) => {
            if (!spec.startsWith('.')) return !pure.test(spec);
            const target = join(ROOT, f.path, '..', spec).split(sep).join('/');
            const inDomain = target.includes('/src/domain/');
            return f.path.startsWith('src/domain/') ? !inDomain : !inDomain && !target.includes('/src/usecases/');
          })
          .map((spec) => `${f.path} imports ${spec}`),
      );
    expect(problems).toEqual([]);
  });
});
