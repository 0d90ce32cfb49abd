import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type {
  MfaStatus,
  Reauthenticated,
  RecoveryCodes,
  RemovedFactor,
  SecondFactor,
  TotpEnrolment,
} from '@ontrack/schemas/auth-mfa';
import QRCode from 'qrcode';
import { currentDb } from '../../../platform/db/current-transaction.js';
import { problem } from '../../../platform/http/problem-details.js';
import { RateLimiter } from '../../../platform/rate-limit/rate-limiter.js';
import { type IssuedSession, SessionService } from '../session.service.js';
import { MfaRepository } from './mfa.repository.js';
import { mfaRequirement } from './mfa-policy.js';
import { RECENT_AUTH_MINUTES, RecentAuth, signedInSession } from './recent-auth.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { SecretBox } from './secret-box.js';
import { checkTotp, newTotpSecret, totpUri } from './totp.js';

/** Why other sessions are signed out: a factor changed, so sessions opened before may not be the user's. */
const FACTOR_CHANGED = 'mfa_changed';

export interface ConfirmedEnrolment {
  issued: IssuedSession;
  recoveryCodes: string[];
  signedOutSessions: number;
}

/**
 * TOTP enrolment, the second step of sign-in, re-authentication and recovery codes. Every check of a code
 * consumes it (the time step, or the recovery code) in the request transaction, and is rate limited per
 * user (`totp:user`) before anything is compared.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly repository: MfaRepository,
    private readonly box: SecretBox,
    private readonly recentAuth: RecentAuth,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
  ) {}

  async status(): Promise<MfaStatus> {
    const { userId } = signedInSession();
    const factor = await this.repository.findFactor(userId);
    const confirmedAt = factor?.confirmedAt ?? null;
    const recoveryCodesLeft = confirmedAt ? await this.repository.countRecoveryCodesLeft(userId) : 0;
    const requirement = await mfaRequirement(currentDb(), userId);
    return {
      totp: { enrolled: confirmedAt !== null, confirmedAt: confirmedAt?.toISOString() ?? null },
      recoveryCodesLeft,
      required: requirement.required,
      reason: requirement.reason,
    };
  }

  /**
   * A new secret, waiting for its first code. Replacing an authenticator that is already confirmed needs a
   * session that passed it and a recent authentication; a user who has none (typically one who must enrol
   * before their sign-in completes) needs neither.
   */
  async enrol(): Promise<TotpEnrolment> {
    const { userId, sessionId } = signedInSession();
    const current = await this.repository.findFactor(userId);
    if (current?.confirmedAt) await this.recentAuth.requireRecentAuth(sessionId);
    const email = await this.repository.findUserEmail(userId);
    if (!email) throw new NotFoundException(problem(404, { detail: 'Your user account no longer exists.' }));
    const secret = newTotpSecret();
    await this.repository.saveUnconfirmedFactor(userId, this.box.seal(secret));
    const otpauthUri = totpUri(secret, email);
    const qrCodeSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { otpauthUri, qrCodeSvg, secret };
  }

  /** The first code confirms the factor: recovery codes, this session verified, every other one signed out. */
  async confirm(code: string): Promise<ConfirmedEnrolment> {
    const { userId, sessionId } = signedInSession();
    await this.limiter.consume('totp:user', userId);
    const factor = await this.repository.findFactor(userId);
    if (!factor || factor.confirmedAt) {
      throw new ConflictException(
        problem(409, {
          detail: 'No authenticator is waiting for its first code: start with POST /api/v1/auth/mfa/totp/enrol.',
          code: 'no_pending_enrolment',
        }),
      );
    }
    const check = await checkTotp(this.box.open(factor.secretEncrypted).value, code, null);
    if (!check.valid) throw wrongCode('That code is not right: enter the current code from your authenticator app.');
    if (!(await this.repository.confirmFactor(userId, check.timeStep))) {
      throw new ConflictException(problem(409, { detail: 'This authenticator was confirmed meanwhile.' }));
    }
    await this.limiter.reset('totp:user', userId);
    const recoveryCodes = newRecoveryCodes();
    await this.repository.replaceRecoveryCodes(userId, recoveryCodes.map(hashRecoveryCode));
    const signedOutSessions = await this.sessions.revokeOtherSessions(userId, sessionId, FACTOR_CHANGED);
    const issued = await this.sessions.markMfaVerified(sessionId, 'totp');
    return { issued, recoveryCodes, signedOutSessions };
  }

  /** The second step of sign-in. */
  async verify(factor: SecondFactor): Promise<IssuedSession> {
    const { userId, sessionId } = signedInSession();
    const method = await this.checkSecondFactor(userId, factor);
    return this.sessions.markMfaVerified(sessionId, method);
  }

  /** Proves the account holder is here now, for the next ten minutes of email and MFA changes. */
  async reauthenticate(factor: SecondFactor): Promise<Reauthenticated> {
    const { userId, sessionId } = signedInSession();
    await this.checkSecondFactor(userId, factor);
    await this.sessions.markReauthenticated(sessionId);
    return { recentUntil: new Date(Date.now() + RECENT_AUTH_MINUTES * 60_000).toISOString() };
  }

  async removeTotp(): Promise<RemovedFactor> {
    const { userId, sessionId } = signedInSession();
    await this.recentAuth.requireRecentAuth(sessionId);
    const requirement = await mfaRequirement(currentDb(), userId);
    if (requirement.required) {
      throw new ForbiddenException(
        problem(403, {
          detail:
            requirement.reason === 'admin'
              ? 'Admins must keep an authenticator: enrol a new one to replace it instead.'
              : 'A business you work for requires an authenticator of its staff: enrol a new one to replace it instead.',
          code: 'mfa_required',
        }),
      );
    }
    if (!(await this.repository.deleteFactor(userId))) {
      throw new NotFoundException(problem(404, { detail: 'You have no authenticator to remove.' }));
    }
    return { signedOutSessions: await this.sessions.revokeOtherSessions(userId, sessionId, FACTOR_CHANGED) };
  }

  async regenerateRecoveryCodes(): Promise<RecoveryCodes> {
    const { userId, sessionId } = signedInSession();
    await this.recentAuth.requireRecentAuth(sessionId);
    const factor = await this.repository.findFactor(userId);
    if (!factor?.confirmedAt) throw noAuthenticator();
    const recoveryCodes = newRecoveryCodes();
    await this.repository.replaceRecoveryCodes(userId, recoveryCodes.map(hashRecoveryCode));
    const signedOutSessions = await this.sessions.revokeOtherSessions(userId, sessionId, FACTOR_CHANGED);
    return { recoveryCodes, signedOutSessions };
  }

  /**
   * Checks and consumes a code or a recovery code; 401 when it is wrong or already used. Success forgets the
   * user's failed attempts, so a few typos do not count against their next sign-in.
   */
  private async checkSecondFactor(userId: string, input: SecondFactor): Promise<'totp' | 'recovery_code'> {
    await this.limiter.consume('totp:user', userId);
    const method = await this.consumeSecondFactor(userId, input);
    await this.limiter.reset('totp:user', userId);
    return method;
  }

  private async consumeSecondFactor(userId: string, input: SecondFactor): Promise<'totp' | 'recovery_code'> {
    const factor = await this.repository.findFactor(userId);
    if (!factor?.confirmedAt) throw noAuthenticator();
    if (input.recoveryCode !== undefined) {
      if (!(await this.repository.useRecoveryCode(userId, hashRecoveryCode(input.recoveryCode)))) {
        throw wrongCode('That recovery code is not right, or was already used (each works once).');
      }
      return 'recovery_code';
    }
    const { value: secret, stale } = this.box.open(factor.secretEncrypted);
    const check = await checkTotp(secret, input.code ?? '', factor.lastUsedStep);
    const used = 'That code was already used: wait for the next one in your authenticator app.';
    if (!check.valid) throw wrongCode(check.reused ? used : 'That code is not right.', check.reused);
    if (!(await this.repository.useTimeStep(userId, check.timeStep))) throw wrongCode(used, true);
    if (stale) await this.repository.resealSecret(userId, this.box.seal(secret));
    return 'totp';
  }
}

function wrongCode(detail: string, reused = false): UnauthorizedException {
  return new UnauthorizedException(problem(401, { detail, code: reused ? 'code_already_used' : 'invalid_code' }));
}

function noAuthenticator(): ConflictException {
  return new ConflictException(
    problem(409, {
      detail: 'You have no authenticator yet: enrol one (POST /api/v1/auth/mfa/totp/enrol), or sign in again.',
      code: 'no_authenticator',
    }),
  );
}
