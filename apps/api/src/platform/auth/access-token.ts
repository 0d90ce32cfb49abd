import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../config/config.schema.js';
import { DEV_AUTH_JWT_SECRET } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';

export const ACCESS_TOKEN_ISSUER = 'ontrack';
export const ACCESS_TOKEN_AUDIENCE = 'ontrack-api';
/** Access tokens live at most 15 minutes; a session's refresh token (modules/auth) gets the next one. */
export const ACCESS_TOKEN_MAX_SECONDS = 15 * 60;

export interface AccessTokenClaims {
  /** The user id. */
  sub: string;
  /** The session id (issued by the authentication module). */
  sid?: string;
  /** The tenant the session is working in, used when a request names none. */
  tid?: string;
  /**
   * `pending` while the session still owes a second factor (the user has one, or must enrol): such a token
   * only reaches routes marked @AllowMfaPending() (verify, enrol).
   */
  mfa?: 'pending';
}

export class InvalidAccessTokenError extends Error {}

/** Verified tokens remembered at most (each well under 1 kB); past it the oldest is forgotten first. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Signs and verifies the API's access tokens (HS256 JWT, `jose`). A client presents the same token on every
 * request for up to 15 minutes, so a verified token is remembered (by its exact text) until it expires: the
 * HMAC check through WebCrypto cost more than the rest of the guard chain (bench/README.md § crm-load). Only
 * successes are kept; the same text always verifies the same way until `exp`, which a hit re-checks.
 */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly verified = new Map<string, { claims: Readonly<AccessTokenClaims>; expiresAt: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET ?? DEV_AUTH_JWT_SECRET);
  }

  async sign(claims: AccessTokenClaims, ttlSeconds = ACCESS_TOKEN_MAX_SECONDS): Promise<string> {
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${Math.min(ttlSeconds, ACCESS_TOKEN_MAX_SECONDS)}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Readonly<AccessTokenClaims>> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    if (known) this.verified.delete(token);
    const { claims, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { claims, expiresAt });
    return claims;
  }

  private async verifySignature(token: string): Promise<{ claims: AccessTokenClaims; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: ACCESS_TOKEN_MAX_SECONDS,
      });
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (!payload.sub || !uuid.test(payload.sub)) throw new InvalidAccessTokenError('the token names no user');
      if (payload.tid !== undefined && (typeof payload.tid !== 'string' || !uuid.test(payload.tid))) {
        throw new InvalidAccessTokenError('the token names an invalid tenant');
      }
      if (payload.sid !== undefined && (typeof payload.sid !== 'string' || !uuid.test(payload.sid))) {
        throw new InvalidAccessTokenError('the token names an invalid session');
      }
      const claims: AccessTokenClaims = {
        sub: payload.sub,
        sid: payload.sid as string | undefined,
        tid: payload.tid as string | undefined,
        mfa: payload.mfa === 'pending' ? 'pending' : undefined,
      };
      // jwtVerify required both; the token is also refused once older than the maximum age, whatever its exp.
      const expiresAt = Math.min(payload.exp as number, (payload.iat as number) + ACCESS_TOKEN_MAX_SECONDS) * 1000;
      return { claims: Object.freeze(claims), expiresAt };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidAccessTokenError('the access token has expired');
      throw new InvalidAccessTokenError('the access token is not valid');
    }
  }
}
