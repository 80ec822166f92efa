import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

jest.setTimeout(60_000);

/**
 * Found in review, stop 41. README: `npm run dev` "reads `.env` if present", and `.env.example`
 * ("Copy to .env for `npm run dev`") lists `PORT=3978`. But scripts/dev.mjs took the port from
 * its own process.env (which never saw .env), defaulted it to 3978 and passed PORT=3978 to the
 * app explicitly, and Node's --env-file never overrides a variable already set. So a newcomer
 * whose port 3978 was taken and who set PORT=3979 in .env still got the app on 3978. Now dev.mjs
 * reads .env too: its PORT is the one the app starts on; a PORT in the shell still wins, as with
 * --env-file, and an empty one means not set.
 *
 * Each case runs a copy of scripts/dev.mjs in a scratch folder whose dist/src/index.js only
 * records the PORT it was started with and exits (so no server, and no Playground, ever starts).
 */
const ROOT = join(__dirname, '../..');

describe('npm run dev and PORT in .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-env-port-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'dist/src'), { recursive: true });
    copyFileSync(join(ROOT, 'scripts/dev.mjs'), join(dir, 'scripts/dev.mjs'));
    writeFileSync(join(dir, 'dist/src/index.js'), "require('node:fs').writeFileSync(require('node:path').join(process.cwd(), 'seen-port'), String(process.env.PORT)); process.exit(0);\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs dev.mjs with only PATH (and `shell`) in its environment; returns the PORT the app saw. */
  async function portTheAppSees(dotEnv: string | undefined, shell: Record<string, string> = {}): Promise<string> {
    if (dotEnv !== undefined) writeFileSync(join(dir, '.env'), dotEnv);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...shell };
    const child = spawn(process.execPath, [join(dir, 'scripts/dev.mjs')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d.toString()));
    child.stderr!.on('data', (d) => (output += d.toString()));
    const exited = await Promise.race([
      new Promise<string>((r) => child.once('exit', () => r('exited'))),
      new Promise<string>((r) => setTimeout(() => r('still running after 30 s'), 30_000).unref()),
    ]);
    if (child.exitCode === null) child.kill('SIGTERM');
    return existsSync(join(dir, 'seen-port')) ? readFileSync(join(dir, 'seen-port'), 'utf8') : `app never started: ${exited}\n${output}`;
  }

  it('starts the app on the PORT that .env sets', async () => {
    expect(await portTheAppSees('# the app\nPORT=47914\nHOST=\n')).toBe('47914');
  });

  it('a PORT in the shell wins over .env, as with --env-file', async () => {
    expect(await portTheAppSees('PORT=47914\n', { PORT: '47915' })).toBe('47915');
  });

  it('an empty PORT in .env, or no .env, means the default 3978', async () => {
    expect(await portTheAppSees('PORT=\n')).toBe('3978');
    rmSync(join(dir, '.env'));
    expect(await portTheAppSees(undefined)).toBe('3978');
  });
});
