/**
 * Restify's 404/405 answers are a code only (stop 51): a 405 still says which methods the path
 * takes (the Allow header HTTP requires), and the routes' own 404s (the tab's API, which the tab's
 * JS reads by status) keep their shape. (Held in review, stop 51.)
 */
import { startTestApp, TestApp } from '../support/test-app';
import { devToken } from './support';

describe('404 and 405 answers', () => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await startTestApp({});
    token = await devToken(t, 'aad-anna');
  }, 120_000);
  afterAll(() => t?.stop());

  it('a method the path does not take: 405, its code only, with the Allow header naming the methods it takes', async () => {
    const res = await fetch(`${t.app.url}/healthz?tok=MRK-405`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(await res.text()).toBe(JSON.stringify({ error: 'methodNotAllowed' }));
    expect(res.headers.get('allow') ?? '').toMatch(/GET/);
  });

  it('an unknown API path with a valid token: 404 with the code the tab reads as not found, no path quoted', async () => {
    const res = await fetch(`${t.app.url}/api/verantwoording/MRK-404-nothing`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('MRK-404');
    expect(JSON.parse(text)).toEqual({ error: 'notFound' });
  });
});
