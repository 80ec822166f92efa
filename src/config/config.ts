import { IANAZone } from 'luxon';
import { z } from 'zod';
import { countsAsProduction, csv, flag, hasTooLittleVariety, isTenantGuid, isUnreachableUrl, notATenantGuid, optionalText, port, positiveInt, productionSetting, secureUrl, tenantKey, tooLittleVariety, withoutEmptyValues } from './env-rules';
import { learningTimeConfig, learningTimeEnv } from './features/learning-time.env';
import { pulsePollConfig, pulsePollEnv } from './features/pulse-poll.env';
import { rhythmConfig, rhythmEnv } from './features/rhythm.env';
import { talentReviewConfig, talentReviewEnv } from './features/talent-review.env';
import { verantwoordingConfig, verantwoordingEnv } from './features/verantwoording.env';
import { weekCycleConfig, weekCycleEnv } from './features/week-cycle.env';
import { retentionConfig, retentionEnv } from './features/retention.env';

/**
 * Every environment variable the app reads, with its rule. This is the only place that
 * touches `process.env` (see `loadConfig`); `.env.example` and the Bicep app settings document
 * the same names, and a test keeps the three in step.
 */
const envObject = z.object({
  PORT: port(3978),
  HOST: optionalText,
  NODE_ENV: optionalText,
  ALLOW_LOCAL_MODE: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Not the app's own switch: read so that `true`, which makes the OpenAI SDK print secrets, is refused.
  DEBUG: optionalText,
  PUBLIC_BASE_URL: secureUrl('https://app-lw.azurewebsites.net'),

  MICROSOFT_APP_ID: optionalText,
  // No MultiTenant: the app serves one organisation (its tenant, or the ALLOWED_TENANT_IDS list).
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  ALLOWED_TENANT_IDS: csv,

  // Every group's answers, notes and names travel to this address, with a key or a token: https,
  // plain http only for the emulator on this machine. Checked here, so that a host name without
  // https:// (as the Azure portal shows it) is refused with its name, not by a crash at the first connect.
  COSMOS_ENDPOINT: secureUrl('https://<account>.documents.azure.com:443/'),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().min(1).default('lerendwerken'),
  COSMOS_EMBEDDED: flag,

  AZURE_OPENAI_ENDPOINT: secureUrl('https://<resource>.openai.azure.com'),
  AZURE_OPENAI_API_KEY: optionalText,
  AZURE_OPENAI_DEPLOYMENT: optionalText,
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  AI_TIMEOUT_MS: positiveInt(20000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),

  FRAMEWORK_FILE_NL: optionalText,
  FRAMEWORK_FILE_EN: optionalText,
  DEFAULT_LANGUAGE: z.enum(['nl', 'en']).default('nl'),
  ORG_TIME_ZONE: z
    .string()
    .default('Europe/Amsterdam')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone, such as Europe/Amsterdam')
    // The zone's canonical spelling (europe/amsterdam -> Europe/Amsterdam), as the cards offer it.
    .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone),

  SCHEDULER_INTERVAL_MS: positiveInt(15000),
  SESSION_MINUTES: positiveInt(60),
  WARNING_MINUTES: positiveInt(10),

  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,

  ...weekCycleEnv,
  ...retentionEnv,
  ...verantwoordingEnv,
  ...pulsePollEnv,
  ...talentReviewEnv,
  ...rhythmEnv,
  ...learningTimeEnv,
});

