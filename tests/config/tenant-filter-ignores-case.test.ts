import { Writable } from 'node:stream';
import { Activity, ActivityTypes, TestAdapter, TurnContext } from 'botbuilder';
import { AppConfig, ConfigError, parseConfig } from '../../src/config/config';
import { legacyTenantOf } from '../../src/domain/learning-needs/learning-need';
import { createLogger } from '../../src/log/logger';
import { createBotApp } from '../../src/teams/bot-app';
import { EntraTokenVerifier } from '../../src/web/verantwoording/tab-auth';
import { CLIENT_ID, FakeEntra, TENANT } from '../verantwoording/fake-entra';

/**
 * Found in review, stop 50 (was probe-s50-tenant-default-casing). In production the tenant filter
 * defaults to MICROSOFT_APP_TENANT_ID. Entra tenant ids are GUIDs, equal in any case (portals and
 * scripts print them in upper case too), and Bot Framework auth also accepts the tenant's domain
 * name there; Teams sends `conversation.tenantId` as a lower-case GUID. The bot compared exactly:
 * a deployment with the GUID in upper case, or the domain name, started, logged "tenant filter on",
 * and ignored its own organisation (403 to every card press). Now the filter (and the tab's tenant
 * check, and the learning needs' legacy tenant) compares in lower case, and production refuses at
 * start-up a tenant setting that is no GUID, naming the variable, never the value.
 */
const HOME = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SISTER = '0b5c1f2e-3d4a-4b6c-8d7e-9f0a1b2c3d4e';
const production = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_TYPE: 'UserAssignedMSI',
  COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/',
  POLL_HASH_KEY: 'Jx1u0mWqfH3v8Zr2pLk5N7bTq9YcDe4A6sGh0iVw',
  REPORT_LINK_SECRET: 'aR7kP2mX9qL4vT8nB1cY6wZ3eH5jU0dF2gS7tQ4',
  PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net',
};

function parsed(env: Record<string, string>): AppConfig | string {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
}

