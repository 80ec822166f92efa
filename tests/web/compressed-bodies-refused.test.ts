import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleApp, runApp, stopApp } from '../telemetry/app-process';

jest.setTimeout(120_000);

type Answer = { status: number; text: string } | { error: string };

/** A raw POST: fetch would neither send a Content-Encoding of our choosing nor a body that is not what it says. */
function post(url: string, path: string, body: Buffer, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve) => {
    const u = new URL(path, url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-length': String(body.length), ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.end(body);
  });
}

type App = Awaited<ReturnType<typeof runApp>>;

/** Whether the process still serves: it answers /healthz, or it has exited (whichever comes first). */
async function stillAlive(app: App): Promise<boolean> {
  const healthy = await Promise.race([app.exited.then(() => false), fetch(`${app.url}/healthz`).then((r) => r.ok, () => false)]);
  return healthy && app.child.exitCode === null;
}

const REFUSED = { status: 415, text: JSON.stringify({ error: 'unsupportedMediaType', detail: 'send the body uncompressed' }) };
const json = { 'content-type': 'application/json' };
const gzipped = { ...json, 'content-encoding': 'gzip' };

/**
 * restify's body reader inflated `Content-Encoding: gzip` bodies itself, before any route or token
 * check: a body that was not gzip crashed the process (its inflater has no error listener), and the
 * 1 MiB limit counted the compressed bytes (a 4 MB JSON body arrived as a few KB). No caller of the
 * app compresses a request, so any encoding but `identity` is refused with 415, before the body is
 * read. Run in its own process, as in production: a crash is an exit there. Found in review, stop 67.
 */
describe('compressed request bodies are refused before they are read', () => {
  let entry: string;
  beforeAll(() => {
    entry = bundleApp('compressed-bodies');
  });
  afterAll(() => {
    if (entry) rmSync(dirname(entry), { recursive: true, force: true });
  });

  it('a body that claims gzip but is not: 415, and the process lives on', async () => {
    const app = await runApp(entry, {});
    try {
      const answer = await post(app.url, '/api/messages', Buffer.from('{"type":"message","text":"hallo"}'), gzipped);
      expect({ answer, alive: await stillAlive(app) }).toEqual({ answer: REFUSED, alive: true });
    } finally {
      await stopApp(app);
    }
  });

  it('with bot authentication on: an unauthenticated 1-byte "gzip" body to the tab API is refused 415, and the process lives on', async () => {
    const app = await runApp(entry, { HOST: '127.0.0.1', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', MICROSOFT_APP_PASSWORD: 'test-not-a-secret', COSMOS_EMBEDDED: 'true' });
    try {
      const answer = await post(app.url, '/api/verantwoording/notes', Buffer.from('x'), gzipped);
      expect({ answer, alive: await stillAlive(app) }).toEqual({ answer: REFUSED, alive: true });
    } finally {
      await stopApp(app);
    }
  });

  describe('on one app in local mode', () => {
    let app: App;
    beforeAll(async () => {
      app = await runApp(entry, {});
    });
    afterAll(async () => {
      if (app) await stopApp(app);
    });

    it('a 4 MB JSON body sent gzipped (a few KB on the wire, under the 1 MiB limit) is refused, not parsed', async () => {
      const gz = gzipSync(Buffer.from(JSON.stringify({ userId: 'aad-anna', pad: 'a'.repeat(4 * 1024 * 1024) })));
      const answer = await post(app.url, '/api/dev/sign-in', gz, gzipped);
      expect({ wireBytesUnderLimit: gz.length < 1024 * 1024, answer }).toEqual({ wireBytesUnderLimit: true, answer: REFUSED });
    });

    it('another encoding, in any case, is refused the same way', async () => {
      for (const encoding of ['GZIP', 'deflate', 'br', 'gzip, identity']) {
        const answer = await post(app.url, '/api/dev/sign-in', Buffer.from('{"userId":"aad-anna"}'), { ...json, 'content-encoding': encoding });
        expect({ encoding, answer }).toEqual({ encoding, answer: REFUSED });
      }
    });

    it('a plain JSON body still signs in, also when it says `identity` (no encoding)', async () => {
      const body = Buffer.from('{"userId":"aad-anna"}');
      for (const headers of [json, { ...json, 'content-encoding': 'identity' }]) {
        const answer = await post(app.url, '/api/dev/sign-in', body, headers);
        expect({ headers, status: 'status' in answer ? answer.status : answer.error, token: 'text' in answer && typeof JSON.parse(answer.text).token === 'string' }).toEqual({ headers, status: 200, token: true });
      }
    });
  });
});
