import { Activity, ActivityTypes, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import { loggableError, stackFrames } from '../log/loggable-error';
import { Application, TeamsAdapter, TurnState } from './teams-ai';
import { AppConfig } from '../config/config';
import { tenantKey } from '../config/env-rules';
import type { Logger } from '../log/logger';
import { teamsLocale, tenantOf } from './turn';
import { createTranslator } from '../i18n/i18n';

function authOptions(bot: AppConfig['bot']): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  switch (bot.mode) {
    case 'local':
      return {};
    case 'SingleTenant':
      return { MicrosoftAppId: bot.appId, MicrosoftAppPassword: bot.password, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: bot.tenantId };
    case 'UserAssignedMSI':
      return { MicrosoftAppId: bot.appId, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: bot.tenantId };
  }
}

export function botAppIdOf(bot: AppConfig['bot']): string {
  return bot.mode === 'local' ? '' : bot.appId;
}

type ClaimsIdentity = Authenticated['claimsIdentity'];
type ConnectorClient = Awaited<ReturnType<NonNullable<Authenticated['connectorFactory']>['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Who the clients act for: they are built from the token's audience and app id, and nothing else of the request. */
function callerKey(identity: ClaimsIdentity): string {
  return identity.claims
    .filter((c) => c.type === 'aud' || c.type === 'appid' || c.type === 'azp')
    .map((c) => `${c.type}=${c.value}`)
    .sort()
    .join('&');
}

/**
 * botbuilder builds a new ConnectorClient and UserTokenClient for every activity, a tenth of an
 * answer save's CPU. They hold no state of a turn (credentials fetch and cache their own tokens),
 * so the adapter keeps one per caller and service URL; a failed build is not kept.
 */
class KeptClients<T> {
  private readonly clients = new Map<string, Promise<T>>();
  constructor(private readonly max = 64) {}

  get(key: string, build: () => Promise<T>): Promise<T> {
    const kept = this.clients.get(key);
    if (kept) return kept;
    if (this.clients.size >= this.max) this.clients.delete(this.clients.keys().next().value!);
    const built = build();
    this.clients.set(key, built);
    built.catch(() => this.clients.delete(key));
    return built;
  }
}

export type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The teams-ai adapter with its two steps apart: authenticate the request, then run the turn.
 * The edge (server.ts) checks the activity in between and tells a rejected token (401) from a
 * failed turn, which the SDK's own `process` answers alike with a 500 and no log line of ours.
 */
export class EdgeAdapter extends TeamsAdapter {
  private readonly connectors = new KeptClients<ConnectorClient>();
  private readonly userTokenClients = new KeptClients<UserTokenClient>();

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
    const auth = this.botFrameworkAuthentication;
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (identity: ClaimsIdentity) => this.userTokenClients.get(callerKey(identity), () => createUserTokenClient(identity));
  }

  /** Validates the Bot Framework token against the activity; throws when it is not valid. */
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<Authenticated> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs the turn for an authenticated, checked activity; returns the invoke response, if any. */
  runTurn(auth: Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const factory = auth.connectorFactory;
    if (!factory) return this.processActivity(auth, activity, logic);
    const caller = callerKey(auth.claimsIdentity);
    const connectorFactory = { create: (serviceUrl: string, audience?: string) => this.connectors.get(`${caller}|${serviceUrl}|${audience ?? ''}`, () => factory.create(serviceUrl, audience)) };
    return this.processActivity({ ...auth, connectorFactory }, activity, logic);
  }
}

/**
 * A turn the app fails on purpose so that Teams delivers the same activity again. Teams sends a
 * conversationUpdate (people removed from a chat, the app removed) once and never again once the
 * app answered 200: a handler whose store work for it failed throws this, and the edge answers
 * 503 instead (server.ts). Only for handlers that are idempotent, as a redelivery runs them again.
 * `reason` is a fixed text that names no one: it is what the log says.
 */
export class TurnToRedeliver extends Error {
  override name = 'TurnToRedeliver';
  constructor(reason: string) {
    super(reason);
  }
}

/** The Bot Framework adapter and the teams-ai Application, with tenant checks and a last-resort error handler. */
export function createBotApp(config: AppConfig, logger: Logger): { adapter: EdgeAdapter; app: Application<TurnState> } {
  const adapter = new EdgeAdapter(authOptions(config.bot) as ConfigurationBotFrameworkAuthenticationOptions);
  const translator = createTranslator();
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Not swallowed: the turn's answer must be a failure, and nothing is said in the chat.
    if (error instanceof TurnToRedeliver) throw error;
    logger.error({ ...loggableError(error), stack: stackFrames(error), activityType: context.activity.type }, 'unhandled error in turn');
    if (context.activity.type === ActivityTypes.Message) {
      // In the language Teams gives the turn: the person's chosen one may be what could not be read.
      const t = translator.t(teamsLocale(context) ?? config.defaultLanguage);
      await context.sendActivity(t('error.unexpected')).catch(() => undefined);
    }
  };
  const app = new Application<TurnState>({
    adapter,
    botAppId: botAppIdOf(config.bot),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new TurnState(),
  });
  if (config.allowedTenantIds.length) {
    // Case-insensitive: tenant ids are GUIDs, and the setting's case need not be the one Teams sends.
    const allowed = new Set(config.allowedTenantIds.map(tenantKey));
    app.turn('beforeTurn', async (context) => {
      const tenant = tenantOf(context);
      if (tenant && allowed.has(tenantKey(tenant))) return true;
      logger.warn({ tenant: tenant ?? 'none' }, 'activity from a tenant that is not allowed; ignored');
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
      }
      return false;
    });
    // How many and from where, not which: the start-up log says the filter is on (ids stay in the settings).
    logger.info(
      { tenants: allowed.size, from: config.allowedTenantIdsFrom },
      config.allowedTenantIdsFrom === 'MICROSOFT_APP_TENANT_ID'
        ? 'tenant filter on: only the bot\'s own tenant (MICROSOFT_APP_TENANT_ID; set ALLOWED_TENANT_IDS to allow others)'
        : 'tenant filter on: only the tenants in ALLOWED_TENANT_IDS',
    );
  } else if (config.bot.mode !== 'local') {
    logger.info('tenant filter off: ALLOWED_TENANT_IDS is empty, activities from every tenant are handled (outside production only)');
  }
  return { adapter, app };
}
