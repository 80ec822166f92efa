import * as fs from 'fs';
import * as path from 'path';
import { parseConfig } from '../../src/config/config';

const ROOT = path.resolve(__dirname, '../..');

/** The `envs:` of the file/createOrUpdateEnvironmentFile step that targets ./.localConfigs. */
function localConfigsEnvs(): Record<string, string> {
  const yml = fs.readFileSync(path.join(ROOT, 'm365agents.local.yml'), 'utf8');
  const start = yml.indexOf('target: ./.localConfigs');
  expect(start).toBeGreaterThan(0);
  const lines = yml.slice(start).split('\n');
  const envsAt = lines.findIndex((l) => /^\s*envs:\s*$/.test(l));
  const indent = (lines[envsAt + 1]!.match(/^\s*/)?.[0] ?? '').length;
  const envs: Record<string, string> = {};
  for (const line of lines.slice(envsAt + 1)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const lead = (line.match(/^\s*/)?.[0] ?? '').length;
    if (lead < indent) break;
    const m = /^\s*([A-Z0-9_]+):\s*(.*)$/.exec(line);
    if (m) envs[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1');
  }
  return envs;
}

/**
 * Values the Agents Toolkit would put in for ${{NAME}}: the dev tunnel for BOT_ENDPOINT, nothing
 * for the optional AI settings (not set in env/.env.local), a stand-in id for the rest.
 */
function toolkitValue(name: string): string {
  if (name === 'BOT_ENDPOINT') return 'https://abc-3978.euw.devtunnels.ms';
  if (name.startsWith('AZURE_OPENAI_')) return '';
  return `${name.toLowerCase()}-value`;
}

function filledIn(envs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(envs).map(([k, v]) => [k, v.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => toolkitValue(name))]));
}

/**
 * The Agents Toolkit local run (`npm run dev:teamsfx`) starts the app with the .localConfigs that
 * m365agents.local.yml writes. That file provisions the tab's SSO app registration (aadApp/create ->
 * AAD_APP_CLIENT_ID) and the manifest declares it (webApplicationInfo.id), but .localConfigs lacked
 * TAB_AAD_CLIENT_ID: the app accepted no Entra token, and with MICROSOFT_APP_ID set there is no dev
 * sign-in either, so the personal tab had no sign-in at all.
 *
 * Found in review, stop 38.
 */
describe('the Agents Toolkit local run (.localConfigs)', () => {
  it('sets TAB_AAD_CLIENT_ID from the SSO app it provisions, so the personal tab can sign in', () => {
    const envs = localConfigsEnvs();
    expect(envs).toHaveProperty('MICROSOFT_APP_ID'); // the parser found the block
    expect(envs.TAB_AAD_CLIENT_ID).toBe('${{AAD_APP_CLIENT_ID}}');
  });

  it('with the values filled in, the app starts with bot authentication and the tab has its Entra sign-in', () => {
    const config = parseConfig(filledIn(localConfigsEnvs()));
    expect(config.bot.mode).toBe('SingleTenant');
    expect({ sso: config.verantwoording.sso.enabled, dev: config.verantwoording.devSignIn }).toEqual({ sso: true, dev: false });
    expect(config.verantwoording.sso).toMatchObject({ clientId: 'aad_app_client_id-value' });
  });
});