export const envSchema = z
  // Empty values are dropped first, so they take the defaults: README, "Empty means not set".
  .preprocess(withoutEmptyValues, envObject)
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'required when MICROSOFT_APP_ID is set (single-tenant and managed-identity bots)' });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'required for a SingleTenant bot; use MICROSOFT_APP_TYPE=UserAssignedMSI for a managed identity' });
    }
    const ai = [env.AZURE_OPENAI_ENDPOINT, env.AZURE_OPENAI_DEPLOYMENT];
    if (ai.some(Boolean) && !ai.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['AZURE_OPENAI_DEPLOYMENT'], message: 'set both AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT, or neither to run without AI' });
    }
    const production = countsAsProduction(env.NODE_ENV);
    const productionSet = productionSetting(env.NODE_ENV);
    // Local mode (no MICROSOFT_APP_ID) has no bot authentication and offers the development sign-in,
    // which gives anyone who reaches the app a token for any user id: never in production, and on a
    // real database only when a developer asks for it (their own Cosmos DB account).
    if (!env.MICROSOFT_APP_ID && production) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message: `required with ${productionSet}: without it the app would run in local mode, without bot authentication and with the development sign-in (anyone could act as any user). Set MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID (and MICROSOFT_APP_PASSWORD for a SingleTenant bot); local mode is for development only (unset NODE_ENV)`,
      });
    } else if (!env.MICROSOFT_APP_ID && env.COSMOS_ENDPOINT && !env.ALLOW_LOCAL_MODE) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message:
          'required with COSMOS_ENDPOINT: without it the app would run in local mode, without bot authentication and with the development sign-in (anyone could act as any user), on that database. Set MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID (and MICROSOFT_APP_PASSWORD for a SingleTenant bot); or, only for a developer\'s own Cosmos DB account, ALLOW_LOCAL_MODE=true',
      });
    }
    // The tenant filter compares the settings with the tenant id Teams sends (a lower-case GUID):
    // a domain name or a placeholder there would make the bot ignore its own organisation, after
    // logging that the filter is on. Refused at start-up instead, naming the variable, not the value.
    if (production && env.ALLOWED_TENANT_IDS.length) {
      const wrong = env.ALLOWED_TENANT_IDS.filter((id) => !isTenantGuid(id)).length;
      if (wrong) ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANT_IDS'], message: notATenantGuid(env.NODE_ENV, `every entry is compared with the tenant of each activity (${wrong} of ${env.ALLOWED_TENANT_IDS.length} ${wrong === 1 ? 'is' : 'are'} not)`) });
    } else if (production && env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TENANT_ID && !isTenantGuid(env.MICROSOFT_APP_TENANT_ID)) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: notATenantGuid(env.NODE_ENV, 'without ALLOWED_TENANT_IDS it is the tenant filter (the only tenant whose activities the bot handles)') });
    }
    // The tab accepts tokens whose issuer names the tenant's GUID: any other spelling refuses every sign-in.
    const tabTenant = env.TAB_AAD_TENANT_ID ? 'TAB_AAD_TENANT_ID' : 'MICROSOFT_APP_TENANT_ID';
    const tabTenantValue = env.TAB_AAD_TENANT_ID ?? env.MICROSOFT_APP_TENANT_ID;
    const alreadyRefused = tabTenant === 'MICROSOFT_APP_TENANT_ID' && !env.ALLOWED_TENANT_IDS.length && Boolean(env.MICROSOFT_APP_ID);
    if (production && env.TAB_AAD_CLIENT_ID && tabTenantValue && !isTenantGuid(tabTenantValue) && !alreadyRefused) {
      ctx.addIssue({ code: 'custom', path: [tabTenant], message: notATenantGuid(env.NODE_ENV, 'it is the tenant of the personal tab\'s sign-in (TAB_AAD_CLIENT_ID is set)') });
    }
    // The HR report's download links are built on PUBLIC_BASE_URL, with http://localhost:<PORT> as
    // the development default: in production that would send HR to a link that opens nothing.
    if (production && (!env.PUBLIC_BASE_URL || isUnreachableUrl(env.PUBLIC_BASE_URL))) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message: `${env.PUBLIC_BASE_URL ? 'must not be a localhost or 0.0.0.0 address' : 'required'} with ${productionSet}: it is the base of the HR report download links, which would otherwise lead to localhost on HR's own machine. Set the app's public https:// address, such as https://app-lw.azurewebsites.net`,
      });
    }
    // A loopback or "any" address in production is a leftover of a test or a developer's machine:
    // whatever answers there would get the data (or, for Graph, be called without a token and
    // decide who is HR and who manages whom; for the authority, hand out the tab's signing keys).
    const endpoints = {
      COSMOS_ENDPOINT: 'every group\'s answers, notes and names are stored there',
      AZURE_OPENAI_ENDPOINT: 'the group\'s answers are sent there to be summarised',
      GRAPH_BASE_URL: 'a loopback Graph is called without a token (the tests\' fake), and its answers decide who is HR and who manages whom',
      ENTRA_AUTHORITY: 'the tab trusts the signing keys found there',
    } as const;
    for (const [name, why] of Object.entries(endpoints) as [keyof typeof endpoints, string][]) {
      const url = env[name];
      if (production && url && isUnreachableUrl(url)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `must not be a localhost, 127.x, [::1] or 0.0.0.0 address with ${productionSet}: ${why}. Set the service's public https:// address, or leave it empty for the default` });
      }
    }
    if (production && env.ENTRA_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENTRA_JWKS_URL'],
        message: `not allowed with ${productionSet}: it is for tests only (a local key server); the tab would trust any token signed by whatever keys answer there. Leave it empty: the keys are read from ENTRA_AUTHORITY`,
      });
    }
    if (production && env.COSMOS_EMBEDDED) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_EMBEDDED'], message: `not allowed with ${productionSet}: the in-memory embedded store loses everything at a restart. Set COSMOS_ENDPOINT (Azure Cosmos DB)` });
    } else if (!env.COSMOS_ENDPOINT && !env.COSMOS_EMBEDDED && (production || env.MICROSOFT_APP_ID)) {
      ctx.addIssue({
        code: 'custom',
        path: ['COSMOS_ENDPOINT'],
        message: production
          ? `required with ${productionSet}: without it the app would run on the in-memory embedded store, and every group, session and answer would be lost at the next restart`
          : 'required with bot authentication (MICROSOFT_APP_ID): without it the app would run on the in-memory embedded store, and every group, session and answer would be lost at the next restart. Set COSMOS_EMBEDDED=true to run on the embedded store anyway (a demo)',
      });
    }
    if (env.COSMOS_EMBEDDED && env.COSMOS_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_EMBEDDED'], message: 'set either COSMOS_ENDPOINT (Azure Cosmos DB) or COSMOS_EMBEDDED=true (in memory), not both' });
    }
    if (env.COSMOS_ENDPOINT && !env.REPORT_LINK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['REPORT_LINK_SECRET'], message: 'required with COSMOS_ENDPOINT, so every app instance accepts the HR report links the others sign (32+ random characters)' });
    }
    if (env.REPORT_LINK_SECRET && env.REPORT_LINK_SECRET.length < 32) {
      ctx.addIssue({ code: 'custom', path: ['REPORT_LINK_SECRET'], message: 'must be at least 32 characters' });
    } else if (production && env.REPORT_LINK_SECRET && hasTooLittleVariety(env.REPORT_LINK_SECRET)) {
      // Whoever guesses it signs HR report links (every group's figures) for themselves.
      ctx.addIssue({ code: 'custom', path: ['REPORT_LINK_SECRET'], message: tooLittleVariety(env.NODE_ENV) });
    }
    if (env.DEBUG === 'true' && env.AZURE_OPENAI_ENDPOINT) {
      // The openai package console.logs every request (its api-key header, the prompt with the
      // group's answers) under DEBUG=true, past the logger and its redaction.
      ctx.addIssue({ code: 'custom', path: ['DEBUG'], message: 'must not be true while AZURE_OPENAI_ENDPOINT is set: the OpenAI SDK would then print the API key and every prompt (the group\'s answers) to the log. Use LOG_LEVEL=debug' });
    }
    if (env.WARNING_MINUTES >= env.SESSION_MINUTES) {
      ctx.addIssue({ code: 'custom', path: ['WARNING_MINUTES'], message: 'must be shorter than SESSION_MINUTES' });
    }
  });

