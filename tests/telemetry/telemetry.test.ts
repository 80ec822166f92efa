import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { RecordingConnector } from '../support/recording-connector';
import type { TestApp } from '../support/test-app';
import { startCollector } from './app-process';

jest.setTimeout(90_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** The real entry point (src/index.ts) in its own process, so OpenTelemetry instruments it as in production. */
function bundleApp(): string {
  // Inside the repository, so the bundle finds node_modules like dist/ does.
  const outfile = join(mkdtempSync(join(__dirname, '../../node_modules/.cache-telemetry-test-')), 'index.js');
  buildSync({ entryPoints: [join(__dirname, '../../src/index.ts')], bundle: true, platform: 'node', packages: 'external', format: 'cjs', outfile, logLevel: 'silent', absWorkingDir: join(__dirname, '../..') });
  return outfile;
}

async function runApp(entry: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['-r', join(__dirname, '../support/loopback-guard.js'), entry], {
    cwd: join(__dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d.toString()));
  child.stderr!.on('data', (d) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120 && child.exitCode === null; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false)) return { child, url, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`the app did not start:\n${output}`);
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function walkOneSession(url: string, connector: RecordingConnector): Promise<void> {
  const t = {
    connector,
    send: async (activity: Record<string, unknown>) => {
      const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    conversation: () => ({ id: '19:telemetry@thread.v2', type: 'groupChat' as const, tenantId: 'tenant-1', serviceUrl: connector.url }),
  } as unknown as TestApp;
  const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
  await g.setUp();
  await g.startCycle();
  await g.startSession();
  await g.contribute(MEMBERS[0]!, 1, 'Geheime tekst over de overdracht');
  await g.end();
}

describe('telemetry', () => {
  let entry: string;
  let connector: RecordingConnector;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  beforeAll(async () => {
    entry = bundleApp();
    connector = await new RecordingConnector().start();
    collector = await startCollector();
  });
  afterAll(async () => {
    rmSync(dirname(entry), { recursive: true, force: true });
    await connector.stop();
    collector.server.closeAllConnections();
    await new Promise<void>((r) => collector.server.close(() => r()));
  });

  it('is off without a connection string, and says so', async () => {
    const app = await runApp(entry, {});
    await walkOneSession(app.url, connector);
    await stop(app.child);
    expect(app.output()).toContain('telemetry off');
    expect(collector.items).toHaveLength(0);
  });

  it('sends requests, dependencies and business events, without personal data', async () => {
    connector.roster = MEMBERS.slice(0, 3);
    const app = await runApp(entry, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=${collector.url}`,
      // Only for the self-signed loopback collector in this child process.
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    });
    await walkOneSession(app.url, connector);
    await stop(app.child); // shutdown flushes what is buffered
    expect(app.output()).toContain('telemetry on');
    const named = (type: string) => collector.items.filter((i) => i.data?.baseType === type).map((i) => String(i.data.baseData.name));
    expect(named('RequestData')).toContain('POST /api/messages');
    const dependencies = named('RemoteDependencyData');
    expect(dependencies.some((n) => n.includes('/v3/conversations/'))).toBe(true); // the Bot Connector
    // ...without the conversation: which 1:1 chats get a message (a private nudge) can say who has not answered a poll.
    expect(dependencies.filter((n) => /telemetry(%40|@)thread/.test(n))).toEqual([]);
    expect(dependencies.some((n) => n.includes('/dbs/lerendwerken/colls/sessions'))).toBe(true); // Cosmos DB
    const events = collector.items.filter((i) => i.data?.baseType === 'EventData').map((i) => i.data.baseData);
    // Nobody checks in during this walk: the close is reported as unattended (a held session needs someone present).
    expect(events.map((e) => e.name)).toContain('sessionUnattended');
    const sent = JSON.stringify(collector.items);
    for (const personal of ['Anna', 'Bram', 'Cem', 'aad-anna', 'Team Zorg', 'Geheime tekst']) expect(sent).not.toContain(personal);
    expect(app.output()).not.toContain('loopback-guard: refused a connection to login');
  });
});
