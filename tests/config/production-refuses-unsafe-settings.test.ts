import { Writable } from 'node:stream';
import { Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import { ConfigError, parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { createBotApp } from '../../src/teams/bot-app';

/**
 * What the app refuses with NODE_ENV=production (anything but development, test or empty).
 * Found in review, stop 50: with bot authentication and no ALLOWED_TENANT_IDS the bot answered
 * every tenant's activities; a secret of one repeated character passed the length rule; the
 * tests-only ENTRA_JWKS_URL and a loopback GRAPH_BASE_URL (called without a token) were accepted.
 * The second half pins the production guards that already held.
 */
// Tenant ids are GUIDs: production refuses anything else as a tenant filter (tenant-filter-ignores-case.test.ts).
const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SISTER = '0b5c1f2e-3d4a-4b6c-8d7e-9f0a1b2c3d4e';
const OTHER = '11111111-2222-3333-4444-555555555555';
const EVIL = 'e0e0e0e0-e0e0-4e0e-8e0e-e0e0e0e0e0e0';
const production = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_TENANT_ID: HOME,
  MICROSOFT_APP_TYPE: 'UserAssignedMSI',
  COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/',
  POLL_HASH_KEY: 'Jx1u0mWqfH3v8Zr2pLk5N7bTq9YcDe4A6sGh0iVw',
  REPORT_LINK_SECRET: 'aR7kP2mX9qL4vT8nB1cY6wZ3eH5jU0dF2gS7tQ4',
  PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net',
};
/** The same settings on a developer's machine. */
const { NODE_ENV: _n, ...development } = production;

function accepted(env: Record<string, string>): boolean {
  try {
    parseConfig(env);
    return true;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return false;
  }
}

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return '(accepted)';
}