/** The names of every variable the app reads, for documentation checks. */
export const CONFIG_VARIABLES = Object.keys(envObject.shape) as (keyof z.infer<typeof envSchema>)[];

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  port: number;
  /**
   * The address the HTTP server listens on: HOST, else 127.0.0.1 in local mode (no bot
   * authentication: only this machine may reach it), else every interface (App Service).
   */
  host?: string;
  logLevel: Env['LOG_LEVEL'];
  publicBaseUrl?: string;
  bot:
    | { mode: 'local' }
    | { mode: 'SingleTenant'; appId: string; tenantId: string; password: string }
    | { mode: 'UserAssignedMSI'; appId: string; tenantId: string };
  /**
   * The tenants whose activities the bot handles, in lower case (compare with `tenantKey`); empty:
   * every tenant's. In production a bot with an identity that names no list serves its own tenant
   * only (see `allowedTenantIdsOf`).
   */
  allowedTenantIds: string[];
  /** Where that list came from, for the start-up log: the setting, the bot's own tenant by default, or none (every tenant). */
  allowedTenantIdsFrom: 'ALLOWED_TENANT_IDS' | 'MICROSOFT_APP_TENANT_ID' | 'none';
  /**
   * The tenant whose directory the app lists (MICROSOFT_APP_TENANT_ID, lower case): Microsoft Graph
   * answers the app's own identity for its own tenant only, so its listings (managers, HR_GROUP_ID's
   * members) are that tenant's people, never another served tenant's. Absent: a local set-up.
   */
  directoryTenantId?: string;
  cosmos:
    | { mode: 'embedded'; database: string }
    | { mode: 'azure'; endpoint: string; key?: string; database: string };
  ai:
    | { enabled: false }
    | { enabled: true; endpoint: string; apiKey?: string; deployment: string; apiVersion: string; timeoutMs: number; maxRetries: number };
  framework: { nl?: string; en?: string };
  defaultLanguage: 'nl' | 'en';
  /** The organisation's IANA time zone: for dates and times where no group or person chose a zone. */
  orgTimeZone: string;
  scheduler: { intervalMs: number };
  session: { minutes: number; warningMinutes: number };
  weekCycle: ReturnType<typeof weekCycleConfig>;
  retention: ReturnType<typeof retentionConfig>;
  telemetry: { connectionString?: string };
  verantwoording: ReturnType<typeof verantwoordingConfig>;
  pulsePoll: ReturnType<typeof pulsePollConfig>;
  talentReview: ReturnType<typeof talentReviewConfig>;
  rhythm: ReturnType<typeof rhythmConfig>;
  learningTime: ReturnType<typeof learningTimeConfig>;
}

