import { user } from '../support/activities';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';
import { buildTab } from '../verantwoording/browser';
import { devToken } from './support';

/**
 * The web surface's HTTP refusals through the real app (restify, the embedded Cosmos server): a
 * refused request never gets its own input back (a private note in a malformed body), nor a stack;
 * the tab page and the report downloads carry their security headers. (Found in review, stop 50.)
 */
const hanna = user('Hanna');

describe('HTTP refusals never echo input; security headers of the tab page and the report downloads', () => {
  let t: TestApp;
  let token = '';
  let csvUrl = '';
  let txtUrl = '';

  beforeAll(async () => {
    // The tab's files as `npm run build` makes them: a fresh clone has no dist/tab, and the server answers 503 without it.
    buildTab();
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' });
    token = await devToken(t, 'aad-anna');
    const card = await reportCard(t, t.conversation('personal'), hanna, 'rapport 2026-11-01 2026-11-23');
    const urls = (card.actions as { url?: string }[]).map((a) => a.url).filter((u): u is string => Boolean(u)).map((u) => new URL(u));
    const local = (u: URL) => `${t.app.url}${u.pathname}${u.search}`;
    csvUrl = local(urls.find((u) => u.pathname.endsWith('.csv'))!);
    txtUrl = local(urls.find((u) => u.pathname.endsWith('.txt'))!);
  }, 120_000);
  afterAll(() => t.stop());

  const post = (path: string, body: string, contentType = 'application/json', signedIn = true) =>
    fetch(`${t.app.url}${path}`, { method: 'POST', headers: { ...(signedIn ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType }, body });

  it('malformed JSON from a signed-in tab gets the API\'s own refusal ({error: "invalidInput"}), not restify\'s message quoting the body', async () => {
    const res = await post('/api/verantwoording/notes?lang=en', '{"text":MRK-NOTE-9}');
    const text = await res.text();
    expect(res.status).toBe(400);
    // The tab API's every other refusal is {error: <code>}; the caller's text is never sent back.
    expect({ body: text, quotesBody: text.includes('MRK-NOTE') }).toEqual({ body: text, quotesBody: false });
    expect(JSON.parse(text)).toMatchObject({ error: 'invalidInput' });
  });

  it('malformed JSON before sign-in, to the sign-in itself and to /api/messages: the same refusal, without the body, in no language', async () => {
    for (const [path, body] of [
      ['/api/verantwoording/notes', '{"text":MRK-NOTE-10}'],
      ['/api/dev/sign-in', '{"userId":MRK-NOTE-11}'],
      ['/api/messages', '{"type":"message","text":MRK-NOTE-12}'],
    ] as const) {
      const res = await post(path, body, 'application/json', false);
      const text = await res.text();
      expect({ path, status: res.status, body: text }).toEqual({ path, status: 400, body: JSON.stringify({ error: 'invalidInput' }) });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a body over 1 MiB and a body that is not JSON are refused without a stack or the body', async () => {
    const big = await post('/api/verantwoording/notes', JSON.stringify({ text: `MRK-BIG ${'x'.repeat(1100 * 1024)}` }));
    const bigText = await big.text();
    expect(big.status).toBe(413);
    expect(bigText).not.toMatch(/MRK-BIG|\n\s+at /);
    expect(JSON.parse(bigText)).toEqual({ error: 'tooLarge' });
    const form = await post('/api/verantwoording/notes', 'text=MRK-FORM', 'text/plain');
    expect(form.status).toBe(415);
    expect(await form.text()).not.toContain('MRK-FORM');
  });

  it('a malformed escape or a traversal in a tab file path is a plain 4xx, never a crash, a stack or a file outside dist/tab', async () => {
    for (const path of ['/tab/%E0%A4%A', '/tab/%', '/tab/..%2f..%2fpackage.json', '/tab/%2e%2e/%2e%2e/package.json', '/tab/%252e%252e%252f%252e%252e%252fpackage.json', '/tab/..%5c..%5cpackage.json']) {
      const res = await fetch(`${t.app.url}${path}`);
      const text = await res.text();
      expect({ path, status: res.status >= 400 && res.status < 500, stack: /\n\s+at |URIError/.test(text), pkg: text.includes('"dependencies"') }).toEqual({ path, status: true, stack: false, pkg: false });
    }
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });

  it('an unknown path or a method a route does not take is answered by its code only, never quoting the path (it can hold a token)', async () => {
    for (const [method, path, status, error] of [
      ['GET', '/api/MRK-PATH-1?token=MRK-PATH-2', 404, 'notFound'],
      ['GET', '/reports/MRK-PATH-3.json?token=MRK-PATH-4', 404, 'notFound'],
      ['DELETE', '/api/messages?MRK-PATH-5', 405, 'methodNotAllowed'],
      ['PUT', '/healthz?MRK-PATH-6', 405, 'methodNotAllowed'],
    ] as const) {
      const res = await fetch(`${t.app.url}${path}`, { method });
      const text = await res.text();
      expect({ method, path, status: res.status, body: text }).toEqual({ method, path, status, body: JSON.stringify({ error }) });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('CORS is not open: a foreign origin gets no Access-Control-Allow-Origin, also on a preflight', async () => {
    const pre = await fetch(`${t.app.url}/api/verantwoording/export`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('the tab page: CSP with Teams frame-ancestors and no inline script; the page holds no inline script or handler', async () => {
    const res = await fetch(`${t.app.url}/tab/index.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors[^;]*\*(\s|;|$)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('the report downloads: right type, attachment, no-store and nosniff', async () => {
    for (const [url, type] of [[csvUrl, 'text/csv'], [txtUrl, 'text/plain']] as const) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="lerend-werken-2026-11-01-2026-11-23\.(csv|txt)"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect({ url: new URL(url).pathname, nosniff: res.headers.get('x-content-type-options') }).toEqual({ url: new URL(url).pathname, nosniff: 'nosniff' });
    }
  });

  it('a report link is refused (403, nosniff) on another path, with another parameter, and for a caller who strips the token', async () => {
    const u = new URL(csvUrl);
    let refused = 0;
    for (const bad of [`${t.app.url}/reports/hr.txt${u.search}&x=1`, `${t.app.url}/reports/hr.json${u.search}`, `${t.app.url}/reports/hr.csv`, `${t.app.url}/reports/hr.csv?token=`]) {
      const res = await fetch(bad);
      expect({ bad, ok: res.status === 403 || res.status === 404 }).toEqual({ bad, ok: true });
      if (res.status !== 403) continue;
      refused += 1;
      expect({ bad, nosniff: res.headers.get('x-content-type-options') }).toEqual({ bad, nosniff: 'nosniff' });
    }
    // The refusals of the report routes themselves (not only restify's 404 for hr.json).
    expect(refused).toBeGreaterThanOrEqual(3);
  });

  it('logged no token, no marker and no stack for any of these refusals', () => {
    const log = t.logs.join('');
    expect(log).not.toMatch(/MRK-|eyJ[A-Za-z0-9_-]{20,}/);
  });
});
