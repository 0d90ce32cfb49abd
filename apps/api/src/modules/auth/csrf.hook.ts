import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ACCESS_COOKIE,
  bearerToken,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
  readCookie,
} from '../../platform/auth/cookies.js';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { problem } from '../../platform/http/problem-details.js';
import { sameSecret } from './auth-secrets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Why a request that changes something (anything but GET/HEAD/OPTIONS) is refused as forged, or undefined:
 *  - a request with `Authorization: Bearer` passes: a browser never adds that header on its own;
 *  - a cross-site one is refused (`Sec-Fetch-Site: cross-site`, or an `Origin` that is neither APP_URL,
 *    PUBLIC_URL nor the API's own) — a form on another site cannot even ask for a sign-in link;
 *  - one that carries the session cookies needs `X-CSRF-Token` equal to the `__Host-ontrack_csrf` cookie
 *    (double submit: another site can make the browser send the cookie, but cannot read it to copy it).
 * Server-to-server calls without cookies (Twilio's webhooks) send no Origin and pass.
 */
export function csrfRefusal(request: FastifyRequest, trustedOrigins: ReadonlySet<string>): string | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined;
  if (bearerToken(request)) return undefined;
  const origin = request.headers.origin;
  const foreign =
    origin !== undefined && !trustedOrigins.has(origin) && origin !== `${request.protocol}://${request.host}`;
  if (request.headers['sec-fetch-site'] === 'cross-site' || foreign) {
    return 'Cross-site requests that change something are refused.';
  }
  if (!readCookie(request, ACCESS_COOKIE) && !readCookie(request, REFRESH_COOKIE)) return undefined;
  const header = request.headers[CSRF_HEADER];
  const expected = readCookie(request, CSRF_COOKIE);
  if (typeof header !== 'string' || !expected || !sameSecret(header, expected)) {
    return 'The CSRF check failed: send the value of the __Host-ontrack_csrf cookie in the X-CSRF-Token header.';
  }
  return undefined;
}

/**
 * Installs the CSRF check as a Fastify `onRequest` hook: it runs before the body is parsed, so a cross-site
 * form post (a content type the API does not even accept) is answered 403, not 415, and before any guard
 * opens a transaction for it.
 */
@Injectable()
export class CsrfProtection implements OnModuleInit {
  private readonly trustedOrigins: ReadonlySet<string>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.trustedOrigins = new Set(
      [config.APP_URL, config.PUBLIC_URL].filter((url): url is string => !!url).map((url) => new URL(url).origin),
    );
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const refusal = csrfRefusal(request, this.trustedOrigins);
      if (!refusal) return;
      await reply
        .code(403)
        .type('application/problem+json')
        .send(problem(403, { detail: refusal }));
      return reply;
    });
  }
}
