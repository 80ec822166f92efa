import { execute, message, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

const anna = user('Anna');

describe('bot authentication', () => {
  it.each([
    ['SingleTenant', { MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111', MICROSOFT_APP_TENANT_ID: 'tenant-1', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' }],
    ['UserAssignedMSI', { MICROSOFT_APP_ID: '11111111-1111-1111-1111-111111111111', MICROSOFT_APP_TENANT_ID: 'tenant-1', MICROSOFT_APP_TYPE: 'UserAssignedMSI' }],
  ])('%s: starts, and refuses activities without a valid Bot Framework token', async (_mode, env) => {
    const t = await startTestApp(env);
    try {
      const res = await t.send(message(t.conversation('groupChat'), anna, 'help'));
      expect(res.status).toBe(401);
      const forged = await fetch(`${t.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
        body: JSON.stringify(message(t.conversation('groupChat'), anna, 'help')),
      });
      expect(forged.status).toBe(401);
      expect(t.connector.calls).toHaveLength(0);
      expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('answers a rejected token with 401 and a warning that says why, never the token', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const appId = '11111111-1111-1111-1111-111111111111';
    // Signed with a key nobody has: the issuer's keys cannot confirm it (here they cannot even be fetched).
    const forged = `${b64({ alg: 'RS256', kid: 'forged-key', typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: appId, exp: 4102444800, nbf: 0, serviceurl: 'https://evil.example' })}.c2lnbmF0dXJl`;
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.';
    const t = await startTestApp({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_TENANT_ID: 'tenant-1', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
    try {
      for (const token of [forged, unsigned, '']) {
        const warned = t.logs.filter((l) => l.includes('bot token rejected')).length;
        const res = await fetch(`${t.app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(message(t.conversation('groupChat'), anna, 'help')),
        });
        expect(res.status).toBe(401);
        const lines = t.logs.filter((l) => l.includes('bot token rejected'));
        expect(lines).toHaveLength(warned + 1);
        const entry = JSON.parse(lines.at(-1)!);
        expect(entry.level).toBe(40);
        expect(typeof entry.reason).toBe('string');
        expect(entry.reason.length).toBeGreaterThan(0);
      }
      const all = t.logs.join('\n');
      expect(all).not.toContain(forged.split('.')[1]);
      expect(all).not.toContain('c2lnbmF0dXJl');
      expect(t.connector.calls).toHaveLength(0);
      expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('local mode (no app id) accepts unauthenticated activities and says so in the log', async () => {
    const t = await startTestApp();
    try {
      const res = await t.send(message(t.conversation('groupChat'), anna, 'help'));
      expect(res.status).toBe(200);
      expect(t.logs.join('\n')).toContain('running in local mode without bot authentication');
    } finally {
      await t.stop();
    }
  });
});

describe('tenant allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ALLOWED_TENANT_IDS: 'tenant-1' });
  });
  afterAll(() => t.stop());

  it('serves an allowed tenant', async () => {
    await t.send(message(t.conversation('groupChat'), anna, 'help'));
    expect(t.connector.calls.length).toBeGreaterThan(0);
  });

  it('ignores a message from another tenant and refuses its invokes', async () => {
    t.connector.clear();
    const other = { ...t.conversation('groupChat'), tenantId: 'tenant-evil' };
    await t.send(message(other, anna, 'help'));
    const invoke = await t.send(execute(other, anna, 'group.setup.open', {}, 'msg-1'));
    expect(invoke.status).toBe(403);
    expect(t.connector.calls).toHaveLength(0);
  });
});
