import { ConfigError, parseConfig } from '../../src/config/config';

const bot = { MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'ten', MICROSOFT_APP_TYPE: 'UserAssignedMSI' };
const realStore = { COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/', POLL_HASH_KEY: 'k'.repeat(40), REPORT_LINK_SECRET: 's'.repeat(40) };

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

/**
 * The production guard reads NODE_ENV case-insensitively, and fails closed: only development,
 * test or empty mean a developer's machine; anything else counts as production. Before, only the
 * exact `production` did, so `NODE_ENV=Production` (or `prod`, `staging`, a typo) silently ran
 * local mode: no bot authentication, the development sign-in, the in-memory store.
 *
 * Found in review, stop 38.
 */
describe('NODE_ENV: anything but development, test or empty counts as production', () => {
  it.each(['Production', 'PRODUCTION', 'prod', 'staging', 'productoin'])('NODE_ENV=%j refuses local mode and the embedded store, naming the value', (nodeEnv) => {
    const message = refusal({ NODE_ENV: nodeEnv });
    expect(message).toContain(`MICROSOFT_APP_ID: required with NODE_ENV=${nodeEnv} `);
    expect(message).toContain('COSMOS_ENDPOINT: required with NODE_ENV=');
    expect(message).toContain('anything but development, test or empty counts as production');
  });

  it('NODE_ENV=" production " (spaces around it) is production', () => {
    expect(refusal({ NODE_ENV: ' production ' })).toContain('MICROSOFT_APP_ID: required with NODE_ENV=production:');
  });

  it.each(['Production', 'staging'])('NODE_ENV=%s refuses the embedded store even when asked for, and ALLOW_LOCAL_MODE', (nodeEnv) => {
    expect(refusal({ NODE_ENV: nodeEnv, ...bot, COSMOS_EMBEDDED: 'true' })).toContain('COSMOS_EMBEDDED: not allowed with NODE_ENV=');
    expect(refusal({ NODE_ENV: nodeEnv, ...realStore, ALLOW_LOCAL_MODE: 'true' })).toContain('MICROSOFT_APP_ID: required with NODE_ENV=');
  });

  it('NODE_ENV=Production starts with bot authentication and Azure Cosmos DB, like production', () => {
    const c = parseConfig({ NODE_ENV: 'Production', ...bot, ...realStore });
    expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode }).toEqual({ bot: 'UserAssignedMSI', devSignIn: false, cosmos: 'azure' });
  });

  it.each(['', 'development', 'Development', 'test', 'TEST'])('NODE_ENV=%j is local development: local mode, dev sign-in, embedded store', (nodeEnv) => {
    const c = parseConfig({ NODE_ENV: nodeEnv });
    expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode }).toEqual({ bot: 'local', devSignIn: true, cosmos: 'embedded' });
  });
});
