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
