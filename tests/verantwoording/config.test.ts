import { ConfigError, parseConfig } from '../../src/config/config';

describe('verantwoording configuration', () => {
  it('has no SSO without a client id; the dev sign-in only in local mode', () => {
    expect(parseConfig({}).verantwoording).toEqual({ sso: { enabled: false, reason: 'no-client-id' }, devSignIn: true });
    const bot = parseConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TENANT_ID: 't', MICROSOFT_APP_PASSWORD: 'p', COSMOS_EMBEDDED: 'true' });
    expect(bot.verantwoording.devSignIn).toBe(false);
  });

  it('takes the bot\'s tenant by default and derives issuer and keys from the authority', () => {
    const c = parseConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TENANT_ID: 'tenant-x', MICROSOFT_APP_TYPE: 'UserAssignedMSI', TAB_AAD_CLIENT_ID: 'client-y', COSMOS_EMBEDDED: 'true' });
    expect(c.verantwoording.sso).toEqual({
      enabled: true,
      clientId: 'client-y',
      tenantId: 'tenant-x',
      issuer: 'https://login.microsoftonline.com/tenant-x/v2.0',
      jwksUrl: 'https://login.microsoftonline.com/tenant-x/discovery/v2.0/keys',
    });
  });

  it('lets the tenant, authority and key URL be set', () => {
    const c = parseConfig({ TAB_AAD_CLIENT_ID: 'c', TAB_AAD_TENANT_ID: 't2', ENTRA_AUTHORITY: 'https://login.microsoftonline.us/', ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys' });
    expect(c.verantwoording.sso).toMatchObject({ tenantId: 't2', issuer: 'https://login.microsoftonline.us/t2/v2.0', jwksUrl: 'http://127.0.0.1:9/keys' });
  });

  it('reports a client id without any tenant, and refuses a malformed URL', () => {
    expect(parseConfig({ TAB_AAD_CLIENT_ID: 'c' }).verantwoording.sso).toEqual({ enabled: false, reason: 'no-tenant' });
    expect(() => parseConfig({ ENTRA_JWKS_URL: 'keys.json' })).toThrow(ConfigError);
    expect(() => parseConfig({ ENTRA_AUTHORITY: 'login' })).toThrow('ENTRA_AUTHORITY');
  });

  it('grants LEARNING_HOURS_PER_WEEK (default 4) per active week, in whole or half hours', () => {
    expect(parseConfig({}).learningTime).toEqual({ hoursPerWeek: 4 });
    expect(parseConfig({ LEARNING_HOURS_PER_WEEK: '2.5' }).learningTime).toEqual({ hoursPerWeek: 2.5 });
    for (const wrong of ['0', '41', '3.3', 'vier']) expect(() => parseConfig({ LEARNING_HOURS_PER_WEEK: wrong })).toThrow('LEARNING_HOURS_PER_WEEK');
  });
});