/** What the bot does with a message and a card press from `tenant` (lower case, as Teams sends it). */
async function answersTo(config: AppConfig, tenant: string): Promise<{ message: 'served' | 'ignored'; press: number | 'handled' }> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const { app } = createBotApp(config, createLogger('info', sink));
  app.message(/.*/, async (context) => {
    await context.sendActivity('seen');
  });
  app.adaptiveCards.actionExecute('x', async () => 'ok');
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await app.run(context);
  });
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const conversation = { id: '19:x@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'chat', tenantId: tenant };
  await adapter.processActivity({ type: ActivityTypes.Message, text: 'help', conversation } as Partial<Activity>);
  const message = adapter.activeQueue.splice(0).some((a) => a.text === 'seen') ? 'served' : 'ignored';
  await adapter.processActivity({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x', data: {} } }, conversation } as Partial<Activity>);
  const response = adapter.activeQueue.splice(0).find((a) => a.type === ActivityTypes.InvokeResponse);
  const status = (response?.value as { status?: number } | undefined)?.status;
  return { message, press: status === 403 ? 403 : 'handled' };
}

describe('the production tenant filter compares tenant ids, not their spelling', () => {
  it('MICROSOFT_APP_TENANT_ID in lower or upper case: the bot serves its own tenant (message and card press)', async () => {
    for (const setting of [HOME, HOME.toUpperCase(), ` ${HOME.toUpperCase()} `]) {
      const config = parsed({ ...production, MICROSOFT_APP_TENANT_ID: setting }) as AppConfig;
      expect(config.allowedTenantIds).toEqual([HOME]);
      expect(await answersTo(config, HOME)).toEqual({ message: 'served', press: 'handled' });
      expect(await answersTo(config, SISTER)).toEqual({ message: 'ignored', press: 403 });
    }
  });

  it('ALLOWED_TENANT_IDS in upper case serves those tenants, and no other', async () => {
    const config = parsed({ ...production, MICROSOFT_APP_TENANT_ID: HOME, ALLOWED_TENANT_IDS: `${HOME.toUpperCase()}, ${SISTER.toUpperCase()}` }) as AppConfig;
    expect(config.allowedTenantIds).toEqual([HOME, SISTER]);
    expect(await answersTo(config, SISTER)).toEqual({ message: 'served', press: 'handled' });
    expect(await answersTo(config, '11111111-2222-3333-4444-555555555555')).toEqual({ message: 'ignored', press: 403 });
  });

  it('a domain name as the filter is refused at start-up, naming MICROSOFT_APP_TENANT_ID and not the value', () => {
    const message = parsed({ ...production, MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com' });
    expect(typeof message).toBe('string');
    expect(message).toContain('MICROSOFT_APP_TENANT_ID: must be a tenant id (a GUID');
    expect(message).toContain('NODE_ENV=production');
    expect(message).not.toContain('contoso');
  });

  it('with ALLOWED_TENANT_IDS set, MICROSOFT_APP_TENANT_ID is only the bot\'s sign-in and may be the domain name', async () => {
    const config = parsed({ ...production, MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com', ALLOWED_TENANT_IDS: HOME }) as AppConfig;
    expect(config.bot).toMatchObject({ tenantId: 'contoso.onmicrosoft.com' });
    expect(await answersTo(config, HOME)).toEqual({ message: 'served', press: 'handled' });
  });

  it('an ALLOWED_TENANT_IDS entry that is no GUID is refused in production, naming the variable, never the value; outside production it stays', () => {
    const message = parsed({ ...production, MICROSOFT_APP_TENANT_ID: HOME, ALLOWED_TENANT_IDS: `${HOME},fabrikam.onmicrosoft.com` });
    expect(message).toContain('ALLOWED_TENANT_IDS: must be a tenant id (a GUID');
    expect(message).toContain('1 of 2 is not');
    expect(message).not.toContain('fabrikam');
    expect(message).not.toContain(HOME);
    const { NODE_ENV: _n, ...development } = production;
    expect((parsed({ ...development, MICROSOFT_APP_TENANT_ID: 'ten', ALLOWED_TENANT_IDS: 'Tenant-1' }) as AppConfig).allowedTenantIds).toEqual(['tenant-1']);
  });

  it('learning needs: the one allowed tenant, written in upper case, is the tenant Teams names (legacy records stay theirs)', () => {
    const config = parsed({ ...production, MICROSOFT_APP_TENANT_ID: HOME, ALLOWED_TENANT_IDS: HOME.toUpperCase() }) as AppConfig;
    expect(legacyTenantOf(config.allowedTenantIds)).toBe(HOME);
  });
});

describe('the tab\'s sign-in compares the tenant the same way', () => {
  const entra = new FakeEntra();
  beforeAll(async () => {
    await entra.start();
  });
  afterAll(async () => {
    await entra.stop();
  });

  it('TAB_AAD_TENANT_ID in upper case accepts the tenant\'s tokens (lower-case tid and issuer), and still refuses another tenant\'s', async () => {
    const { NODE_ENV: _n, ...development } = production;
    const config = parseConfig({ ...development, MICROSOFT_APP_TENANT_ID: HOME, ...entra.env(), TAB_AAD_TENANT_ID: TENANT.toUpperCase() });
    const sso = config.verantwoording.sso;
    if (!sso.enabled) throw new Error('sso not enabled');
    const verifier = new EntraTokenVerifier({ ...sso, audiences: [CLIENT_ID] });
    await expect(verifier.verify(await entra.token())).resolves.toMatchObject({ userId: 'aad-anna' });
    await expect(verifier.verify(await entra.token({ claims: { tid: SISTER } }))).rejects.toThrow('another tenant');
  });

  it('in production a tab tenant that is no GUID is refused, naming the variable it came from', () => {
    const tab = { TAB_AAD_CLIENT_ID: CLIENT_ID };
    expect(parsed({ ...production, MICROSOFT_APP_TENANT_ID: HOME, ...tab, TAB_AAD_TENANT_ID: 'contoso.onmicrosoft.com' })).toContain('TAB_AAD_TENANT_ID: must be a tenant id (a GUID');
    expect(parsed({ ...production, MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com', ALLOWED_TENANT_IDS: HOME, ...tab })).toContain('MICROSOFT_APP_TENANT_ID: must be a tenant id (a GUID');
    expect(parsed({ ...production, MICROSOFT_APP_TENANT_ID: HOME.toUpperCase(), ...tab })).toMatchObject({ verantwoording: { sso: { enabled: true, tenantId: HOME } } });
  });
});
