import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:https';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '../..');

/** A local stand-in for Application Insights' ingestion endpoint: records every item it is sent. */
export async function startCollector(): Promise<{ url: string; items: any[]; server: Server }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- telemetry envelopes are free-form JSON
  const items: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any -- as above
  // The exporter speaks only https; the embedded Cosmos server's self-signed certificate serves here too.
  const certs = join(ROOT, 'node_modules/@vercel/cosmosdb-server');
  const server = createServer({ cert: readFileSync(join(certs, 'cert.pem')), key: readFileSync(join(certs, 'key.pem')) }, async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    const text = body.toString('utf8').trim();
    const parsed = text.startsWith('[') ? JSON.parse(text) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    items.push(...parsed);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ itemsReceived: parsed.length, itemsAccepted: parsed.length, errors: [] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, items, server };
}

export async function stopCollector(collector: { server: Server }): Promise<void> {
  collector.server.closeAllConnections();
  await new Promise<void>((r) => collector.server.close(() => r()));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real entry point (src/index.ts) bundled, to run in its own process as in production. */
export function bundleApp(prefix: string): string {
  // Inside the repository, so the bundle finds node_modules like dist/ does.
  const outfile = join(mkdtempSync(join(ROOT, `node_modules/.cache-${prefix}-`)), 'index.js');
  buildSync({ entryPoints: [join(ROOT, 'src/index.ts')], bundle: true, platform: 'node', packages: 'external', format: 'cjs', outfile, logLevel: 'silent', absWorkingDir: ROOT });
  return outfile;
}

/** Starts the bundled app with only these settings (and PATH); nothing leaves the machine. */
export function spawnApp(entry: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['-r', join(ROOT, 'tests/support/loopback-guard.js'), entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d.toString()));
  child.stderr!.on('data', (d) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Starts the bundled app on a free port and waits until /healthz answers. */
export async function runApp(entry: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }> {
  const port = await freePort();
  const app = spawnApp(entry, { PORT: String(port), ...env });
  const url = `http://127.0.0.1:${port}`;
  // Up to 50 s: loading the OpenTelemetry distro took over 30 s on a two-core machine under full load.
  for (let i = 0; i < 200 && app.child.exitCode === null; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false)) return { ...app, url };
    await new Promise((r) => setTimeout(r, 250));
  }
  app.child.kill();
  throw new Error(`the app did not start:\n${app.output()}`);
}

/** SIGTERM, as App Service sends it: the app flushes its telemetry and exits. */
export async function stopApp(app: { child: ChildProcess; exited: Promise<number | null> }): Promise<void> {
  if (app.child.exitCode === null) app.child.kill('SIGTERM');
  await app.exited;
}
