import { Activity, ActivityTypes, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions, InvokeResponse, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { tenantOf } from './turn';

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

export type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The teams-ai adapter with its two steps apart: authenticate the request, then run the turn.
 * The edge (server.ts) checks the activity in between and tells a rejected token (401) from a
 * failed turn, which the SDK's own `process` answers alike with a 500 and no log line of ours.
 */
export class EdgeAdapter extends TeamsAdapter {
  /** Validates the Bot Framework token against the activity; throws when it is not valid. */
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<Authenticated> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs the turn for an authenticated, checked activity; returns the invoke response, if any. */
  runTurn(auth: Authenticated, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/** The Bot Framework adapter and the teams-ai Application, with tenant checks and a last-resort error handler. */
export function createBotApp(config: AppConfig, logger: Logger): { adapter: EdgeAdapter; app: Application<TurnState> } {
  const adapter = new EdgeAdapter(authOptions(config.bot) as ConfigurationBotFrameworkAuthenticationOptions);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error.message, stack: error.stack, activityType: context.activity.type }, 'unhandled error in turn');
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity('Er ging iets mis aan onze kant. Probeer het zo nog eens. / Something went wrong on our side. Please try again shortly.').catch(() => undefined);
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
    const allowed = new Set(config.allowedTenantIds);
    app.turn('beforeTurn', async (context) => {
      const tenant = tenantOf(context);
      if (tenant && allowed.has(tenant)) return true;
      logger.warn({ tenant: tenant ?? 'none' }, 'activity from a tenant that is not allowed; ignored');
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
      }
      return false;
    });
  }
  return { adapter, app };
}
