import { ConfigError, parseConfig } from '../../src/config/config';

describe('configuration', () => {
  it('starts with no configuration at all: local bot, embedded store, AI off', () => {
    const c = parseConfig({});
    expect(c.bot).toEqual({ mode: 'local' });
    expect(c.cosmos).toEqual({ mode: 'embedded', database: 'lerendwerken' });
    expect(c.ai).toEqual({ enabled: false });
    expect(c.port).toBe(3978);
    expect(c.defaultLanguage).toBe('nl');
  });

  it('reads a single-tenant bot, a managed-identity bot, Azure Cosmos and Azure OpenAI', () => {
    const embedded = { COSMOS_EMBEDDED: 'true' };
    expect(parseConfig({ ...embedded, MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_PASSWORD: 'pw' }).bot).toEqual({ mode: 'SingleTenant', appId: 'app', tenantId: 'ten', password: 'pw' });
    expect(parseConfig({ ...embedded, MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).bot).toEqual({ mode: 'UserAssignedMSI', appId: 'app', tenantId: 'ten' });
    expect(parseConfig({ ALLOW_LOCAL_MODE: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'x'.repeat(32), POLL_HASH_KEY: 'y'.repeat(32) }).cosmos).toEqual({ mode: 'azure', endpoint: 'https://x.documents.azure.com', key: undefined, database: 'lerendwerken' });
    expect(parseConfig({ AZURE_OPENAI_ENDPOINT: 'https://o', AZURE_OPENAI_DEPLOYMENT: 'd' }).ai).toMatchObject({ enabled: true, deployment: 'd', apiVersion: '2024-10-21' });
    expect(parseConfig({ ALLOWED_TENANT_IDS: ' a, b ,,' }).allowedTenantIds).toEqual(['a', 'b']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ MICROSOFT_APP_ID: 'app' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 't' }, 'MICROSOFT_APP_PASSWORD'],
    [{ MICROSOFT_APP_TYPE: 'MultiTenant' }, 'MICROSOFT_APP_TYPE'],
    [{ AZURE_OPENAI_ENDPOINT: 'https://o' }, 'AZURE_OPENAI_DEPLOYMENT'],
    [{ DEFAULT_LANGUAGE: 'de' }, 'DEFAULT_LANGUAGE'],
    [{ COSMOS_ENDPOINT: 'https://x.documents.azure.com' }, 'REPORT_LINK_SECRET'],
    [{ REPORT_LINK_SECRET: 'too-short' }, 'REPORT_LINK_SECRET'],
    [{ COSMOS_EMBEDDED: 'yes' }, 'COSMOS_EMBEDDED'],
    [{ COSMOS_EMBEDDED: 'true', COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'x'.repeat(32), POLL_HASH_KEY: 'y'.repeat(32) }, 'COSMOS_EMBEDDED'],
  ])('stops with a message naming what to set for %j', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });

  describe('no unsafe default in production: bot authentication on, no COSMOS_ENDPOINT', () => {
    const bot = { MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_TYPE: 'UserAssignedMSI' };

    it('refuses to start on the in-memory embedded store unless asked, and says why', () => {
      expect(() => parseConfig(bot)).toThrow(ConfigError);
      const message = (() => {
        try {
          parseConfig(bot);
          return '';
        } catch (err) {
          return (err as Error).message;
        }
      })();
      expect(message).toContain('COSMOS_ENDPOINT');
      expect(message).toContain('lost at the next restart');
      expect(message).toContain('COSMOS_EMBEDDED=true');
    });

    it('runs on the embedded store when it is asked for explicitly', () => {
      expect(parseConfig({ ...bot, COSMOS_EMBEDDED: 'true' }).cosmos).toEqual({ mode: 'embedded', database: 'lerendwerken' });
    });

    it('needs nothing extra with COSMOS_ENDPOINT, nor in local mode', () => {
      expect(parseConfig({ ...bot, COSMOS_ENDPOINT: 'https://x.documents.azure.com', REPORT_LINK_SECRET: 'x'.repeat(32), POLL_HASH_KEY: 'y'.repeat(32) }).cosmos.mode).toBe('azure');
      expect(parseConfig({}).cosmos.mode).toBe('embedded');
    });
  });
});
