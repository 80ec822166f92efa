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
