import { createHmac } from 'node:crypto';
import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { signLink, verifyLink } from '../../src/http/signed-link';

/** The HR report's download links: one token format, a JWT with an expiry claim, checked with jose. */
describe('signed download links', () => {
  const secret = Buffer.from('a-test-secret-of-enough-length-123456');
  const now = new Date('2026-11-23T10:00:00Z');
  const claims = { from: '2026-01-01', to: '2026-06-30', lang: 'nl', tenant: 'tenant-1' };
  const PATH = '/reports/hr.csv';
  let url: URL;
  let query: Record<string, string>;
  beforeAll(async () => {
    url = new URL(await signLink(secret, 'https://app.example/', PATH, claims, new Date(now.getTime() + 15 * 60_000)));
    query = Object.fromEntries(url.searchParams.entries());
  });

  /** The token with its payload changed, and the old signature kept (what a forger can do without the secret). */
  function tampered(change: Record<string, unknown>): string {
    const [header, payload, signature] = query.token!.split('.');
    const changed = base64url.encode(JSON.stringify({ ...decodeJwt(query.token!), ...change }));
    return [header, changed, signature].join('.');
  }

  it('carries one JWT (HS256) with the period, the path as audience and an expiry claim', () => {
    expect(`${url.origin}${url.pathname}`).toBe(`https://app.example${PATH}`);
    expect([...url.searchParams.keys()]).toEqual(['token']);
    expect(decodeProtectedHeader(query.token!)).toMatchObject({ alg: 'HS256' });
    expect(decodeJwt(query.token!)).toMatchObject({ ...claims, aud: PATH, exp: Math.floor(now.getTime() / 1000) + 15 * 60 });
  });

  it('accepts the link as signed, until it expires', async () => {
    expect(await verifyLink(secret, PATH, query, now)).toEqual({ ok: true, claims });
    // An expired link still tells its language (for the refusal), and nothing else.
    expect(await verifyLink(secret, PATH, query, new Date(now.getTime() + 16 * 60_000))).toEqual({ ok: false, reason: 'expired', lang: 'nl' });
  });

  it.each([
    ['a changed period', () => ({ token: tampered({ to: '2026-12-31' }) })],
    ['another tenant', () => ({ token: tampered({ tenant: 'tenant-evil' }) })],
    ['a later expiry', () => ({ token: tampered({ exp: Math.floor(now.getTime() / 1000) + 24 * 3600 }) })],
    ['a parameter beside the token', () => ({ ...query, to: '2026-12-31' })],
    ['no token', () => ({})],
    ['a token that is not a JWT', () => ({ token: 'from=2026-01-01&sig=abc' })],
    [
      'a token without a signature (alg none)',
      () => ({ token: `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${query.token!.split('.')[1]}.` }),
    ],
    [
      'a token signed with another secret',
      () => {
        const [header, payload] = query.token!.split('.');
        return { token: `${header}.${payload}.${createHmac('sha256', 'another-secret-of-enough-length-98765').update(`${header}.${payload}`).digest('base64url')}` };
      },
    ],
  ])('refuses %s', async (_name, forged) => {
    expect(await verifyLink(secret, PATH, forged() as Record<string, string>, now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses the link on another path (the summary link does not open the CSV)', async () => {
    expect(await verifyLink(secret, '/reports/hr.txt', query, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
