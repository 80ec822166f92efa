import { ConfigError, parseConfig } from '../../src/config/config';

/** The start-up refusal's text, as src/index.ts prints it; fails the test if the settings are accepted. */
function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('accepted');
}

const SECRET = 'Q8x~TESTSECRETvalue.abcdefghij';
const BOT = { NODE_ENV: 'production', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', MICROSOFT_APP_PASSWORD: 'x'.repeat(40), COSMOS_ENDPOINT: 'https://lw.documents.azure.com:443/', REPORT_LINK_SECRET: 'abcdefghijklmnopqrstuvwxyz0123456789', POLL_HASH_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789', PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net' };

/**
 * "A refusal names the variable and the rule, never the value: it may sit next to a secret in the
 * log." zod's message for a setting with a fixed set of values quoted what it got: when two lines
 * of an App Service bulk edit or a .env run together, that is the next line's secret, printed to
 * the log stream at start-up. Found in review, stop 67.
 */
describe('a setting with a fixed set of values is refused without repeating the value', () => {
  it.each([
    ['MICROSOFT_APP_TYPE', `SingleTenant MICROSOFT_APP_PASSWORD=${SECRET}`, 'SingleTenant, UserAssignedMSI'],
    ['LOG_LEVEL', `info COSMOS_KEY=${SECRET}`, 'fatal, error, warn, info, debug, trace, silent'],
    ['COSMOS_EMBEDDED', `false REPORT_LINK_SECRET=${SECRET}`, 'true, false'],
    ['DEFAULT_LANGUAGE', `nl AZURE_OPENAI_API_KEY=${SECRET}`, 'nl, en'],
  ])('%s with the next line run into it: refused, naming the variable and its values, not the secret', (name, value, allowed) => {
    const message = refusal({ ...BOT, [name]: value });
    expect({ rule: message.includes(`${name}: must be one of: ${allowed}`), repeatsSecret: message.includes('TESTSECRET') }).toEqual({ rule: true, repeatsSecret: false });
  });
});

/**
 * NODE_ENV is such a line too, and every production rule names it: with the password's line run
 * into it and a production setting missing, the refusal printed `NODE_ENV=<the value as written>`.
 * Found in review, stop 67.
 */
describe('NODE_ENV with the next line run into it', () => {
  const nodeEnv = `production MICROSOFT_APP_PASSWORD=${SECRET}`;

  it.each([
    ['a missing production setting', { ...BOT, PUBLIC_BASE_URL: '' }, 'PUBLIC_BASE_URL: required with NODE_ENV set to neither development nor test'],
    ['local mode', {}, 'MICROSOFT_APP_ID: required with NODE_ENV set to neither development nor test'],
    ['a tenant that is no GUID', { ...BOT, MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com' }, 'MICROSOFT_APP_TENANT_ID: must be a tenant id'],
    ['a secret anyone can guess', { ...BOT, REPORT_LINK_SECRET: 'ab'.repeat(20) }, 'REPORT_LINK_SECRET: must be random with NODE_ENV set to neither development nor test'],
    ['a poll key anyone can guess', { ...BOT, POLL_HASH_KEY: 'ab'.repeat(20) }, 'POLL_HASH_KEY: must be random with NODE_ENV set to neither development nor test'],
  ])('%s: refused as production, naming the rule, not the secret', (_case, env, rule) => {
    const message = refusal({ ...env, NODE_ENV: nodeEnv });
    expect({ rule: message.includes(rule), repeatsSecret: message.includes('TESTSECRET') }).toEqual({ rule: true, repeatsSecret: false });
  });
});
