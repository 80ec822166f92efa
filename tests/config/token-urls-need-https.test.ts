import { ConfigError, parseConfig } from '../../src/config/config';

/**
 * The https check of stop 38 covered PUBLIC_BASE_URL and AZURE_OPENAI_ENDPOINT only. The
 * tab's token signing keys (ENTRA_JWKS_URL), the sign-in authority they are derived from
 * (ENTRA_AUTHORITY) and Microsoft Graph (GRAPH_BASE_URL, which gets the bot's bearer token) are
 * still accepted over plain http on a public host: keys swapped on the way let anyone forge a tab
 * token for any user; a Graph token travels in clear text. Found in review of stop 38.
 */
function refused(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('URLs that carry or check tokens need https', () => {
  it.each([
    ['ENTRA_JWKS_URL', 'http://keys.example.com/discovery/v2.0/keys'],
    ['ENTRA_AUTHORITY', 'http://login.example.com'],
    ['GRAPH_BASE_URL', 'http://graph.example.com'],
  ])('%s over plain http on a public host is refused, naming the variable', (name, url) => {
    expect(refused({ [name]: url })).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });

});
