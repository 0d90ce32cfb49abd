import { Controller, Get, Param, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { OidcProviderList } from '@ontrack/schemas/auth-oidc';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { readCookie } from '../../../platform/auth/cookies.js';
import { Public } from '../../../platform/auth/public.decorator.js';
import { requestContext } from '../../../platform/request-context/request-context.js';
import { setSessionCookies } from '../auth-cookies.js';
import { OidcCallbackQueryDto, OidcProviderListDto, OidcProviderParamsDto, OidcStartQueryDto } from './oidc.dto.js';
import { OidcProviders } from './oidc-providers.js';
import { OidcSignInService } from './oidc-sign-in.service.js';
import { OIDC_STATE_COOKIE } from './oidc-state-cookie.js';

interface RedirectTo {
  url: string;
  statusCode: 302;
}

const LOCATION = { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } };

@ApiTags('auth')
@Public()
@Controller('auth')
export class OidcController {
  constructor(
    private readonly providers: OidcProviders,
    private readonly signIn: OidcSignInService,
  ) {}

  @Get('providers')
  @ApiOperation({
    operationId: 'listSignInProviders',
    summary: 'The single sign-on providers this server offers (Google, Microsoft, configured OIDC issuers).',
  })
  @ZodResponse({ status: 200, type: OidcProviderListDto })
  list(): OidcProviderList {
    return { providers: this.providers.list() };
  }

  @Get('oidc/:provider/start')
  @Redirect()
  @ApiOperation({
    operationId: 'startOidcSignIn',
    summary:
      'Browser navigation: redirects to the provider (authorization code + PKCE S256, state, nonce) and sets ' +
      'the short-lived `__Host-ontrack_oidc` cookie that the callback checks. 404 for an unknown provider, ' +
      '503 while the provider cannot be reached.',
  })
  @ApiResponse({ status: 302, description: 'To the provider’s authorization endpoint.', headers: LOCATION })
  async start(
    @Param() { provider }: OidcProviderParamsDto,
    @Query() query: OidcStartQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectTo> {
    const started = await this.signIn.start(provider, query);
    reply.header('set-cookie', started.stateCookie);
    reply.header('cache-control', 'no-store');
    return { url: started.location, statusCode: 302 };
  }

  @Get('oidc/:provider/callback')
  @Redirect()
  @ApiOperation({
    operationId: 'completeOidcSignIn',
    summary:
      'Where the provider sends the browser back. Signs in (session cookies) and redirects to the web app, ' +
      'to its MFA step when a second factor is due, or to `/sign-in?error=<code>` when refused.',
  })
  @ApiResponse({ status: 302, description: 'To the web app.', headers: LOCATION })
  async callback(
    @Param() { provider }: OidcProviderParamsDto,
    // Validated for the reference only: openid-client checks the raw query string.
    @Query() _query: OidcCallbackQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RedirectTo> {
    const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const { ip, userAgent } = requestContext();
    const result = await this.signIn.callback(provider, rawQuery, readCookie(request, OIDC_STATE_COOKIE), {
      ip,
      userAgent,
    });
    reply.header('set-cookie', result.clearStateCookie);
    reply.header('cache-control', 'no-store');
    if (result.outcome === 'signed-in') setSessionCookies(reply, result.issued);
    return { url: result.location, statusCode: 302 };
  }
}
