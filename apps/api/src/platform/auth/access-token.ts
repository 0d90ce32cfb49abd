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

/** Signs and verifies the API's access tokens (HS256 JWT, `jose`). */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;

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

  async verify(token: string): Promise<AccessTokenClaims> {
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
      return {
        sub: payload.sub,
        sid: payload.sid as string | undefined,
        tid: payload.tid as string | undefined,
        mfa: payload.mfa === 'pending' ? 'pending' : undefined,
      };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidAccessTokenError('the access token has expired');
      throw new InvalidAccessTokenError('the access token is not valid');
    }
  }
}
