import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Bad input must be refused with nothing stored. Found in review, stop 35: The HTTP server's
 * body parser (`restify.plugins.bodyParser` in src/teams/server.ts:createServer) also parses
 * multipart/form-data, and formidable writes every uploaded file part to the OS temp folder
 * (`upload_<hex>`) before any route handler runs, so before the tab API or the Bot Framework
 * checks a token; nothing ever deletes those files. Teams and the tab never send multipart.
 * Anyone who can reach the app can leave arbitrary content on its disk (up to the 1 MB body
 * limit per request, unbounded in number), unauthenticated. Bodies other than JSON are refused
 * (415) before they are read now.
 */
describe('a multipart upload without a token leaves nothing on disk', () => {
  let t: TestApp;
  const marker = `PROBE-UPLOAD-${randomUUID()}`;
  const leftOnDisk = () =>
    readdirSync(tmpdir())
      .filter((f) => f.startsWith('upload_'))
      .map((f) => join(tmpdir(), f))
      .filter((p) => {
        try {
          return statSync(p).isFile() && readFileSync(p, 'utf8').includes(marker);
        } catch {
          return false;
        }
      });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    // Clean up what this test itself caused (on the code before the fix).
    for (const p of leftOnDisk()) rmSync(p, { force: true });
    await t.stop();
  });

  it.each(['/api/verantwoording/notes', '/api/verantwoording/erase', '/api/messages'])('POST %s with a file part and no token is refused and stores no file', async (path) => {
    const form = new FormData();
    form.append('file', new Blob([`${marker} ${'x'.repeat(10_000)}`]), 'note.txt');
    const res = await fetch(`${t.app.url}${path}`, { method: 'POST', body: form });
    expect([400, 401, 403, 415]).toContain(res.status);
    expect(leftOnDisk()).toEqual([]);
  });

  it('still takes JSON up to 1 MB: a larger JSON body is refused as too large, a form body as not JSON', async () => {
    const big = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(1_100_000) }) });
    expect(big.status).toBe(413);
    const form = await fetch(`${t.app.url}/api/verantwoording/notes`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hallo&shared=true' });
    expect(form.status).toBe(415);
  });
});