/** Raised when the environment is incomplete or malformed; the message says what to set. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid. Set or fix:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/**
 * Whose activities the bot handles. ALLOWED_TENANT_IDS when set (several tenants, or another
 * one). Else, in production with a bot identity, the bot's own tenant: a registration is
 * SingleTenant or a managed identity (MultiTenant is refused above), and the tab's sign-on accepts
 * only that tenant too, so answering every tenant's activities by default would let a stranger's
 * tenant into the groups' sessions, polls and HR report. Outside production (the tests, a
 * developer's bot) the list stays as set: empty is every tenant.
 */
function allowedTenantIdsOf(env: Env): Pick<AppConfig, 'allowedTenantIds' | 'allowedTenantIdsFrom'> {
  // In lower case (`tenantKey`), as Teams sends the tenant id: a GUID copied in upper case is the same tenant.
  if (env.ALLOWED_TENANT_IDS.length) return { allowedTenantIds: [...new Set(env.ALLOWED_TENANT_IDS.map(tenantKey))], allowedTenantIdsFrom: 'ALLOWED_TENANT_IDS' };
  if (countsAsProduction(env.NODE_ENV) && env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TENANT_ID) {
    return { allowedTenantIds: [tenantKey(env.MICROSOFT_APP_TENANT_ID)], allowedTenantIdsFrom: 'MICROSOFT_APP_TENANT_ID' };
  }
  return { allowedTenantIds: [], allowedTenantIdsFrom: 'none' };
}

