import { rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config/config';
import { startTestApp, TestApp } from '../support/test-app';
import { bundleApp, spawnApp, stopApp } from '../telemetry/app-process';

jest.setTimeout(90_000);

/**
 * No unsafe default in production. Local mode (no MICROSOFT_APP_ID) has no bot authentication
 * and offers the development sign-in, which gives anyone a token for any user id: it must never
 * run on a real database by accident (a slot setting not copied, a typo), never with
 * NODE_ENV=production, and it listens on this machine only.
 */
const realStore = {
  COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/',
  POLL_HASH_KEY: 'Jx1u0mWqfH3v8Zr2pLk5N7bTq9YcDe4A6sGh0iVw', // random-looking: production refuses a repeated character
  REPORT_LINK_SECRET: 'aR7kP2mX9qL4vT8nB1cY6wZ3eH5jU0dF2gS7tQ4',
};
const bot = { MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' /* a GUID: in production it is the tenant filter */, MICROSOFT_APP_TYPE: 'UserAssignedMSI' };
/** Production also needs the app's public address, the base of the HR report links (production-needs-public-base-url.test.ts). */
const publicAddress = { PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net' };

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('production defaults', () => {
  describe('a real store without bot authentication', () => {
    it('refuses to start, naming MICROSOFT_APP_ID and the opt-in, also with NODE_ENV=production', () => {
      for (const env of [realStore, { ...realStore, NODE_ENV: 'production' }]) {
        const message = refusal(env);
        expect(message).toContain('MICROSOFT_APP_ID');
        expect(message).toContain('development sign-in');
      }
      expect(refusal(realStore)).toContain('ALLOW_LOCAL_MODE=true');
    });

    it('runs in local mode on a developer\'s own Cosmos DB account only when asked (ALLOW_LOCAL_MODE=true), on 127.0.0.1', () => {
      const c = parseConfig({ ...realStore, ALLOW_LOCAL_MODE: 'true' });
      expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode, host: c.host }).toEqual({ bot: 'local', devSignIn: true, cosmos: 'azure', host: '127.0.0.1' });
    });

    it('the opt-in does not hold in production', () => {
      expect(refusal({ ...realStore, ALLOW_LOCAL_MODE: 'true', NODE_ENV: 'production' })).toContain('NODE_ENV=production');
    });

    it('with bot authentication needs no opt-in and offers no development sign-in', () => {
      const c = parseConfig({ ...realStore, ...bot });
      expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode, host: c.host }).toEqual({ bot: 'UserAssignedMSI', devSignIn: false, cosmos: 'azure', host: undefined });
    });
  });

  describe('NODE_ENV=production', () => {
    it('with nothing else set refuses local mode and the embedded store, naming both settings', () => {
      const message = refusal({ NODE_ENV: 'production' });
      expect(message).toContain('MICROSOFT_APP_ID: required with NODE_ENV=production');
      expect(message).toContain('COSMOS_ENDPOINT: required with NODE_ENV=production');
    });

    it('refuses the embedded store even when asked for (COSMOS_EMBEDDED=true)', () => {
      expect(refusal({ NODE_ENV: 'production', ...bot, COSMOS_EMBEDDED: 'true' })).toContain('COSMOS_EMBEDDED: not allowed with NODE_ENV=production');
      expect(refusal({ NODE_ENV: 'production', ...bot })).not.toContain('COSMOS_EMBEDDED=true');
    });

    it('starts with bot authentication and Azure Cosmos DB', () => {
      const c = parseConfig({ NODE_ENV: 'production', ...bot, ...realStore, ...publicAddress });
      expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode }).toEqual({ bot: 'UserAssignedMSI', devSignIn: false, cosmos: 'azure' });
    });
  });

  describe('local mode for development is unchanged', () => {
    it('with nothing set (npm run dev, the Playground) or NODE_ENV=development: local bot, dev sign-in, embedded store, 127.0.0.1', () => {
      for (const env of [{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }]) {
        const c = parseConfig(env);
        expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode, host: c.host }).toEqual({ bot: 'local', devSignIn: true, cosmos: 'embedded', host: '127.0.0.1' });
      }
    });

    it('HOST overrides the address, in either mode', () => {
      expect(parseConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(parseConfig({ ...bot, ...realStore, HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    });
  });

  describe('the real entry point', () => {
    let entry: string;
    beforeAll(() => {
      entry = bundleApp('production-defaults');
    });
    afterAll(() => {
      if (entry) rmSync(dirname(entry), { recursive: true, force: true });
    });

    it.each([
      ['a real store without MICROSOFT_APP_ID', realStore],
      ['NODE_ENV=production alone', { NODE_ENV: 'production' }],
    ])('exits at once with EX_CONFIG (78) and names what to set: %s', async (_what, env) => {
      const app = spawnApp(entry, { PORT: '0', ...env });
      const code = await app.exited;
      expect({ code, names: app.output().includes('MICROSOFT_APP_ID') }).toEqual({ code: 78, names: true });
      expect(app.output()).not.toContain('is listening');
      await stopApp(app);
    });
  });

  describe('where local mode listens', () => {
    // An address of this machine that is not loopback, where there is one: what a colleague on the
    // same network would connect to.
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && !a.internal && a.family === 'IPv4')?.address;
    let local: TestApp | undefined;
    let authenticated: TestApp | undefined;
    afterEach(async () => {
      await local?.stop();
      await authenticated?.stop();
      local = authenticated = undefined;
    });

    it('local mode answers on 127.0.0.1 only; with bot authentication on every interface', async () => {
      local = await startTestApp();
      const port = new URL(local.app.url).port;
      expect((await fetch(`${local.app.url}/healthz`)).status).toBe(200);
      expect(local.logs.join('')).toContain('"host":"127.0.0.1"');
      if (outside) {
        const refused = await fetch(`http://${outside}:${port}/healthz`).then(() => 'answered', (err: Error & { cause?: { code?: string } }) => err.cause?.code);
        expect(refused).toBe('ECONNREFUSED');
      }
      // The dev sign-in exists there (the Playground's tab), and only there.
      expect((await fetch(`${local.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) })).status).toBe(200);

      authenticated = await startTestApp({ ...bot });
      expect(authenticated.logs.join('')).toContain('"host":"all interfaces"');
      if (outside) expect((await fetch(`http://${outside}:${new URL(authenticated.app.url).port}/healthz`)).status).toBe(200);
      expect((await fetch(`${authenticated.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) })).status).toBe(404);
    });
  });
});

/**
 * The production guard reads NODE_ENV case-insensitively, and fails closed: only development,
 * test or empty mean a developer's machine; anything else counts as production. Before, only the
 * exact `production` did, so `NODE_ENV=Production` (or `prod`, `staging`, a typo) silently ran
 * local mode: no bot authentication, the development sign-in, the in-memory store.
 *
 * Found in review, stop 38.
 */
describe('NODE_ENV: anything but development, test or empty counts as production', () => {
  // Not naming the value: it may hold the next line's secret (refusals-never-repeat-a-value.test.ts).
  it.each(['Production', 'PRODUCTION', 'prod', 'staging', 'productoin'])('NODE_ENV=%j refuses local mode and the embedded store, naming the rule', (nodeEnv) => {
    const message = refusal({ NODE_ENV: nodeEnv });
    expect(message).toContain('MICROSOFT_APP_ID: required with NODE_ENV set to neither development nor test ');
    expect(message).toContain('COSMOS_ENDPOINT: required with NODE_ENV set to neither development nor test ');
    expect(message).toContain('anything but development, test or empty counts as production');
  });

  it('NODE_ENV=" production " (spaces around it) is production', () => {
    expect(refusal({ NODE_ENV: ' production ' })).toContain('MICROSOFT_APP_ID: required with NODE_ENV=production:');
  });

  it.each(['Production', 'staging'])('NODE_ENV=%s refuses the embedded store even when asked for, and ALLOW_LOCAL_MODE', (nodeEnv) => {
    expect(refusal({ NODE_ENV: nodeEnv, ...bot, COSMOS_EMBEDDED: 'true' })).toContain('COSMOS_EMBEDDED: not allowed with NODE_ENV set to neither development nor test ');
    expect(refusal({ NODE_ENV: nodeEnv, ...realStore, ALLOW_LOCAL_MODE: 'true' })).toContain('MICROSOFT_APP_ID: required with NODE_ENV set to neither development nor test ');
  });

  it('NODE_ENV=Production starts with bot authentication and Azure Cosmos DB, like production', () => {
    const c = parseConfig({ NODE_ENV: 'Production', ...bot, ...realStore, ...publicAddress });
    expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode }).toEqual({ bot: 'UserAssignedMSI', devSignIn: false, cosmos: 'azure' });
  });

  it.each(['', 'development', 'Development', 'test', 'TEST'])('NODE_ENV=%j is local development: local mode, dev sign-in, embedded store', (nodeEnv) => {
    const c = parseConfig({ NODE_ENV: nodeEnv });
    expect({ bot: c.bot.mode, devSignIn: c.verantwoording.devSignIn, cosmos: c.cosmos.mode }).toEqual({ bot: 'local', devSignIn: true, cosmos: 'embedded' });
  });
});
