/**
 * Keeps the Azure infrastructure (infra/*.bicep) and the app's configuration (src/config/config.ts)
 * in step, by reading the Bicep files as text: there is no Bicep compiler here.
 *
 * - every variable the app reads is set in the Web App's app settings, or listed below in
 *   OPTIONAL_IN_AZURE with the reason it isn't;
 * - every app setting is one the app reads, or a platform name (AZURE_CLIENT_ID, WEBSITE_*, SCM_*);
 * - every Cosmos DB container the app uses exists in Bicep with the same partition key (with local
 *   auth disabled the app cannot create containers itself);
 * - every ${{NAME}} the deployment files use is defined in env/.env.dev.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_VARIABLES } from '../../src/config/config';
import { CONTAINERS } from '../../src/store/containers';
import { bicepFiles, stripBicepComments } from './bicep-text';

const ROOT = path.resolve(__dirname, '../..');
const INFRA = path.join(ROOT, 'infra');

/** App variables deliberately not set in Azure, and why. */
const OPTIONAL_IN_AZURE: Readonly<Record<string, string>> = {
  PORT: 'set by App Service itself (the container port the front end forwards to)',
  HOST: 'app default: with bot authentication the app listens on every interface, as App Service needs',
  ALLOW_LOCAL_MODE: 'never in Azure: local mode on a real database is for a developer\'s own Cosmos DB account',
  DEBUG: 'never in Azure: `true` makes the OpenAI SDK print its API key and prompts (the config refuses it with AI on)',
  COSMOS_KEY: 'not used: the app reaches Cosmos DB with its managed identity and local auth is disabled',
  COSMOS_EMBEDDED: 'never in Azure: the in-memory store loses everything at a restart; the app uses COSMOS_ENDPOINT there',
  AZURE_OPENAI_API_KEY: 'not used: the app calls Azure OpenAI with its managed identity and keys are disabled',
  AI_TIMEOUT_MS: 'app default (20 s) is right; set in the portal to tune',
  AI_MAX_RETRIES: 'app default (2) is right; set in the portal to tune',
  FRAMEWORK_FILE_NL: 'optional organisation-specific framework file; the built-in one is used otherwise',
  FRAMEWORK_FILE_EN: 'optional organisation-specific framework file; the built-in one is used otherwise',
  SCHEDULER_INTERVAL_MS: 'app default (15 s) is right; set in the portal to tune',
  SESSION_MINUTES: 'app default (60, the product\'s one-hour session)',
  WARNING_MINUTES: 'app default (10)',
  DECISION_QUORUM: 'app default (half of the members present); set in the portal to tune',
  RETENTION_GROUP_DAYS: 'in Azure Cosmos DB applies the container TTL (Bicep parameter retentionGroupDays); the app applies it only to the embedded store',
  RETENTION_PERSONAL_DAYS: 'in Azure Cosmos DB applies the container TTL (Bicep parameter retentionPersonalDays)',
  RETENTION_REVIEW_DAYS: 'in Azure Cosmos DB applies the container TTL (Bicep parameter retentionReviewDays)',
  RETENTION_POLL_DAYS: 'in Azure Cosmos DB applies the container TTL (Bicep parameter retentionPollDays)',
  RETENTION_OUTBOX_DAYS: 'in Azure Cosmos DB applies the container TTL (Bicep parameter retentionOutboxDays)',
  SESSION_REMINDER_MINUTES: 'app default (15)',
  HOLIDAY_REGION: 'app default (NL) suits a Dutch organisation; set in the portal for another region',
  ENTRA_AUTHORITY: 'app default (the public Entra cloud); set in the portal only for a sovereign cloud',
  ENTRA_JWKS_URL: 'derived from the authority and tenant; the override exists for tests with a local key server',
  DIRECTORY_FILE: 'local use only: in Azure the manager relations come from Microsoft Graph',
  REPORT_LINK_MINUTES: 'app default (15 minutes) is right; set in the portal to tune',
  LEARNING_HOURS_PER_WEEK: 'app default (4 hours per active week, the four one-hour sessions); set in the portal for the organisation\'s own grant',
  GRAPH_BASE_URL: 'the app uses https://graph.microsoft.com in Azure; only tests point it at a local fake',
  B3_REMINDER_POINTS: 'app default (halfway and one day before closing); set in the portal to tune',
  OUTBOX_TENANT_RPS: 'app default is Teams\' documented limit (50 per app per tenant)',
  OUTBOX_CONVERSATION_RPS: 'app default is Teams\' documented limit (7 per conversation)',
  OUTBOX_CONCURRENCY: 'app default (16) is right; set in the portal to tune',
};

