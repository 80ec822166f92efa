// Builds the personal tab "Mijn verantwoording" into dist/tab: one bundled script (the Teams JS
// library included, so the tab needs no CDN), its stylesheet and page. Served by the app under
// /tab/ (src/web/verantwoording/tab-static.ts). Run by `npm run build`.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src', 'tab');
const out = join(root, 'dist', 'tab');

await mkdir(out, { recursive: true });
await build({
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
});
await copyFile(join(src, 'index.html'), join(out, 'index.html'));
await copyFile(join(src, 'styles.css'), join(out, 'styles.css'));
console.log(`[build-tab] ${out}`);
