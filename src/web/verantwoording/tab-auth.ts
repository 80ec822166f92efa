import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, JWTPayload, jwtVerify, SignJWT } from 'jose';

/** Who calls the tab's API: always taken from a verified token, never from the request. */
export interface TabCaller {
  userId: string;
  via: 'entra' | 'dev';
}

/** A request without a valid token: answered with 401. `reason` is for logs only. */
export class TabAuthError extends Error {
  override name = 'TabAuthError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface EntraSettings {
  clientId: string;
  tenantId: string;
  issuer: string;
  jwksUrl: string;
  /** Accepted audiences: the client id, and api://<domain>/<client id> where the domain is known. */
  audiences: string[];
}

/** The scope the SSO app registration exposes (aad.manifest.json) and Teams asks for. */
export const TAB_SCOPE = 'access_as_user';

/**
 * Validates Teams SSO tokens (Entra v2.0 access tokens): RS256 signature against the tenant's
 * published keys (JWKS, cached and refreshed by jose on a new key id), audience, issuer, expiry
 * and not-before (one minute of clock skew), the tenant, the scope, and an object id.
 */
export class EntraTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  constructor(private readonly settings: EntraSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
  }

  async verify(token: string): Promise<TabCaller> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.settings.issuer,
        audience: this.settings.audiences,
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (err) {
      throw new TabAuthError(`entra token rejected: ${(err as { code?: string }).code ?? (err as Error).name}`);
    }
    // Tenant ids are GUIDs, equal in any case (the setting may be written in upper case).
    if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== this.settings.tenantId.toLowerCase()) throw new TabAuthError('entra token from another tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) throw new TabAuthError('entra token without the access_as_user scope');
    if (typeof payload.oid !== 'string' || !payload.oid) throw new TabAuthError('entra token without oid');
    return { userId: payload.oid, via: 'entra' };
  }
}

const DEV_ISSUER = 'lerend-werken-dev-sign-in';
const DEV_AUDIENCE = 'lerend-werken-tab';
export const DEV_TOKEN_MINUTES = 30;
export const DEV_USER_ID = /^[A-Za-z0-9:_.@-]{1,100}$/;

/**
 * Development sign-in for the tab outside Teams. Exists only while the bot runs without
 * authentication (local mode); its key is random per process, so a dev token is worthless to
 * any other instance and to a restarted one.
 */
export class DevTokens {
  private readonly key = randomBytes(32);

  async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + DEV_TOKEN_MINUTES * 60;
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(userId).setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt().setExpirationTime(exp).sign(this.key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async verify(token: string): Promise<TabCaller> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: DEV_ISSUER, audience: DEV_AUDIENCE, requiredClaims: ['exp', 'sub'] });
      if (!payload.sub || !DEV_USER_ID.test(payload.sub)) throw new Error('bad subject');
      return { userId: payload.sub, via: 'dev' };
    } catch (err) {
      throw new TabAuthError(`dev token rejected: ${(err as { code?: string }).code ?? (err as Error).name}`);
    }
  }
}

/** Picks the verifier by the token's algorithm; a kind of token that is not enabled is refused. */
export class TabAuthenticator {
  constructor(private readonly entra: EntraTokenVerifier | undefined, private readonly dev: DevTokens | undefined) {}

  async authenticate(authorization: string | undefined): Promise<TabCaller> {
    const match = /^Bearer\s+([A-Za-z0-9_.-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match) throw new TabAuthError('no bearer token');
    const token = match[1]!;
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new TabAuthError('malformed token');
    }
    if (alg === 'HS256' && this.dev) return this.dev.verify(token);
    if (alg === 'RS256' && this.entra) return this.entra.verify(token);
    throw new TabAuthError(`token kind not accepted: ${String(alg).slice(0, 10)}`);
  }
}
