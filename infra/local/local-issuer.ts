import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';

export const LOCAL_ISSUER = 'https://sanad.local/issuer';
export const LOCAL_AUDIENCE = 'sanad-local-spa';
const TOKEN_TTL_SECONDS = 8 * 60 * 60;
const ALGORITHM = 'RS256';

import type { TokenSubject } from '../../functions/identity/local-credentials.ts';

export interface IssueOptions {
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
  withoutClaims?: string[];
}

/**
 * The local stand-in for Cognito: signs ID tokens with Cognito's claim shape and verifies them as the HTTP
 * API's JWT authorizer would (signature, issuer, audience, expiry, algorithm). The key is kept in the data
 * dir, so tokens survive a restart.
 */
/** How many verified tokens the local issuer remembers. */
const VERIFIED_TOKENS_KEPT = 1_000;

export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  static async create(dataDir?: string): Promise<LocalIssuer> {
    const keyFile = dataDir ? join(dataDir, 'local-issuer-key.json') : undefined;
    if (keyFile && existsSync(keyFile)) {
      const jwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
      const { d: _private, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
      return new LocalIssuer(
        (await importJWK(jwk, ALGORITHM)) as CryptoKey,
        (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
      );
    }
    const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    if (keyFile && dataDir) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(keyFile, JSON.stringify(await exportJWK(privateKey)), { mode: 0o600 });
    }
    return new LocalIssuer(privateKey, publicKey);
  }

  /** A signed ID token; `options` bend it the ways the JWT tests need (expired, foreign issuer or audience…). */
  async issue(subject: TokenSubject, options: IssueOptions = {}): Promise<{ token: string; expiresAt: string }> {
    const now = Math.floor(Date.now() / 1000);
    const expires = now + (options.ttlSeconds ?? TOKEN_TTL_SECONDS);
    const claims: Record<string, unknown> = {
      'cognito:username': subject.username,
      'custom:tenant': subject.tenantId,
      'cognito:groups': [...subject.roles],
      ...(subject.organizationId ? { 'custom:organization': subject.organizationId } : {}),
      token_use: 'id',
      auth_time: now,
    };
    for (const name of options.withoutClaims ?? []) delete claims[name];
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: 'sanad-local' })
      .setSubject(subject.userId)
      .setIssuer(options.issuer ?? LOCAL_ISSUER)
      .setAudience(options.audience ?? LOCAL_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(expires)
      .sign(this.privateKey);
    return { token, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Tokens already verified, until they expire: API Gateway's JWT authorizer caches the same way. */
  private readonly verified = new Map<string, JWTPayload & { exp: number }>();

  /** Verified claims, or undefined for a missing, tampered, expired or foreign token. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['sub', 'exp'],
      });
      // Bounded: the oldest entry goes first (a Map iterates in insertion order).
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, payload as JWTPayload & { exp: number });
      return payload;
    } catch {
      return undefined;
    }
  }
}
