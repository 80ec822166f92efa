import { z } from 'zod';
import { optionalText, secureUrl, tenantKey } from '../env-rules';

/**
 * Environment variables of "Mijn verantwoording" (notes, message extension, personal tab).
 * Merged into the one config schema in ../config.ts.
 */
export const verantwoordingEnv = {
  TAB_AAD_CLIENT_ID: optionalText,
  TAB_AAD_TENANT_ID: optionalText,
  // The keys that sign the tab's tokens, and where they come from: over plain http, keys swapped on the way would let anyone forge a token.
  ENTRA_AUTHORITY: secureUrl('https://login.microsoftonline.com').transform((v) => (v ?? 'https://login.microsoftonline.com').replace(/\/+$/, '')),
  ENTRA_JWKS_URL: secureUrl('https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys'),
};

export type VerantwoordingEnv = z.infer<z.ZodObject<typeof verantwoordingEnv>>;

/** How the personal tab's callers are authenticated. */
export type TabSso =
  | { enabled: false; reason: 'no-client-id' | 'no-tenant' }
  | { enabled: true; clientId: string; tenantId: string; issuer: string; jwksUrl: string };

export interface VerantwoordingConfig {
  sso: TabSso;
  /** The development sign-in exists only when the bot runs without authentication (local mode). */
  devSignIn: boolean;
}

export function verantwoordingConfig(env: VerantwoordingEnv, bot: { mode: string; tenantId?: string }): VerantwoordingConfig {
  // In lower case, as Entra writes it in the tokens' issuer (compared exactly) and tid claim.
  const setting = env.TAB_AAD_TENANT_ID ?? bot.tenantId;
  const tenantId = setting === undefined ? undefined : tenantKey(setting);
  const authority = env.ENTRA_AUTHORITY;
  const sso: TabSso = !env.TAB_AAD_CLIENT_ID
    ? { enabled: false, reason: 'no-client-id' }
    : !tenantId
      ? { enabled: false, reason: 'no-tenant' }
      : {
          enabled: true,
          clientId: env.TAB_AAD_CLIENT_ID,
          tenantId,
          // v2.0 access tokens: the SSO app registration asks for them (aad.manifest.json, requestedAccessTokenVersion 2).
          issuer: `${authority}/${tenantId}/v2.0`,
          jwksUrl: env.ENTRA_JWKS_URL ?? `${authority}/${tenantId}/discovery/v2.0/keys`,
        };
  return { sso, devSignIn: bot.mode === 'local' };
}
