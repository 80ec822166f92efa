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
    expect(parseConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_PASSWORD: 'pw' }).bot).toEqual({ mode: 'SingleTenant', appId: 'app', tenantId: 'ten', password: 'pw' });
    expect(parseConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).bot).toEqual({ mode: 'UserAssignedMSI', appId: 'app', tenantId: 'ten' });
    expect(parseConfig({ COSMOS_ENDPOINT: 'https://x.documents.azure.com', POLL_HASH_KEY: 'k'.repeat(32) }).cosmos).toEqual({ mode: 'azure', endpoint: 'https://x.documents.azure.com', key: undefined, database: 'lerendwerken' });
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
  ])('stops with a message naming what to set for %j', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });
});
