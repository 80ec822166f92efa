import { TeamsAdapter } from '../teams-ai';
import { AppConfig } from '../../config/config';
import { TokenProvider } from './bot-connector.client';

/** Public-cloud login endpoint for bot-to-channel tokens (botframework-connector's AuthenticationConstants). */
const TO_CHANNEL_FROM_BOT_LOGIN_URL = 'https://login.microsoftonline.com/botframework.com';

/**
 * Tokens for calls to the Bot Connector, from the adapter's own credentials factory (client
 * secret or managed identity, whichever the bot uses). Local mode (Agents Playground, tests)
 * calls without a token, as the adapter itself does.
 */
export function connectorTokenProvider(adapter: TeamsAdapter, bot: AppConfig['bot']): TokenProvider {
  if (bot.mode === 'local') return async () => undefined;
  let credentials: Promise<{ getToken?: (forceRefresh?: boolean) => Promise<string> }> | undefined;
  return async () => {
    credentials ??= adapter.credentialsFactory.createCredentials(bot.appId, undefined, TO_CHANNEL_FROM_BOT_LOGIN_URL, true) as Promise<{
      getToken?: (forceRefresh?: boolean) => Promise<string>;
    }>;
    const c = await credentials;
    if (!c.getToken) throw new Error('the bot credentials cannot issue connector tokens');
    return c.getToken();
  };
}