describe('production refuses unsafe settings', () => {
  it('the production baseline itself is accepted (the probes below change one thing each)', () => {
    expect(accepted(production)).toBe(true);
  });

  describe('whose activities a production bot handles', () => {
    // The tab's SSO accepts only its own tenant (tid check); the bot now does the same by default.
    it('a single-tenant bot in production does not answer all tenants by default', () => {
      const check = (env: Record<string, string>) => {
        try {
          return parseConfig(env).allowedTenantIds;
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          return 'refused';
        }
      };
      expect(check(production)).not.toEqual([]);
      expect(check({ ...production, MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_PASSWORD: 'pw' })).not.toEqual([]);
    });

    it('the default is the bot\'s own tenant; ALLOWED_TENANT_IDS still names several (or another) tenant', () => {
      const of = (env: Record<string, string>) => {
        const c = parseConfig(env);
        return { ids: c.allowedTenantIds, from: c.allowedTenantIdsFrom };
      };
      expect(of(production)).toEqual({ ids: [HOME], from: 'MICROSOFT_APP_TENANT_ID' });
      expect(of({ ...production, NODE_ENV: 'staging' })).toEqual({ ids: [HOME], from: 'MICROSOFT_APP_TENANT_ID' });
      expect(of({ ...production, ALLOWED_TENANT_IDS: `${HOME}, ${SISTER}` })).toEqual({ ids: [HOME, SISTER], from: 'ALLOWED_TENANT_IDS' });
      expect(of({ ...production, ALLOWED_TENANT_IDS: OTHER })).toEqual({ ids: [OTHER], from: 'ALLOWED_TENANT_IDS' });
      // Outside production (tests, a developer's bot, local mode) an empty list still means every tenant.
      expect(of(development)).toEqual({ ids: [], from: 'none' });
      expect(of({})).toEqual({ ids: [], from: 'none' });
    });

    it('there is no MultiTenant registration to fall back to: it is refused, naming MICROSOFT_APP_TYPE', () => {
      expect(refusal({ ...production, MICROSOFT_APP_TYPE: 'MultiTenant' })).toContain('MICROSOFT_APP_TYPE');
    });

    it('the production bot ignores another tenant\'s message, refuses its invoke (403), serves its own, and says so at start-up', async () => {
      const lines: string[] = [];
      const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
      const { app } = createBotApp(parseConfig(production), createLogger('info', sink));
      app.message(/.*/, async (context) => {
        await context.sendActivity('seen');
      });
      const sent: Partial<Activity>[] = [];
      const adapter = new TestAdapter(async (context: TurnContext) => {
        await app.run(context);
      });
      adapter.onTurnError = async (_context, error) => {
        throw error;
      };
      const conversationIn = (tenantId: string) => ({ id: `19:${tenantId}@thread.v2`, conversationType: 'groupChat', isGroup: true, name: 'chat', tenantId });
      const turn = async (activity: Partial<Activity>) => {
        adapter.activeQueue.length = 0;
        await adapter.processActivity(activity);
        sent.push(...adapter.activeQueue.splice(0));
      };
      await turn({ type: ActivityTypes.Message, text: 'help', conversation: conversationIn(EVIL) } as Partial<Activity>);
      expect(sent).toEqual([]);
      await turn({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x', data: {} } }, conversation: conversationIn(EVIL) } as Partial<Activity>);
      expect(sent.map((a) => ({ type: a.type, value: a.value }))).toEqual([{ type: ActivityTypes.InvokeResponse, value: { status: 403 } }]);
      sent.length = 0;
      await turn({ type: ActivityTypes.Message, text: 'help', conversation: conversationIn(HOME) } as Partial<Activity>);
      expect(sent.map((a) => a.text)).toEqual(['seen']);
      const startup = lines.map((l) => JSON.parse(l) as { msg: string; tenants?: number; from?: string }).find((l) => l.msg.startsWith('tenant filter'));
      expect(startup).toMatchObject({ tenants: 1, from: 'MICROSOFT_APP_TENANT_ID', msg: expect.stringContaining('only the bot\'s own tenant') });
      // Ids stay out of the log.
      expect(lines.join('\n')).not.toContain(HOME);
    });
  });

  describe('keyed-hash secrets must be random, not only long', () => {
    it.each(['REPORT_LINK_SECRET', 'POLL_HASH_KEY'])('%s made of one repeated character is refused in production', (name) => {
      expect(accepted({ ...production, [name]: 'a'.repeat(40) })).toBe(false);
    });

    it.each(['REPORT_LINK_SECRET', 'POLL_HASH_KEY'])('%s: a short cycle is refused, the refusal names the variable and never the value', (name) => {
      const value = 'abcdefg'.repeat(6); // 42 characters, 7 different ones
      const message = refusal({ ...production, [name]: value });
      expect(message).toContain(`${name}: must be random with NODE_ENV=production`);
      expect(message).toContain('openssl rand -base64 32');
      expect(message).not.toContain('abcdefg');
    });

    it.each(['REPORT_LINK_SECRET', 'POLL_HASH_KEY'])('%s: 8 different characters pass; outside production the rule does not apply', (name) => {
      expect(accepted({ ...production, [name]: 'abcdefgh'.repeat(5) })).toBe(true);
      expect(accepted({ ...development, [name]: 'a'.repeat(40) })).toBe(true);
    });
  });

  describe('test-only and loopback addresses', () => {
    it('ENTRA_JWKS_URL (tests only) is refused in production', () => {
      expect(accepted({ ...production, TAB_AAD_CLIENT_ID: 'tab', ENTRA_JWKS_URL: 'http://127.0.0.1:9999/keys' })).toBe(false);
    });

    it('ENTRA_JWKS_URL is refused in production even as https, and stays accepted in tests', () => {
      expect(refusal({ ...production, TAB_AAD_CLIENT_ID: 'tab', ENTRA_JWKS_URL: 'https://keys.example.com/keys' })).toContain('ENTRA_JWKS_URL: not allowed with NODE_ENV=production');
      expect(parseConfig({ ...development, TAB_AAD_CLIENT_ID: 'tab', ENTRA_JWKS_URL: 'http://127.0.0.1:9999/keys' }).verantwoording.sso).toMatchObject({ enabled: true, jwksUrl: 'http://127.0.0.1:9999/keys' });
    });

    it('a loopback GRAPH_BASE_URL (the tests\' fake Graph, called without a token) is refused in production', () => {
      expect(accepted({ ...production, GRAPH_BASE_URL: 'http://127.0.0.1:9999' })).toBe(false);
    });

    const ai = { AZURE_OPENAI_DEPLOYMENT: 'd' };
    it.each([
      ['GRAPH_BASE_URL', 'http://localhost:9999', {}],
      ['GRAPH_BASE_URL', 'https://[::1]:9999', {}],
      ['COSMOS_ENDPOINT', 'http://127.0.0.1:8081/', {}],
      ['COSMOS_ENDPOINT', 'https://localhost:8081/', {}],
      ['AZURE_OPENAI_ENDPOINT', 'http://127.0.0.1:9998', ai],
      ['AZURE_OPENAI_ENDPOINT', 'https://0.0.0.0', ai],
      ['ENTRA_AUTHORITY', 'http://localhost:9997', {}],
      ['ENTRA_AUTHORITY', 'https://127.0.0.5', {}],
    ])('%s=%s is refused in production, naming the variable and not the address; accepted outside production', (name, url, extra) => {
      const message = refusal({ ...production, ...extra, [name]: url });
      expect(message).toContain(`${name}: must not be a localhost, 127.x, [::1] or 0.0.0.0 address with NODE_ENV=production`);
      expect(message).not.toContain(url);
      expect(accepted({ ...development, ...extra, [name]: url })).toBe(true);
    });

    it('the public defaults and real addresses stay accepted in production', () => {
      expect(accepted({ ...production, GRAPH_BASE_URL: 'https://graph.microsoft.com', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd', ENTRA_AUTHORITY: 'https://login.microsoftonline.us' })).toBe(true);
    });
  });
});

describe('production guards that held', () => {
  it('local mode, the dev sign-in and the embedded store are refused in production, also with the opt-ins', () => {
    const { MICROSOFT_APP_ID: _a, ...noBot } = production;
    expect(refusal({ ...noBot, ALLOW_LOCAL_MODE: 'true' })).toContain('MICROSOFT_APP_ID');
    const { COSMOS_ENDPOINT: _c, ...noCosmos } = production;
    expect(refusal({ ...noCosmos, COSMOS_EMBEDDED: 'true' })).toContain('COSMOS_EMBEDDED');
    expect(refusal({ ...noCosmos })).toContain('COSMOS_ENDPOINT');
  });

  it.each(['Production', 'prod', 'staging', ' PRODUCTION '])('NODE_ENV=%j counts as production (fails closed)', (value) => {
    const { MICROSOFT_APP_ID: _a, ...noBot } = production;
    expect(accepted({ ...noBot, NODE_ENV: value })).toBe(false);
  });

  it('with bot authentication the dev sign-in is off and SingleTenant needs its password', () => {
    expect(parseConfig(production).verantwoording.devSignIn).toBe(false);
    expect(refusal({ ...production, MICROSOFT_APP_TYPE: 'SingleTenant' })).toContain('MICROSOFT_APP_PASSWORD');
  });

  it('short or missing keyed-hash secrets are refused, and the refusal never repeats a value', () => {
    const secrets = { REPORT_LINK_SECRET: 'short-report-secret-1', POLL_HASH_KEY: 'short-poll-key-2', MICROSOFT_APP_PASSWORD: 'the-password-3', COSMOS_KEY: 'cosmos-key-4', AZURE_OPENAI_API_KEY: 'oai-key-5' };
    const message = refusal({ ...production, ...secrets, MICROSOFT_APP_TYPE: 'SingleTenant', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd' });
    expect(message).toContain('REPORT_LINK_SECRET');
    expect(message).toContain('POLL_HASH_KEY');
    for (const value of Object.values(secrets)) expect(message).not.toContain(value);
    const { REPORT_LINK_SECRET: _r, ...noReport } = production;
    expect(refusal(noReport)).toContain('REPORT_LINK_SECRET');
    const { POLL_HASH_KEY: _p, ...noPoll } = production;
    expect(refusal(noPoll)).toContain('POLL_HASH_KEY');
  });

  it('AI keys are never defaulted: without AZURE_OPENAI_API_KEY the client uses the managed identity', () => {
    const c = parseConfig({ ...production, AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd' });
    expect(c.ai).toMatchObject({ enabled: true });
    expect((c.ai as { apiKey?: string }).apiKey).toBeUndefined();
  });

  it('DEBUG=true (the OpenAI SDK prints its key and prompts) is refused while AI is on', () => {
    expect(refusal({ ...production, DEBUG: 'true', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'd' })).toContain('DEBUG');
  });
});
