import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, parseConfig } from '../../src/config/config';
import { bundleApp, spawnApp, stopApp } from '../telemetry/app-process';

jest.setTimeout(120_000);

/**
 * Found in review, stop 41. COSMOS_ENDPOINT is where the app sends every group's answers, notes
 * and names, with a signed request (COSMOS_KEY) or a managed-identity token, yet it was the one
 * endpoint not checked: plain http to a host on the network was accepted (all personal data in
 * clear text), and the host name without https:// (as the Azure portal shows it) passed the
 * config, after which the app died with "failed to start: Invalid URL" and exit 1.
 * Now it is checked like AZURE_OPENAI_ENDPOINT and PUBLIC_BASE_URL: https, plain http only on
 * this machine (the emulator), and anything else is a ConfigError naming COSMOS_ENDPOINT, which
 * the entry point turns into exit 78 (EX_CONFIG) with that name in its message.
 */
const production = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://app-lw.azurewebsites.net',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' /* a GUID: in production it is the tenant filter */,
  MICROSOFT_APP_TYPE: 'UserAssignedMSI',
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

describe('COSMOS_ENDPOINT is checked like every other endpoint', () => {
  it.each([
    ['plain http to a host on the network', 'http://lerend.documents.azure.com:443/'],
    ['the host name without a scheme (as the portal shows it)', 'lerend.documents.azure.com'],
    ['the host name and port without a scheme', 'lerend.documents.azure.com:443'],
    ['not a URL at all', 'lerend werken'],
  ])('%s is a ConfigError naming COSMOS_ENDPOINT', (_what, endpoint) => {
    expect(problems({ ...production, COSMOS_ENDPOINT: endpoint })).toEqual([expect.stringMatching(/^COSMOS_ENDPOINT: must be an https:\/\/ URL/)]);
  });

  it('the refusal does not repeat the value (it may sit next to a key in the log)', () => {
    expect(problems({ ...production, COSMOS_ENDPOINT: 'http://lerend.documents.azure.com:443/' }).join('\n')).not.toContain('lerend.documents');
  });

  it('https, and plain http on this machine (the emulator), stay accepted', () => {
    expect(problems({ ...production, COSMOS_ENDPOINT: 'https://lerend.documents.azure.com:443/' })).toEqual([]);
    // The emulator on a developer's machine; with NODE_ENV=production a loopback store is refused
    // (stop 50: tests/config/production-refuses-unsafe-settings.test.ts).
    const { NODE_ENV: _n, ...development } = production;
    expect(problems({ ...development, COSMOS_ENDPOINT: 'http://127.0.0.1:8081/' })).toEqual([]);
    expect(problems({ ...development, COSMOS_ENDPOINT: 'http://localhost:8081/' })).toEqual([]);
  });

  describe('the real entry point', () => {
    let entry: string;
    beforeAll(() => {
      entry = bundleApp('cosmos-endpoint-needs-https');
    });
    afterAll(() => {
      if (entry) rmSync(dirname(entry), { recursive: true, force: true });
    });

    it('a scheme-less COSMOS_ENDPOINT exits with EX_CONFIG (78) and names the variable', async () => {
      const app = spawnApp(entry, { ...production, PORT: '47913', COSMOS_ENDPOINT: 'lerend.documents.azure.com', COSMOS_KEY: 'a2V5' });
      // Bounded: an app that keeps running (connecting, retrying) is stopped after a minute.
      const code = await Promise.race([app.exited, new Promise<string>((r) => setTimeout(() => r('still running after 60 s'), 60_000).unref())]);
      await stopApp(app);
      expect({ code, namesTheVariable: app.output().includes('COSMOS_ENDPOINT'), output: app.output().split('\n').filter((l) => !l.startsWith('{')).join('\n').trim() }).toEqual({
        code: 78,
        namesTheVariable: true,
        output: expect.stringContaining('COSMOS_ENDPOINT: must be an https:// URL'),
      });
    });
  });
});
