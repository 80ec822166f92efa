import { SignJWT, UnsecuredJWT } from 'jose';
import { startTestApp, TestApp } from '../support/test-app';
import { CLIENT_ID, FakeEntra, ISSUER, TENANT, TokenOptions } from './fake-entra';

/**
 * The tab's API accepts Teams SSO tokens only when they are valid Entra tokens for our app:
 * signed by a key in the tenant's JWKS (served here from loopback), for our audience, from our
 * tenant's v2.0 issuer, not expired, with the access_as_user scope. The user is the token's oid.
 */
describe('Teams SSO tokens on the tab API', () => {
  const entra = new FakeEntra();
  let local: TestApp; // bot authentication off: dev sign-in exists, SSO configured too
  let bot: TestApp; // bot authentication on: no dev sign-in at all
  let env: Record<string, string>;

  beforeAll(async () => {
    await entra.start();
    env = entra.env();
    local = await startTestApp(env);
    bot = await startTestApp({ ...env, MICROSOFT_APP_ID: 'bot-app-id', MICROSOFT_APP_TENANT_ID: TENANT, MICROSOFT_APP_PASSWORD: 'not-used-in-this-test' });
  });
  afterAll(async () => {
    await local.stop();
    await bot.stop();
    await entra.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const token = (over?: TokenOptions) => entra.token(over);
  const get = (app: TestApp, authorization?: string, path = '/api/verantwoording') =>
    fetch(`${app.app.url}${path}`, { headers: authorization ? { authorization } : {} });

  it('accepts a valid token and acts as its oid', async () => {
    const res = await get(local, `Bearer ${await token()}`);
    expect(res.status).toBe(200);
    expect((await res.json()).userId).toBe('aad-anna');
    const onBot = await get(bot, `Bearer ${await token({ claims: { oid: 'aad-bram' } })}`);
    expect(onBot.status).toBe(200);
    expect((await onBot.json()).userId).toBe('aad-bram');
    expect(entra.requests).toBeGreaterThanOrEqual(1);
  });

  it('accepts the api://<domain>/<client id> audience too', async () => {
    expect((await get(bot, `Bearer ${await token({ aud: `api://lerend.example.org/${CLIENT_ID}` })}`)).status).toBe(200);
  });

  it.each([
    ['expired', () => token({ iat: now() - 3 * 3600, exp: now() - 2 * 3600 })],
    ['not valid yet', () => token({ iat: now() + 3600, exp: now() + 7200 })],
    ['for another audience', () => token({ aud: 'api://someone-else/another-app' })],
    ['for another domain\'s Application ID URI', () => token({ aud: `api://evil.example.com/${CLIENT_ID}` })],
    ['from another issuer', () => token({ iss: 'https://login.microsoftonline.com/another-tenant/v2.0' })],
    ['from the v1 issuer', () => token({ iss: `https://sts.windows.net/${TENANT}/` })],
    ['with another tenant id claim', () => token({ claims: { tid: 'another-tenant' } })],
    ['without the access_as_user scope', () => token({ claims: { scp: 'User.Read' } })],
    ['without an oid', () => token({ claims: { oid: undefined } })],
    ['signed with another key', () => token({ key: entra.otherKeys.privateKey })],
    ['signed with an unknown key id', () => token({ key: entra.otherKeys.privateKey, kid: 'key-2' })],
  ])('rejects a token %s with 401', async (_name, make) => {
    for (const app of [local, bot]) {
      const res = await get(app, `Bearer ${await make()}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(await res.text()).not.toContain('aad-anna');
    }
  });

  it('rejects a tampered payload, an unsigned token, garbage and a missing header', async () => {
    const [h, , s] = (await token()).split('.');
    const forged = Buffer.from(JSON.stringify({ oid: 'aad-bram', tid: TENANT, scp: 'access_as_user', iss: ISSUER, aud: CLIENT_ID, exp: now() + 3600, iat: now() })).toString('base64url');
    const unsigned = new UnsecuredJWT({ oid: 'aad-anna', tid: TENANT, scp: 'access_as_user' }).setIssuer(ISSUER).setAudience(CLIENT_ID).setExpirationTime('1h').setIssuedAt().encode();
    for (const auth of [`Bearer ${h}.${forged}.${s}`, `Bearer ${unsigned}`, 'Bearer not-a-token', 'Basic YW5uYTpwdw==', undefined]) {
      expect((await get(bot, auth)).status).toBe(401);
      expect((await get(local, auth)).status).toBe(401);
    }
  });

  it('uses the token\'s user, never an id sent by the page', async () => {
    const auth = { authorization: `Bearer ${await token()}`, 'content-type': 'application/json' };
    const res = await fetch(`${bot.app.url}/api/verantwoording/notes?userId=aad-bram`, { method: 'POST', headers: auth, body: JSON.stringify({ text: 'Van Anna', userId: 'aad-bram' }) });
    expect(res.status).toBe(201);
    expect((await res.json()).userId).toBe('aad-anna');
    const bram = await get(bot, `Bearer ${await token({ claims: { oid: 'aad-bram' } })}`, '/api/verantwoording?userId=aad-anna');
    expect(JSON.stringify(await bram.json())).not.toContain('Van Anna');
  });

  it('has the dev sign-in only with bot authentication off; dev tokens never work with it on', async () => {
    expect((await fetch(`${local.app.url}/api/dev/status`)).status).toBe(200);
    const signIn = await fetch(`${local.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna', name: 'Anna' }) });
    expect(signIn.status).toBe(200);
    const dev = (await signIn.json()) as { token: string; expiresAt: string };
    expect(new Date(dev.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 5000);
    expect((await get(local, `Bearer ${dev.token}`)).status).toBe(200);

    expect((await fetch(`${bot.app.url}/api/dev/status`)).status).toBe(404);
    expect((await fetch(`${bot.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) })).status).toBe(404);
    expect((await get(bot, `Bearer ${dev.token}`)).status).toBe(401);
    // A dev token is bound to the process that issued it.
    const another = await startTestApp(env);
    try {
      expect((await get(another, `Bearer ${dev.token}`)).status).toBe(401);
    } finally {
      await another.stop();
    }
    const forgedDev = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('aad-anna').setIssuer('lerend-werken-dev-sign-in').setAudience('lerend-werken-tab').setExpirationTime('1h').sign(new TextEncoder().encode('guessed-key-guessed-key-guessed!'));
    expect((await get(local, `Bearer ${forgedDev}`)).status).toBe(401);
  });

  it('refuses a dev sign-in with a malformed user id', async () => {
    const res = await fetch(`${local.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: '../../etc' }) });
    expect(res.status).toBe(400);
  });

  it('logged no tokens and no names', () => {
    const logs = [...local.logs, ...bot.logs].join('\n');
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(logs).not.toContain('Anna');
  });
});