/**
 * What a refusal says about a value: the rule, never the value. zod's own enum message ends in
 * `received '<value>'`, and when two lines of a bulk edit run together that value holds the next
 * line's secret, which the start-up refusal would print to the log stream.
 */
function ruleOf(issue: z.ZodIssue): string {
  if (issue.code === z.ZodIssueCode.invalid_enum_value) return `must be one of: ${issue.options.filter((o) => o !== '').join(', ')}`;
  return issue.message;
}

export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${ruleOf(i)}`));
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST ?? (env.MICROSOFT_APP_ID ? undefined : '127.0.0.1'),
    logLevel: env.LOG_LEVEL,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    bot: !env.MICROSOFT_APP_ID
      ? { mode: 'local' }
      : env.MICROSOFT_APP_TYPE === 'UserAssignedMSI'
        ? { mode: 'UserAssignedMSI', appId: env.MICROSOFT_APP_ID, tenantId: env.MICROSOFT_APP_TENANT_ID! }
        : { mode: 'SingleTenant', appId: env.MICROSOFT_APP_ID, tenantId: env.MICROSOFT_APP_TENANT_ID!, password: env.MICROSOFT_APP_PASSWORD! },
    ...allowedTenantIdsOf(env),
    ...(env.MICROSOFT_APP_TENANT_ID ? { directoryTenantId: tenantKey(env.MICROSOFT_APP_TENANT_ID) } : {}),
    cosmos: env.COSMOS_ENDPOINT
      ? { mode: 'azure', endpoint: env.COSMOS_ENDPOINT, key: env.COSMOS_KEY, database: env.COSMOS_DATABASE }
      : { mode: 'embedded', database: env.COSMOS_DATABASE },
    ai:
      env.AZURE_OPENAI_ENDPOINT && env.AZURE_OPENAI_DEPLOYMENT
        ? {
            enabled: true,
            endpoint: env.AZURE_OPENAI_ENDPOINT,
            apiKey: env.AZURE_OPENAI_API_KEY,
            deployment: env.AZURE_OPENAI_DEPLOYMENT,
            apiVersion: env.AZURE_OPENAI_API_VERSION,
            timeoutMs: env.AI_TIMEOUT_MS,
            maxRetries: env.AI_MAX_RETRIES,
          }
        : { enabled: false },
    framework: { nl: env.FRAMEWORK_FILE_NL, en: env.FRAMEWORK_FILE_EN },
    defaultLanguage: env.DEFAULT_LANGUAGE,
    orgTimeZone: env.ORG_TIME_ZONE,
    scheduler: { intervalMs: env.SCHEDULER_INTERVAL_MS },
    session: { minutes: env.SESSION_MINUTES, warningMinutes: env.WARNING_MINUTES },
    weekCycle: weekCycleConfig(env),
    retention: retentionConfig(env),
    telemetry: { connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING },
    verantwoording: verantwoordingConfig(env, { mode: env.MICROSOFT_APP_ID ? 'bot' : 'local', tenantId: env.MICROSOFT_APP_TENANT_ID }),
    pulsePoll: pulsePollConfig(env),
    talentReview: talentReviewConfig(env),
    rhythm: rhythmConfig(env),
    learningTime: learningTimeConfig(env),
  };
}

/** Reads the process environment once, at start-up. */
export function loadConfig(): AppConfig {
  // The one place process.env is read, on purpose.
  return parseConfig(process.env);
}
