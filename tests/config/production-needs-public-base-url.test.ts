import { ConfigError, parseConfig } from '../../src/config/config';

/**
 * Found in review, stop 41. PUBLIC_BASE_URL is the base of the HR report's download links
 * (hr-report.feature.ts: `publicBaseUrl ?? http://localhost:<PORT>`). With NODE_ENV=production,
 * a deployment that did not set it (any host but the repo's Bicep: a container, a second slot, a
 * hand-made App Service) started without a word, and every HR report card then linked to
 * http://localhost:3978/..., which opens nothing on HR's machine; an explicit http://localhost
 * address slipped through the same way. Now production refuses both, like the other local-only
 * defaults (local mode, the embedded store), naming PUBLIC_BASE_URL; on a developer's machine the
 * localhost default stays.
 */
const production = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' /* a GUID: in production it is the tenant filter */,
  MICROSOFT_APP_TYPE: 'UserAssignedMSI',
  COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/',
  POLL_HASH_KEY: 'Jx1u0mWqfH3v8Zr2pLk5N7bTq9YcDe4A6sGh0iVw', // random-looking: production refuses a repeated character
  REPORT_LINK_SECRET: 'aR7kP2mX9qL4vT8nB1cY6wZ3eH5jU0dF2gS7tQ4',
};

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('NODE_ENV=production needs a public address for the HR report links', () => {
  it.each([
    ['not set', {}],
    ['empty', { PUBLIC_BASE_URL: ' ' }],
    ['a localhost address', { PUBLIC_BASE_URL: 'http://localhost:3978' }],
    ['a 127.0.0.1 address', { PUBLIC_BASE_URL: 'http://127.0.0.1:3978' }],
    ['a [::1] address', { PUBLIC_BASE_URL: 'https://[::1]:3978' }],
    // Found in review, stop 41 (closed in stop 42): the "any address" a server listens on is no
    // address a browser can open; HR's links to https://0.0.0.0/... led nowhere.
    ['a 0.0.0.0 address', { PUBLIC_BASE_URL: 'https://0.0.0.0:3978' }],
    ['a [::] address', { PUBLIC_BASE_URL: 'https://[::]' }],
  ])('PUBLIC_BASE_URL %s is a ConfigError naming PUBLIC_BASE_URL', (_what, extra) => {
    expect(problems({ ...production, ...extra })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: /)]);
  });

  it('the refusal names the production setting and what to set', () => {
    expect(problems(production)).toEqual([expect.stringContaining('required with NODE_ENV=production')]);
    expect(problems({ ...production, NODE_ENV: 'staging' })).toEqual([expect.stringContaining('with NODE_ENV set to neither development nor test ')]);
    expect(problems({ ...production, PUBLIC_BASE_URL: 'http://localhost:3978' })).toEqual([expect.stringContaining('must not be a localhost or 0.0.0.0 address with NODE_ENV=production')]);
    expect(problems(production)[0]).toContain('https://');
  });

  it('a plain-http public address gets one refusal, the https rule', () => {
    expect(problems({ ...production, PUBLIC_BASE_URL: 'http://app-lw.azurewebsites.net' })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: must be an https:\/\/ URL/)]);
  });

  it('a public https address is accepted, and without NODE_ENV the localhost default stays', () => {
    expect(problems({ ...production, PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net' })).toEqual([]);
    expect(parseConfig({}).publicBaseUrl).toBeUndefined();
    expect(parseConfig({ PUBLIC_BASE_URL: 'http://localhost:3978' }).publicBaseUrl).toBe('http://localhost:3978');
  });
});
