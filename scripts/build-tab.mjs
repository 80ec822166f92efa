// Builds the personal tab "Mijn verantwoording" into dist/tab: one bundled script (the Teams JS
// library included, so the tab needs no CDN), its stylesheet and page. Served by the app under
// /tab/ (src/web/verantwoording/tab-static.ts). Run by `npm run build`.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src', 'tab');
const out = join(root, 'dist', 'tab');

/**
 * Each file appears whole or not at all: written beside its place, then renamed over it. Builds
 * run while the app serves dist/tab (the tests' browser files each build it, in parallel), and a
 * page that read a half-written app.js rendered nothing.
 */
async function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [join(src, 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'edge100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
});
for (const file of result.outputFiles) await writeAtomically(file.path, file.contents);
for (const name of ['index.html', 'styles.css']) await writeAtomically(join(out, name), await readFile(join(src, name)));
console.log(`[build-tab] ${out}`);
