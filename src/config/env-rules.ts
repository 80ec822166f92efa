import { z } from 'zod';

/**
 * Drops every variable whose value is empty or blank, before any rule sees it: "empty means not
 * set" (README), so an empty value takes the documented default. Done once for the whole schema
 * because the rules themselves can't tell: `z.coerce.number()` turns '' into 0, and an enum
 * (`LOG_LEVEL=`) refuses '' outright.
 */
export function withoutEmptyValues(source: unknown): unknown {
  if (typeof source !== 'object' || source === null) return source;
  return Object.fromEntries(Object.entries(source).filter(([, value]) => !isBlank(value)));
}

function isBlank(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * NODE_ENV values that mean a developer's machine or a test run. Anything else, in any case
 * (`production`, `Production`, `prod`, `staging`, a typo), counts as production: a mistyped value
 * then gets the production guards instead of local mode with the development sign-in.
 */
const NON_PRODUCTION_NODE_ENVS = ['development', 'test'];

export function countsAsProduction(nodeEnv: string | undefined): boolean {
  return nodeEnv !== undefined && !NON_PRODUCTION_NODE_ENVS.includes(nodeEnv.toLowerCase());
}

/**
 * How a refusal names the production setting: never by any other value than `production` itself.
 * When two lines of a bulk edit run together, NODE_ENV holds the next line's secret
 * (`production MICROSOFT_APP_PASSWORD=...`), and the start-up refusal goes to the log stream.
 */
export function productionSetting(nodeEnv: string | undefined): string {
  return nodeEnv === 'production' ? 'NODE_ENV=production' : 'NODE_ENV set to neither development nor test (anything but development, test or empty counts as production)';
}

/**
 * The fewest different characters a production secret (REPORT_LINK_SECRET, POLL_HASH_KEY) may
 * have. The length rule alone let `aaaa...` (40 times) through: a value anyone can guess, so
 * anyone could sign HR report links or recompute who answered a poll. A generated secret
 * (`openssl rand -base64 32`: 44 characters from 64) has about 30 different characters; the
 * chance that one has fewer than 8 is nil. Fewer than 8 is a typed placeholder (`aaaa...`,
 * `abcabc...`, `12341234...`), never randomness. Not a strength meter: it only catches the obvious.
 */
export const MIN_SECRET_DISTINCT_CHARACTERS = 8;

export function hasTooLittleVariety(secret: string): boolean {
  return new Set(secret).size < MIN_SECRET_DISTINCT_CHARACTERS;
}

/** The refusal of such a secret: it names the rule, never the value. */
export function tooLittleVariety(nodeEnv: string | undefined): string {
  return `must be random with ${productionSetting(nodeEnv)}: it has fewer than ${MIN_SECRET_DISTINCT_CHARACTERS} different characters, which no generated secret has. Generate one with \`openssl rand -base64 32\` and keep it stable`;
}

/** A comma-separated list; blanks dropped. */
export const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** Text where an empty value means "not set". */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A TCP port the HTTP server can listen on; anything else would only fail later, inside listen(). */
export const port = (fallback: number) => z.coerce.number().int().min(1, 'must be a port number from 1 to 65535').max(65535, 'must be a port number from 1 to 65535').default(fallback);

/** An on/off switch: `true` or `false` (empty means false); anything else is refused, not guessed. */
export const flag = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => v === 'true');

/** Hosts that never leave this machine: the tests' fake servers and a developer's local proxy. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL leads nowhere another machine can follow: this machine only, or the "any"
 * address a server listens on (0.0.0.0, [::]), which no browser can open.
 */
export function isUnreachableUrl(value: string): boolean {
  const url = parsedUrl(value);
  return url !== undefined && (isLoopbackHost(url.hostname) || url.hostname === '0.0.0.0' || url.hostname === '[::]');
}

function isSecureUrl(value: string): boolean {
  // Only http(s): a bare host name such as `lerend.documents.azure.com:443` parses as a URL
  // with the scheme `lerend.documents.azure.com:`, and must be refused here, not by a later connect.
  const url = parsedUrl(value);
  if (url === undefined) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * An optional absolute https:// URL; plain http only on a loopback host. What travels to or from
 * such an address (an API key, a bearer token, a signed report link) must not cross a network in
 * clear text. The message names the rule, never the value: it may sit next to a secret in the log.
 */
export const secureUrl = (example: string) =>
  optionalText.refine((v) => v === undefined || isSecureUrl(v), {
    message: `must be an https:// URL such as ${example} (plain http only for localhost or 127.0.0.1)`,
  });

/**
 * Entra tenant ids are GUIDs, compared case-insensitively: portals and scripts print them in
 * either case, Teams sends `conversation.tenantId` (and Entra the `tid` claim) in lower case.
 * Every comparison goes through this one spelling.
 */
export function tenantKey(tenantId: string): string {
  return tenantId.trim().toLowerCase();
}

const TENANT_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a setting holds a tenant id (GUID), not the tenant's domain name (contoso.onmicrosoft.com) or a placeholder. */
export function isTenantGuid(value: string): boolean {
  return TENANT_GUID.test(value.trim());
}

/** The refusal of a tenant setting that is no GUID: it names the rule and why, never the value. */
export function notATenantGuid(nodeEnv: string | undefined, why: string): string {
  return `must be a tenant id (a GUID such as 00000000-0000-0000-0000-000000000000) with ${productionSetting(nodeEnv)}: ${why}, and Teams and Entra name the tenant by its GUID, so a domain name (<name>.onmicrosoft.com) would match nothing. Use the Directory (tenant) ID from the Entra admin center, or \`az account show --query tenantId\``;
}
