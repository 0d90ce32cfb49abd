import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';
import { problem } from '../http/problem-details.js';
import { requestContext } from '../request-context/request-context.js';
import { AccessTokens, InvalidAccessTokenError } from './access-token.js';
import { ACCESS_COOKIE, bearerToken, readCookie } from './cookies.js';
import { ALLOW_MFA_PENDING } from './mfa-pending.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';

/**
 * Who is calling: verifies the access token — `Authorization: Bearer` (API clients) or the access cookie
 * (the web app) — and records the user and session in the request context. Routes marked @Public() skip it;
 * every other route answers 401 without a valid token, and to a session that still owes its second factor
 * unless the route is marked @AllowMfaPending(). Whether the session is still live (not signed out, not
 * timed out) is checked by the TenantGuard inside the request transaction, without a round trip of its own.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly production: boolean;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.production = config.NODE_ENV === 'production';
  }

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const targets = [execution.getHandler(), execution.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request) ?? readCookie(request, ACCESS_COOKIE);
    if (!token) throw unauthorized('Sign in first: this route needs an access token (Authorization: Bearer …).');
    let claims: Awaited<ReturnType<AccessTokens['verify']>>;
    try {
      claims = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw unauthorized(`${error.message}.`);
      throw error;
    }
    // Tokens without a session come from `npm run auth:dev-token` and the tests; production has none.
    if (!claims.sid && this.production) throw unauthorized('the access token names no session.');
    if (claims.mfa === 'pending' && !this.reflector.getAllAndOverride<boolean>(ALLOW_MFA_PENDING, targets)) {
      throw unauthorized('A second factor is needed: verify your authenticator code (or a recovery code) first.');
    }
    const context = requestContext();
    context.actor = { userId: claims.sub, email: '', kind: 'user' };
    context.tokenTenantId = claims.tid;
    context.sessionId = claims.sid;
    return true;
  }
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException(problem(401, { detail }));
}
