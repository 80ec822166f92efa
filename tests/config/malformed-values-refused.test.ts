import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config/config';
import { bundleApp, spawnApp, stopApp } from '../telemetry/app-process';

jest.setTimeout(90_000);

const AI = { AZURE_OPENAI_ENDPOINT: 'https://lw-oai.openai.azure.com', AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini' };

/** The ConfigError's problems for this environment; fails the test if it is accepted or throws anything else. */
function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

/**
 * Malformed values stop the app at start-up with a ConfigError that names the variable. They were
 * accepted: PORT=99999 crashed later inside listen(), an AZURE_OPENAI_ENDPOINT without https://
 * reported AI as on and failed at the first call, one over plain http would send the API key or
 * bearer token in clear text, and a PUBLIC_BASE_URL that is not a URL broke the HR report links and
 * the tab's token audience. Plain http stays allowed on loopback hosts (the tests' fake servers).
 *
 * Found in review, stop 38.
 */
describe('malformed values are refused at start-up', () => {
  it.each(['0', '65536', '99999', '-1', '80.5'])('PORT=%s (outside 1-65535, or not whole) is a ConfigError naming PORT', (port) => {
    expect(problems({ PORT: port })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it('PORT=1 and PORT=65535 are accepted', () => {
    expect([parseConfig({ PORT: '1' }).port, parseConfig({ PORT: '65535' }).port]).toEqual([1, 65535]);
  });

  it.each([
    ['a bare host name', 'lw-oai.openai.azure.com'],
    ['plain http', 'http://lw-oai.openai.azure.com'],
    ['another scheme', 'ftp://lw-oai.openai.azure.com'],
    ['http on a host that only starts like loopback', 'http://127.0.0.1.example.com'],
  ])('AZURE_OPENAI_ENDPOINT as %s is refused, naming the variable', (_what, endpoint) => {
    expect(problems({ ...AI, AZURE_OPENAI_ENDPOINT: endpoint })).toEqual([expect.stringMatching(/^AZURE_OPENAI_ENDPOINT: must be an https:\/\/ URL/)]);
  });

  it.each(['http://127.0.0.1:4567', 'http://localhost:4567/', 'http://[::1]:4567'])('AZURE_OPENAI_ENDPOINT=%s (loopback, a local fake) is accepted', (endpoint) => {
    const ai = parseConfig({ ...AI, AZURE_OPENAI_ENDPOINT: endpoint }).ai;
    expect(ai.enabled && ai.endpoint).toBe(endpoint);
  });

  it.each([
    ['not a URL', 'app-lw-prod.azurewebsites.net'],
    ['plain http on a public host', 'http://app-lw-prod.azurewebsites.net'],
  ])('PUBLIC_BASE_URL %s is refused, naming the variable', (_what, url) => {
    expect(problems({ PUBLIC_BASE_URL: url })).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL: must be an https:\/\/ URL/)]);
  });

  it('PUBLIC_BASE_URL over https, or http on this machine, is accepted', () => {
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://app-lw-prod.azurewebsites.net' }).publicBaseUrl).toBe('https://app-lw-prod.azurewebsites.net');
    expect(parseConfig({ PUBLIC_BASE_URL: 'http://localhost:3978' }).publicBaseUrl).toBe('http://localhost:3978');
  });

  it('the message never repeats the value, which may carry a secret', () => {
    const secret = 'sk-MRKSECRET0123456789';
    const message = [
      ...problems({ ...AI, AZURE_OPENAI_API_KEY: secret, AZURE_OPENAI_ENDPOINT: `http://user:${secret}@lw-oai.openai.azure.com` }),
      ...problems({ PUBLIC_BASE_URL: `app-lw.azurewebsites.net/?token=${secret}` }),
      ...problems({ PORT: secret }),
    ].join('\n');
    expect(message).toMatch(/AZURE_OPENAI_ENDPOINT.*\n.*PUBLIC_BASE_URL.*\n.*PORT/);
    expect(message).not.toContain('MRKSECRET');
  });

  describe('the real entry point', () => {
    let entry: string;
    beforeAll(() => {
      entry = bundleApp('malformed-values');
    });
    afterAll(() => {
      if (entry) rmSync(dirname(entry), { recursive: true, force: true });
    });

    it.each([
      ['PORT=99999', { PORT: '99999' }, 'PORT'],
      ['AZURE_OPENAI_ENDPOINT over plain http', { ...AI, AZURE_OPENAI_ENDPOINT: 'http://lw-oai.openai.azure.com' }, 'AZURE_OPENAI_ENDPOINT'],
    ])('%s exits at once with EX_CONFIG (78), like every configuration error', async (_what, env, name) => {
      const app = spawnApp(entry, env);
      const code = await app.exited;
      expect({ code, names: app.output().includes(name) }).toEqual({ code: 78, names: true });
      expect(app.output()).not.toContain('is listening');
      await stopApp(app);
    });
  });
});
