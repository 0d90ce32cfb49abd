import { BadRequestException, Injectable, NotFoundException, Optional, UnauthorizedException } from '@nestjs/common';
import type { SessionList } from '@ontrack/schemas/auth';
import { problem } from '../../platform/http/problem-details.js';
import { RateLimiter } from '../../platform/rate-limit/rate-limiter.js';
import { type RequestContext, requestContext } from '../../platform/request-context/request-context.js';
import { hashToken } from './auth-secrets.js';
import { type ClientInfo, type IssuedSession, SessionService } from './session.service.js';

/**
 * What the signed-in user does with their sessions (the routes of SessionController): refresh, sign out,
 * the device list. Rules here; the session mechanics are SessionService's.
 */
@Injectable()
export class SessionDevices {
  constructor(
    private readonly sessions: SessionService,
    @Optional() private readonly limiter?: RateLimiter,
  ) {}

  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    await this.limiter?.consume('refresh:ip', client.ip ?? 'unknown');
    if (!refreshToken) {
      throw new UnauthorizedException(
        problem(401, { detail: 'No refresh token: send the refresh cookie, or `refreshToken` in the body.' }),
      );
    }
    // Per token chain would need the session first; the token's hash identifies the chain's current link.
    await this.limiter?.consume('refresh:session', hashToken(refreshToken));
    return this.sessions.refresh(refreshToken, client);
  }

  async signOutCurrent(): Promise<void> {
    const { sessionId } = requestContext();
    if (sessionId) await this.sessions.revoke(sessionId, 'sign_out');
  }

  /** True when the device signed out is the one asking (its cookies are cleared too). */
  async signOutDevice(id: string): Promise<boolean> {
    const { sessionId } = requestContext();
    // RLS: another user's session is invisible, so it is "not found" like an id that does not exist.
    if (!(await this.sessions.revoke(id, 'signed_out_by_user'))) {
      throw new NotFoundException(problem(404, { detail: 'You have no signed-in session with this id.' }));
    }
    return id === sessionId;
  }

  async signOutOthers(): Promise<{ signedOut: number }> {
    const { userId, sessionId } = signedIn(requestContext());
    if (!sessionId) {
      throw new BadRequestException(problem(400, { detail: 'This access token belongs to no session.' }));
    }
    return { signedOut: await this.sessions.revokeOtherSessions(userId, sessionId, 'signed_out_by_user') };
  }

  async list(): Promise<SessionList> {
    const { userId, sessionId } = signedIn(requestContext());
    const rows = await this.sessions.listDevices(userId);
    return {
      items: rows.map((row) => ({
        id: row.id,
        current: row.id === sessionId,
        userAgent: row.userAgent,
        ip: row.ip,
        authMethods: row.authMethods,
        portalTenantId: row.portalTenantId,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        idleExpiresAt: row.idleExpiresAt.toISOString(),
        expiresAt: row.absoluteExpiresAt.toISOString(),
      })),
    };
  }

  async switchTenant(tenant: string): Promise<{ tenantId: string; accessToken: string; accessTokenExpiresAt: Date }> {
    const { userId, sessionId } = signedIn(requestContext());
    return this.sessions.switchTenant(userId, sessionId, tenant);
  }
}

function signedIn(context: RequestContext): { userId: string; sessionId?: string } {
  if (!context.actor) throw new Error('these routes run behind the auth guard');
  return { userId: context.actor.userId, sessionId: context.sessionId };
}