/** Settings the platform or a library reads, not src/config/config.ts. */
const PLATFORM_NAMES = [/^AZURE_CLIENT_ID$/, /^WEBSITE_[A-Z0-9_]+$/, /^SCM_[A-Z0-9_]+$/];

/** Names of all `{ name: 'X' value: ... }` entries: the app-setting form used in web-app.bicep. */
function appSettingNames(bicepSource: string): string[] {
  const code = stripBicepComments(bicepSource);
  const names = new Set<string>();
  for (const m of code.matchAll(/\{\s*name:\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*,?\s*value:/g)) names.add(m[1]!);
  return [...names];
}

/** Compares the app's variables with the app settings; returns the problems (empty when in step). */
function compareSettings(
  configVariables: readonly string[],
  bicepSettings: readonly string[],
  optional: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  const config = new Set(configVariables);
  const settings = new Set(bicepSettings);
  for (const name of configVariables) {
    if (!settings.has(name) && !(name in optional)) {
      problems.push(`${name} is read by the app but neither set in infra/*.bicep nor listed in OPTIONAL_IN_AZURE`);
    }
  }
  for (const name of bicepSettings) {
    if (!config.has(name) && !PLATFORM_NAMES.some((p) => p.test(name))) {
      problems.push(`${name} is set in infra/*.bicep but the app does not read it (not in CONFIG_VARIABLES)`);
    }
  }
  for (const name of Object.keys(optional)) {
    if (!config.has(name)) problems.push(`OPTIONAL_IN_AZURE lists ${name}, which the app no longer reads`);
    if (!optional[name]?.trim()) problems.push(`OPTIONAL_IN_AZURE gives no reason for ${name}`);
  }
  return problems;
}

const allBicep = bicepFiles(INFRA)
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');
const settingsInBicep = appSettingNames(allBicep);

describe('Azure app settings and the app configuration', () => {
  it('finds the app settings in the Bicep files (the parser works)', () => {
    expect(settingsInBicep).toEqual(expect.arrayContaining(['MICROSOFT_APP_ID', 'COSMOS_ENDPOINT', 'AZURE_OPENAI_ENDPOINT', 'AZURE_CLIENT_ID']));
    expect(settingsInBicep.length).toBeGreaterThanOrEqual(12);
  });

  it('every variable the app reads is set in Azure or explicitly optional, and every setting is read', () => {
    expect(compareSettings(CONFIG_VARIABLES, settingsInBicep, OPTIONAL_IN_AZURE)).toEqual([]);
  });

  it('no variable is both set in Bicep and listed as optional', () => {
    const both = settingsInBicep.filter((n) => n in OPTIONAL_IN_AZURE);
    expect(both).toEqual([]);
  });

  it('sets no keys where the managed identity works; the bot secret only for a SingleTenant bot', () => {
    expect(settingsInBicep).not.toContain('COSMOS_KEY');
    expect(settingsInBicep).not.toContain('AZURE_OPENAI_API_KEY');
    const web = stripBicepComments(fs.readFileSync(path.join(INFRA, 'modules', 'web-app.bicep'), 'utf8'));
    expect(web).toMatch(/botMsaAppType == 'SingleTenant' \? concat\(appSettings, singleTenantSettings\) : appSettings/);
  });

  describe('the check can fail', () => {
    it('reports a variable the app reads that Azure does not set', () => {
      const problems = compareSettings([...CONFIG_VARIABLES, 'NEW_SETTING'], settingsInBicep, OPTIONAL_IN_AZURE);
      expect(problems).toEqual([expect.stringContaining('NEW_SETTING is read by the app')]);
    });

    it('reports an app setting the app does not read', () => {
      const problems = compareSettings(CONFIG_VARIABLES, [...settingsInBicep, 'TYPO_SETTING'], OPTIONAL_IN_AZURE);
      expect(problems).toEqual([expect.stringContaining('TYPO_SETTING is set in infra')]);
    });

    it('reports a stale optional entry', () => {
      const problems = compareSettings(CONFIG_VARIABLES, settingsInBicep, { ...OPTIONAL_IN_AZURE, GONE: 'was removed' });
      expect(problems).toEqual([expect.stringContaining('GONE')]);
    });

    it('ignores commented-out settings', () => {
      const src = "var s = [\n  // {\n  //   name: 'OLD'\n  //   value: 'x'\n  // }\n  {\n    name: 'NEW' // the new one\n    value: 'https://x/y'\n  }\n]";
      expect(appSettingNames(src)).toEqual(['NEW']);
    });
  });
});

describe('Cosmos DB containers', () => {
  /** `name: 'x'` directly followed by `partitionKey: '/y'` in the container list of cosmos.bicep. */
  function bicepContainers(): Map<string, string> {
    const code = stripBicepComments(fs.readFileSync(path.join(INFRA, 'modules', 'cosmos.bicep'), 'utf8'));
    const found = new Map<string, string>();
    for (const m of code.matchAll(/name:\s*'([A-Za-z0-9_-]+)'\s*,?\s*partitionKey:\s*'([^']+)'/g)) found.set(m[1]!, m[2]!);
    return found;
  }

  it('every container the app uses exists in Bicep with the same partition key', () => {
    const inBicep = bicepContainers();
    for (const c of Object.values(CONTAINERS)) {
      expect({ container: c.id, partitionKey: inBicep.get(c.id) }).toEqual({ container: c.id, partitionKey: c.partitionKey });
    }
  });

  it('has the containers the coming features need', () => {
    expect(Object.fromEntries(bicepContainers())).toEqual(
      expect.objectContaining({ polls: '/pollId', pollAnswers: '/pollId', outbox: '/id', personal: '/userId' }),
    );
  });
});

describe('deployment placeholders', () => {
  const envDev = fs.readFileSync(path.join(ROOT, 'env', '.env.dev'), 'utf8');
  const definedInEnvDev = new Set([...envDev.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]!));
  const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!))];

  it('every ${{NAME}} in infra/main.parameters.json is defined in env/.env.dev', () => {
    const used = placeholders(fs.readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8'));
    expect(used.filter((n) => !definedInEnvDev.has(n))).toEqual([]);
  });

  it('every ${{NAME}} in the app manifest is defined in env/.env.dev, or set by a script step of m365agents.yml', () => {
    const used = placeholders(fs.readFileSync(path.join(ROOT, 'appPackage', 'manifest.json'), 'utf8'));
    const yml = fs.readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8');
    // APP_VERSION comes from package.json through scripts/app-version.mjs (::set-teamsfx-env).
    const setByScript = yml.includes('node scripts/app-version.mjs') ? ['APP_VERSION'] : [];
    expect(used.filter((n) => !definedInEnvDev.has(n) && !setByScript.includes(n))).toEqual([]);
  });

  it('every parameter in main.parameters.json is declared in main.bicep', () => {
    const params = Object.keys((JSON.parse(fs.readFileSync(path.join(INFRA, 'main.parameters.json'), 'utf8')) as { parameters: object }).parameters);
    const main = stripBicepComments(fs.readFileSync(path.join(INFRA, 'main.bicep'), 'utf8'));
    const declared = new Set([...main.matchAll(/^param\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]!));
    expect(params.filter((p) => !declared.has(p))).toEqual([]);
  });

  it('main.bicep outputs what m365agents.yml and the manifest use', () => {
    const main = stripBicepComments(fs.readFileSync(path.join(INFRA, 'main.bicep'), 'utf8'));
    const outputs = new Set([...main.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]!));
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'COSMOS_ENDPOINT', 'AZURE_OPENAI_ENDPOINT']) {
      expect({ name, output: outputs.has(name) }).toEqual({ name, output: true });
    }
    const yml = fs.readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8');
    expect(yml).toContain('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(yml).toContain('./infra/main.bicep');
    expect(yml).toContain('./infra/main.parameters.json');
  });
});
