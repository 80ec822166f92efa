// `npm run dev`: the app (embedded Cosmos DB unless COSMOS_ENDPOINT is set) plus the
// Microsoft 365 Agents Playground pointed at it, so anyone can chat with the bot in a browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseEnv } from 'node:util';

const require = createRequire(import.meta.url);
const envFile = existsSync('.env') ? ['--env-file=.env'] : [];
// The app reads .env itself (--env-file), but this script picks the ports it passes to the app
// and the Playground, so it reads .env too, with the same parser; else PORT in .env would be
// overridden by our own default.
const envFileSettings = envFile.length ? parseEnv(readFileSync('.env', 'utf8')) : {};

/**
 * A setting as the app would see it: the shell's value wins over .env's (as with --env-file),
 * and an empty value means not set (README, "Empty means not set").
 */
function setting(name, fallback) {
  for (const value of [process.env[name], envFileSettings[name]]) {
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return fallback;
}

const port = Number(setting('PORT', '3978'));
const playgroundPort = Number(setting('PLAYGROUND_PORT', '56150'));
const children = [];

function start(name, command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} stopped (${signal ?? code}); stopping the rest.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer on http://127.0.0.1:${port}/healthz`);
}

if (envFile.length) console.log('[dev] reading settings from .env');
// The Playground's mock tenant: Anna de Vries (you) is HR and manages Bram, Cem and Dewi, so the
// B3-spiegel commands and the prep cards can be tried at once. Settings in .env or the shell win.
const ANNA = '00000000-0000-0000-0000-000000000020';
const playgroundDefaults = {};
if (!process.env.HR_USER_IDS && !envFile.length) playgroundDefaults.HR_USER_IDS = ANNA;
if (!process.env.DIRECTORY_FILE && !envFile.length) playgroundDefaults.DIRECTORY_FILE = 'dev/directory.playground.json';
if (Object.keys(playgroundDefaults).length) console.log(`[dev] Playground defaults: ${Object.keys(playgroundDefaults).join(', ')} (Anna is HR and a manager)`);
// --disable-warning=DEP0111: restify 11 loads spdy, whose http-deceiver reads process.binding('http_parser')
// (DEP0111), although the app never uses spdy; restify 12 drops spdy but needs Node 22. Only that warning.
start('app', process.execPath, ['--disable-warning=DEP0111', ...envFile, 'dist/src/index.js'], { PORT: String(port), ...playgroundDefaults });
await waitForHealth();

const playground = require.resolve('@microsoft/m365agentsplayground/cli.js');
start('playground', process.execPath, [playground, '--app-endpoint', `http://localhost:${port}/api/messages`, '--channel-id', 'msteams', '--port', String(playgroundPort), '--disable-telemetry'], {
  // The Playground would try to open a browser and stop when it can't (servers, CI); we print the address instead.
  TEAMSAPPTESTER_BROWSER: 'none',
  // Its own usage statistics would probe Azure's instance metadata service; nothing leaves this machine.
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  M365_AGENTS_PLAYGROUND_LOGFILE: 'devTools/m365agentsplayground.log',
});

const { devInstructions, readPlaygroundGroupChat } = require('../dist/scripts/dev-instructions.js');
console.log(`\n${devInstructions({ port, playgroundPort, groupChat: readPlaygroundGroupChat(), userId: ANNA })}\n`);
