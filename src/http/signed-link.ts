import { errors, JWTPayload, jwtVerify, SignJWT } from 'jose';

/**
 * Short-lived links for downloads (the HR report). The query holds one JWT (HS256) with what to
 * serve, the path as audience and an expiry claim, so the server needs no stored state and a
 * changed, moved or expired link is refused. Checked with jose, like the tab's tokens.
 */
export interface LinkClaims {
  [key: string]: string;
}

const ISSUER = 'lerend-werken-report-link';
const REGISTERED = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/** A link that serves `path` with these claims until `expiresAt`: one HS256 JWT, signed with jose. */
export async function signLink(secret: Buffer, baseUrl: string, path: string, claims: LinkClaims, expiresAt: Date): Promise<string> {
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(path)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return `${baseUrl.replace(/\/$/, '')}${path}?${new URLSearchParams({ token }).toString()}`;
}

/**
 * An expired link still tells the language it was made in, so its refusal reads in that language;
 * nothing else of it comes back, as an expired link authorises nothing. An invalid link tells
 * nothing: its claims cannot be trusted.
 */
export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'expired'; lang?: string } | { ok: false; reason: 'invalid' };

export async function verifyLink(secret: Buffer, path: string, query: Record<string, string | undefined>, now: Date): Promise<LinkCheck> {
  const { token, ...rest } = query;
  // The token is the whole link: anything added beside it is a changed link.
  if (!token || Object.values(rest).some((v) => v !== undefined)) return { ok: false, reason: 'invalid' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: path, currentDate: now, requiredClaims: ['exp'] }));
  } catch (err) {
    // jose reports an expiry only after the signature and the other claims checked out, with the payload.
    if (err instanceof errors.JWTExpired) {
      const lang = err.payload.lang;
      return { ok: false, reason: 'expired', ...(typeof lang === 'string' ? { lang } : {}) };
    }
    return { ok: false, reason: 'invalid' };
  }
  const claims = Object.fromEntries(Object.entries(payload).filter((e): e is [string, string] => !REGISTERED.has(e[0]) && typeof e[1] === 'string'));
  return { ok: true, claims };
}
