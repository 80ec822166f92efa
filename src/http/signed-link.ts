import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived links for downloads (the HR report): the query carries what to serve and until
 * when, signed with HMAC-SHA256, so the server needs no stored state and a changed or expired
 * link is refused.
 */
export interface LinkClaims {
  [key: string]: string;
}

function signature(secret: Buffer, path: string, claims: LinkClaims, expires: number): string {
  const canonical = [path, String(expires), ...Object.keys(claims).sort().map((k) => `${k}=${claims[k]}`)].join('\n');
  return createHmac('sha256', secret).update(canonical).digest('base64url');
}

export function signLink(secret: Buffer, baseUrl: string, path: string, claims: LinkClaims, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({ ...claims, expires: String(expires), sig: signature(secret, path, claims, expires) });
  return `${baseUrl.replace(/\/$/, '')}${path}?${query.toString()}`;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'expired' | 'invalid' };

export function verifyLink(secret: Buffer, path: string, query: Record<string, string | undefined>, now: Date): LinkCheck {
  const { sig, expires, ...rest } = query;
  if (!sig || !expires || !/^\d+$/.test(expires)) return { ok: false, reason: 'invalid' };
  const claims = Object.fromEntries(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const expected = Buffer.from(signature(secret, path, claims, Number(expires)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
