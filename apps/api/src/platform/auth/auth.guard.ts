import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { problem } from '../http/problem-details.js';
import { requestContext } from '../request-context/request-context.js';
import { AccessTokens, InvalidAccessTokenError } from './access-token.js';
import { IS_PUBLIC } from './public.decorator.js';

/**
 * Who is calling: verifies the Bearer access token and records the user in the request context.
 * Routes marked @Public() skip it; every other route answers 401 without a valid token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [execution.getHandler(), execution.getClass()])) {
      return true;
    }
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw unauthorized('Sign in first: this route needs an access token (Authorization: Bearer …).');
    try {
      const claims = await this.tokens.verify(token);
      const context = requestContext();
      context.actor = { userId: claims.sub, email: '', kind: 'user' };
      context.tokenTenantId = claims.tid;
      return true;
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw unauthorized(`${error.message}.`);
      throw error;
    }
  }
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException(problem(401, { detail }));
}
