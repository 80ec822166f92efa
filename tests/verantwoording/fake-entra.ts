import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const CLIENT_ID = '0a1b2c3d-1111-2222-3333-444455556666';
export const TENANT = '7e8f9a0b-aaaa-bbbb-cccc-ddddeeeeffff';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
export const PUBLIC_BASE_URL = 'https://lerend.example.org';

export interface TokenOptions {
  claims?: Record<string, unknown>;
  aud?: string;
  iss?: string;
  exp?: number;
  iat?: number;
  key?: CryptoKey;
  kid?: string;
}

/**
 * The tenant's signing keys, served from loopback as Entra publishes them (a JWKS), and a way to
 * mint Teams-SSO-shaped v2.0 access tokens with them: RS256, our audience and issuer, scope
 * access_as_user, the user's oid.
 */
export class FakeEntra {
  private server?: Server;
  requests = 0;
  keys!: CryptoKeyPair;
  otherKeys!: CryptoKeyPair;

  async start(): Promise<this> {
    this.keys = await generateKeyPair('RS256', { extractable: true });
    this.otherKeys = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(this.keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => {
      this.requests++;
      res.writeHead(req.url === '/discovery/v2.0/keys' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** App settings that point the tab's token validation at this key server. */
  env(): Record<string, string> {
    return {
      TAB_AAD_CLIENT_ID: CLIENT_ID,
      TAB_AAD_TENANT_ID: TENANT,
      ENTRA_JWKS_URL: `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/discovery/v2.0/keys`,
      PUBLIC_BASE_URL,
    };
  }

  token(over: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ oid: 'aad-anna', tid: TENANT, scp: 'access_as_user', ver: '2.0', name: 'Anna', ...over.claims })
      .setProtectedHeader({ alg: 'RS256', kid: over.kid ?? 'key-1', typ: 'JWT' })
      .setIssuer(over.iss ?? ISSUER)
      .setAudience(over.aud ?? CLIENT_ID)
      .setSubject('pairwise-subject')
      .setIssuedAt(over.iat ?? now - 60)
      .setNotBefore(over.iat ?? now - 60)
      .setExpirationTime(over.exp ?? now + 3600)
      .sign(over.key ?? this.keys.privateKey);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
