import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  EmailChanged,
  MfaSession,
  MfaStatus,
  Reauthenticated,
  RecoveryCodes,
  RemovedFactor,
  TotpConfirmed,
  TotpEnrolment,
} from '@ontrack/schemas/auth-mfa';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { AllowMfaPending } from '../../../platform/auth/mfa-pending.decorator.js';
import { NoTenant } from '../../../platform/tenancy/tenant-mode.decorator.js';
import { respondWithSession } from '../auth-cookies.js';
import type { IssuedSession } from '../session.service.js';
import { AccountEmailService } from './account-email.service.js';
import {
  ChangeEmailDto,
  EmailChangedDto,
  MfaSessionDto,
  MfaStatusDto,
  ReauthenticatedDto,
  RecoveryCodesDto,
  RemovedFactorDto,
  SecondFactorDto,
  TotpConfirmDto,
  TotpConfirmedDto,
  TotpEnrolmentDto,
} from './mfa.dto.js';
import { MfaService } from './mfa.service.js';

/**
 * The session's new tokens go back the way the request came: cookies for the web app; in the body for an API
 * client that authenticates with `Authorization: Bearer` (it has no cookies, and the old refresh token was
 * retired).
 */
function handOver(request: FastifyRequest, reply: FastifyReply, issued: IssuedSession): MfaSession {
  const bearer = request.headers.authorization?.startsWith('Bearer ') ?? false;
  return respondWithSession(reply, issued, bearer ? 'bearer' : 'cookie');
}

/** Two-factor authentication (TOTP), re-authentication and the account changes that need it. */
@ApiTags('auth')
@ApiBearerAuth()
@NoTenant()
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly accountEmail: AccountEmailService,
  ) {}

  @Get('auth/mfa')
  @AllowMfaPending()
  @ApiOperation({
    operationId: 'getMfaStatus',
    summary: 'Your second factor: enrolled or not, recovery codes left, and whether your role requires one.',
  })
  @ZodResponse({ status: 200, type: MfaStatusDto })
  status(): Promise<MfaStatus> {
    return this.mfa.status();
  }

  @Post('auth/mfa/totp/enrol')
  @HttpCode(200)
  @AllowMfaPending()
  @ApiOperation({
    operationId: 'enrolTotp',
    summary:
      'Start setting up an authenticator app: a new secret as otpauth URI, QR code and text. Replacing a confirmed one needs a recent authentication.',
  })
  @ZodResponse({ status: 200, type: TotpEnrolmentDto })
  enrol(): Promise<TotpEnrolment> {
    return this.mfa.enrol();
  }

  @Post('auth/mfa/totp/confirm')
  @HttpCode(200)
  @AllowMfaPending()
  @ApiOperation({
    operationId: 'confirmTotp',
    summary:
      'Confirm the authenticator with its first code: ten recovery codes (shown once), this session verified, your other sessions signed out.',
  })
  @ZodResponse({ status: 200, type: TotpConfirmedDto })
  async confirm(
    @Body() body: TotpConfirmDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TotpConfirmed> {
    const { issued, recoveryCodes, signedOutSessions } = await this.mfa.confirm(body.code);
    return { ...handOver(request, reply, issued), recoveryCodes, signedOutSessions };
  }

  @Post('auth/mfa/verify')
  @HttpCode(200)
  @AllowMfaPending()
  @ApiOperation({
    operationId: 'verifyMfa',
    summary: 'The second step of sign-in: a code from the authenticator app, or a recovery code. Each works once.',
  })
  @ZodResponse({ status: 200, type: MfaSessionDto })
  async verify(
    @Body() body: SecondFactorDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MfaSession> {
    return handOver(request, reply, await this.mfa.verify(body));
  }

  @Post('auth/reauthenticate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'reauthenticate',
    summary: 'Confirm it is you (a code or recovery code) before changing your email or second factor.',
  })
  @ZodResponse({ status: 200, type: ReauthenticatedDto })
  reauthenticate(@Body() body: SecondFactorDto): Promise<Reauthenticated> {
    return this.mfa.reauthenticate(body);
  }

  @Delete('auth/mfa/totp')
  @ApiOperation({
    operationId: 'removeTotp',
    summary:
      'Remove your authenticator (needs a recent authentication; refused when your role requires one). Your other sessions are signed out.',
  })
  @ZodResponse({ status: 200, type: RemovedFactorDto })
  removeTotp(): Promise<RemovedFactor> {
    return this.mfa.removeTotp();
  }

  @Post('auth/mfa/recovery-codes')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'regenerateRecoveryCodes',
    summary: 'Ten new recovery codes; the old ones stop working (needs a recent authentication).',
  })
  @ZodResponse({ status: 200, type: RecoveryCodesDto })
  regenerateRecoveryCodes(): Promise<RecoveryCodes> {
    return this.mfa.regenerateRecoveryCodes();
  }

  @Patch('me/email')
  @ApiOperation({
    operationId: 'changeEmail',
    summary: 'Change your sign-in email (needs a recent authentication). Your other sessions are signed out.',
  })
  @ZodResponse({ status: 200, type: EmailChangedDto })
  changeEmail(@Body() body: ChangeEmailDto): Promise<EmailChanged> {
    return this.accountEmail.change(body.email);
  }
}
