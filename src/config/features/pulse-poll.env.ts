import { z } from 'zod';
import { countsAsProduction, csv, hasTooLittleVariety, optionalText, secureUrl, tooLittleVariety } from '../env-rules';

/** "50%" = that share of the open period has passed; "1d" = that many days before the closing date. */
const reminderPoint = /^(?:(\d{1,2})%|(\d{1,2})d)$/;

/**
 * Environment variables of the B3-spiegel pulse polls and the outbox.
 * Merged into the one config schema in ../config.ts.
 */
export const pulsePollEnv = {
  /** Entra object ids of HR/L&O people who may run polls. */
  HR_USER_IDS: csv,
  /** An Entra group whose (transitive) members are HR; checked through Microsoft Graph. */
  HR_GROUP_ID: optionalText,
  /** Gets the bot's bearer token: https only (plain http for a local test server). */
  GRAPH_BASE_URL: secureUrl('https://graph.microsoft.com'),
  /** Key for the keyed hashes of who answered; required with Azure Cosmos DB. */
  POLL_HASH_KEY: optionalText.pipe(z.string().min(32, 'use at least 32 characters (e.g. openssl rand -base64 32)').optional()),
  B3_MIN_RESPONDENTS: z.coerce.number().int().min(3, 'may never be below 3: fewer answers could identify a person').max(100).default(5),
  B3_REMINDER_POINTS: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? '50%,1d' : v))
    .pipe(z.string().regex(/^\s*(\d{1,2}[%d])(\s*,\s*\d{1,2}[%d])*\s*$/, 'a comma-separated list like 50%,1d')),
  OUTBOX_TENANT_RPS: z.coerce.number().int().min(1).max(1000).default(50),
  OUTBOX_CONVERSATION_RPS: z.coerce.number().int().min(1).max(100).default(7),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(16),
};

type PulsePollEnvObject = z.infer<z.ZodObject<typeof pulsePollEnv>>;
export type PulsePollEnv = PulsePollEnvObject & { COSMOS_ENDPOINT?: string; NODE_ENV?: string };

export type ReminderPoint = { kind: 'share'; percent: number } | { kind: 'daysBefore'; days: number };

function reminderPoints(spec: string): ReminderPoint[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = reminderPoint.exec(s)!;
      return m[1] !== undefined ? { kind: 'share', percent: Number(m[1]) } : { kind: 'daysBefore', days: Number(m[2]) };
    });
}

/** ConfigError lives in ../config.ts, which imports this file: required lazily so load order never matters. */
function configError(problems: string[]): Error {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const { ConfigError } = require('../config') as typeof import('../config');
  return new ConfigError(problems);
}

export function pulsePollConfig(env: PulsePollEnv) {
  if (env.COSMOS_ENDPOINT && !env.POLL_HASH_KEY) {
    throw configError([
      'POLL_HASH_KEY: required when COSMOS_ENDPOINT is set: the key of the hashes that record who answered a B3-spiegel poll. Generate one with `openssl rand -base64 32` and keep it stable.',
    ]);
  }
  if (env.POLL_HASH_KEY && countsAsProduction(env.NODE_ENV) && hasTooLittleVariety(env.POLL_HASH_KEY)) {
    // A key anyone can guess lets anyone with the tallies recompute who answered.
    throw configError([`POLL_HASH_KEY: ${tooLittleVariety(env.NODE_ENV)}`]);
  }
  const points = reminderPoints(env.B3_REMINDER_POINTS);
  for (const p of points) {
    if (p.kind === 'share' && (p.percent < 1 || p.percent > 99)) throw configError([`B3_REMINDER_POINTS: ${p.percent}% must lie between 1% and 99%`]);
  }
  return {
    hr: { userIds: env.HR_USER_IDS, groupId: env.HR_GROUP_ID },
    /** Undefined: no Graph (list-only directory) unless the bot runs in Azure. */
    graphBaseUrl: env.GRAPH_BASE_URL,
    hashKey: env.POLL_HASH_KEY,
    minRespondents: env.B3_MIN_RESPONDENTS,
    reminderPoints: points,
    outbox: { tenantPerSecond: env.OUTBOX_TENANT_RPS, conversationPerSecond: env.OUTBOX_CONVERSATION_RPS, concurrency: env.OUTBOX_CONCURRENCY },
  };
}

export type PulsePollConfig = ReturnType<typeof pulsePollConfig>;
