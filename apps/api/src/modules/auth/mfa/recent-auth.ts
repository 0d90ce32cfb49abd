import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { problem } from '../../../platform/http/problem-details.js';
import { requestContext } from '../../../platform/request-context/request-context.js';
import { MfaRepository } from './mfa.repository.js';

/** How long a sign-in or re-authentication counts as "recent" for changing email or MFA. */
export const RECENT_AUTH_MINUTES = 10;

export interface SignedInSession {
  userId: string;
  sessionId: string;
}

/** The signed-in user and their session; 401 for a token that names no session (it cannot be re-verified). */
export function signedInSession(): SignedInSession {
  const { actor, sessionId } = requestContext();
  if (!actor || !sessionId) {
    throw new UnauthorizedException(
      problem(401, { detail: 'This needs a signed-in session: sign in again.', code: 'session_required' }),
    );
  }
  return { userId: actor.userId, sessionId };
}

export function reauthenticationRequired(detail: string): ForbiddenException {
  return new ForbiddenException(problem(403, { detail, code: 'reauthentication_required' }));
}

/**
 * Changing email or MFA needs proof that the person at the keyboard is the account holder now, not just
 * someone holding a session: a sign-in or POST /auth/reauthenticate within the last ten minutes, and, when
 * the user has an authenticator, a session that passed it.
 */
@Injectable()
export class RecentAuth {
  constructor(private readonly repository: MfaRepository) {}

  async requireRecentAuth(sessionId: string): Promise<void> {
    const session = await this.repository.findSessionAuth(sessionId, RECENT_AUTH_MINUTES);
    if (!session?.active) {
      throw new UnauthorizedException(problem(401, { detail: 'This session has ended: sign in again.' }));
    }
    if (session.hasConfirmedFactor && !session.mfaVerified) {
      throw reauthenticationRequired('Enter a code from your authenticator app first (POST /api/v1/auth/mfa/verify).');
    }
    if (!session.recentlyAuthenticated) {
      throw reauthenticationRequired(
        `Confirm it is you: re-authenticate (POST /api/v1/auth/reauthenticate, or sign in again) within ${RECENT_AUTH_MINUTES} minutes before this change.`,
      );
    }
  }
}
