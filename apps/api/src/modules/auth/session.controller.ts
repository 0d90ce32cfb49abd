import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionList, SessionTokens, SignedOutOthers, TenantSwitched } from '@ontrack/schemas/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { REFRESH_COOKIE, readCookie } from '../../platform/auth/cookies.js';
import { AllowMfaPending } from '../../platform/auth/mfa-pending.decorator.js';
import { Public } from '../../platform/auth/public.decorator.js';
import { NoTenant } from '../../platform/tenancy/tenant-mode.decorator.js';
import {
  RefreshRequestDto,
  SessionIdParamsDto,
  SessionListDto,
  SessionTokensDto,
  SignedOutOthersDto,
  SwitchTenantDto,
  TenantSwitchedDto,
} from './auth.dto.js';
import { clearSessionCookies, respondWithSession, setAccessCookie } from './auth-cookies.js';
import { clientInfo } from './magic-link.controller.js';
import { SessionDevices } from './session-devices.service.js';

@ApiTags('auth')
@Controller('auth')
export class SessionController {
  constructor(private readonly devices: SessionDevices) {}

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'refreshSession',
    summary:
      'New tokens for a refresh token — the `__Host-ontrack_refresh` cookie (web app; needs X-CSRF-Token) or ' +
      '`refreshToken` in the body (API clients, answered in bearer mode). The token is single use: presenting ' +
      'one that was already used signs the session out everywhere (401).',
  })
  @ZodResponse({ status: 200, type: SessionTokensDto })
  async refresh(
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokens> {
    const fromBody = body.refreshToken;
    const issued = await this.devices.refresh(fromBody ?? readCookie(request, REFRESH_COOKIE), clientInfo());
    return respondWithSession(reply, issued, fromBody ? 'bearer' : 'cookie');
  }

  @Post('sign-out')
  @NoTenant()
  @AllowMfaPending()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'signOut',
    summary: 'Signs this session out (its tokens stop working) and clears the cookies.',
  })
  async signOut(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.devices.signOutCurrent();
    clearSessionCookies(reply);
  }

  @Get('sessions')
  @NoTenant()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'listSessions',
    summary: 'Your signed-in devices: user agent, IP, when signed in and last seen, and which one is this.',
  })
  @ZodResponse({ status: 200, type: SessionListDto })
  list(): Promise<SessionList> {
    return this.devices.list();
  }

  @Delete('sessions/:id')
  @NoTenant()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'revokeSession',
    summary: 'Signs out one of your devices: its refresh and access tokens stop working. 404 for any other id.',
  })
  async revoke(@Param() { id }: SessionIdParamsDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (await this.devices.signOutDevice(id)) clearSessionCookies(reply);
  }

  @Post('sessions/sign-out-others')
  @NoTenant()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'signOutOtherSessions', summary: 'Signs out every device but this one.' })
  @ZodResponse({ status: 200, type: SignedOutOthersDto })
  signOutOthers(): Promise<SignedOutOthers> {
    return this.devices.signOutOthers();
  }

  @Post('switch-tenant')
  @NoTenant()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'switchTenant',
    summary:
      'Work in another of your businesses: a new access token (and cookie) whose `tid` names it; the session ' +
      'keeps it for later refreshes. 403 unless you are an active member there (or in a client-portal session).',
  })
  @ZodResponse({ status: 200, type: TenantSwitchedDto })
  async switchTenant(
    @Body() body: SwitchTenantDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TenantSwitched> {
    const switched = await this.devices.switchTenant(body.tenant);
    // Only a cookie session gets the cookie; a Bearer client takes the token from the body.
    if (!request.headers.authorization) setAccessCookie(reply, switched);
    return { ...switched, accessTokenExpiresAt: switched.accessTokenExpiresAt.toISOString() };
  }
}
