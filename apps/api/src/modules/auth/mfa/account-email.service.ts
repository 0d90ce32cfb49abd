import { ConflictException, Injectable } from '@nestjs/common';
import type { EmailChanged } from '@ontrack/schemas/auth-mfa';
import { problem } from '../../../platform/http/problem-details.js';
import { SessionService } from '../session.service.js';
import { EmailTakenError, MfaRepository } from './mfa.repository.js';
import { RecentAuth, signedInSession } from './recent-auth.js';

/**
 * Changing the sign-in email hands the account to whoever reads the new inbox, so it needs a recent
 * authentication, and every other session is signed out afterwards.
 */
@Injectable()
export class AccountEmailService {
  constructor(
    private readonly repository: MfaRepository,
    private readonly recentAuth: RecentAuth,
    private readonly sessions: SessionService,
  ) {}

  async change(email: string): Promise<EmailChanged> {
    const { userId, sessionId } = signedInSession();
    await this.recentAuth.requireRecentAuth(sessionId);
    if ((await this.repository.findUserEmail(userId)) === email) return { email, signedOutSessions: 0 };
    try {
      await this.repository.updateEmail(userId, email);
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      throw new ConflictException(
        problem(409, { detail: 'Another account already uses this email address.', code: 'email_taken' }),
      );
    }
    const signedOutSessions = await this.sessions.revokeOtherSessions(userId, sessionId, 'email_changed');
    return { email, signedOutSessions };
  }
}
