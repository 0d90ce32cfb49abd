import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Database, DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import { ACCESS_TOKEN_MAX_SECONDS, AccessTokens } from '../../platform/auth/access-token.js';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { maybeRequestContext } from '../../platform/request-context/request-context.js';
import { hashToken, newOpaqueToken } from './auth-secrets.js';
import { type DeviceRow, type SessionState, SessionsRepository } from './sessions.repository.js';

export interface ClientInfo {
  ip: string | undefined;
  userAgent: string | undefined;
}

export interface StartSession {
  userId: string;
  /** `magic_link`, `oidc:<provider>`, `invitation`. */
  method: string;
  /** A client-portal sign-in scoped to one tenant: the session may act there only. */
  portalTenantId?: string;
  activeTenantId?: string;
}

export interface IssuedSession {
  sessionId: string;
  /** JWT ≤ 15 min: sub, sid, tid, and `mfa: 'pending'` while a required second factor is missing. */
  accessToken: string;
  accessTokenExpiresAt: Date;
  /** Opaque, 256 bits, stored hashed, rotated on every use. */
  refreshToken: string;
  /** The user has a confirmed authenticator, or must enrol one (Admin, or the business requires it of staff). */
  mfaPending: boolean;
  /** When the session ends at the latest (refresh-cookie lifetime). */
  refreshTokenExpiresAt: Date;
}

export interface AccessGrant {
  accessToken: string;
  accessTokenExpiresAt: Date;
}

const USER_AGENT_MAX = 512;

/**
 * Sessions: a signed-in device with a short access token (JWT) and an opaque refresh token that rotates on
 * every use. Presenting a refresh token that was already used means two parties hold the chain (a stolen
 * token, or a client that refreshed twice): the whole session is revoked, and both are signed out.
 *
 * Sign-in flows (nobody signed in yet) run in their own transaction in the named system context `auth`;
 * calls made inside an authenticated request (MFA verified, sign-out, device list) use the request's
 * transaction, where RLS shows the user their own sessions only.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionsRepository,
  ) {}

  /**
   * Signs the user in on this device. Always in a transaction of its own (system context `auth`), even when
   * called during a request: working out whether a second factor is owed looks at each of the user's
   * businesses in turn, which must not disturb the request transaction's settings.
   */
  start(input: StartSession, client: ClientInfo): Promise<IssuedSession> {
    return this.inOwnAuthTransaction((tx) => this.startIn(tx, input, client));
  }

  /**
   * The same, inside a sign-in flow's own `system:auth` transaction (never a request's), so that "the link
   * is used" and "the session exists" commit together.
   */
  async startIn(tx: Database, input: StartSession, client: ClientInfo): Promise<IssuedSession> {
    const portal = input.portalTenantId ?? null;
    const session = await this.sessions.insertSession(tx, {
      id: newId(),
      userId: input.userId,
      activeTenantId: input.activeTenantId ?? portal,
      portalTenantId: portal,
      method: input.method,
      userAgent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: client.ip ?? null,
      idleMinutes: this.config.AUTH_IDLE_TIMEOUT_MINUTES,
      absoluteDays: portal ? this.config.AUTH_PORTAL_ABSOLUTE_TIMEOUT_DAYS : this.config.AUTH_ABSOLUTE_TIMEOUT_DAYS,
    });
    const mfaPending = await this.sessions.mfaRequired(tx, input.userId);
    return this.issue(tx, session, mfaPending);
  }

  /** New tokens for a refresh token; the presented one can never be used again. */
  async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedSession> {
    const outcome = await this.inOwnAuthTransaction(async (tx) => {
      const presented = await this.sessions.findRefreshTokenForUpdate(tx, hashToken(refreshToken));
      if (!presented) return { kind: 'unknown' as const };
      if (presented.usedAt) {
        // Committed before the 401 is thrown: the revocation must stick.
        await this.sessions.revoke(tx, presented.session.id, 'refresh_token_reuse');
        return { kind: 'reuse' as const };
      }
      if (!presented.session.live || !presented.fresh) return { kind: 'ended' as const };
      const state = await this.sessions.touch(
        tx,
        presented.session.id,
        { ip: client.ip ?? null, userAgent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null },
        this.config.AUTH_IDLE_TIMEOUT_MINUTES,
      );
      // Recomputed while the second factor is unverified: a user made Admin meanwhile must enrol now.
      const mfaPending = state.mfaVerifiedAt ? false : await this.sessions.mfaRequired(tx, state.userId);
      const issued = await this.issue(tx, state, mfaPending, presented.id);
      return { kind: 'issued' as const, issued };
    });
    switch (outcome.kind) {
      case 'issued':
        return outcome.issued;
      case 'reuse':
        throw unauthorized(
          'This refresh token was already used: the session is signed out on every device that shared it. Sign in again.',
        );
      case 'ended':
        throw unauthorized('This session has ended (signed out, or timed out): sign in again.');
      default:
        throw unauthorized('The refresh token is not valid: sign in again.');
    }
  }

  /** The second factor was verified: new tokens without `mfa: 'pending'` (the old refresh token is retired). */
  async markMfaVerified(sessionId: string, method: 'totp' | 'recovery_code'): Promise<IssuedSession> {
    return this.inAuthContext(async (tx) => {
      const state = await this.sessions.markMfaVerified(tx, sessionId, method);
      if (!state) throw unauthorized('This session has ended (signed out, or timed out): sign in again.');
      return this.issue(tx, state, false, undefined, true);
    });
  }

  async markReauthenticated(sessionId: string): Promise<void> {
    await this.inAuthContext(async (tx) => {
      if (!(await this.sessions.markReauthenticated(tx, sessionId))) {
        throw unauthorized('This session has ended (signed out, or timed out): sign in again.');
      }
    });
  }

  /** Signs the session out everywhere; false when there was no such live session (or it is not the caller's). */
  revoke(sessionId: string, reason: string): Promise<boolean> {
    return this.inAuthContext((tx) => this.sessions.revoke(tx, sessionId, reason));
  }

  /** Signs out every other session of the user; how many were. */
  revokeOtherSessions(userId: string, keepSessionId: string, reason: string): Promise<number> {
    return this.inAuthContext((tx) => this.sessions.revokeOthers(tx, userId, keepSessionId, reason));
  }

  /** The user's live sessions (the device list), in the request transaction. */
  listDevices(userId: string): Promise<DeviceRow[]> {
    return this.inAuthContext((tx) => this.sessions.listLive(tx, userId));
  }

  /**
   * A new access token working in another of the user's businesses; the session remembers it for the next
   * refresh. A client-portal session stays in its business.
   */
  async switchTenant(
    userId: string,
    sessionId: string | undefined,
    tenant: string,
  ): Promise<AccessGrant & { tenantId: string }> {
    return this.inAuthContext(async (tx) => {
      const tenantId = await this.sessions.findActiveMembershipTenant(tx, userId, tenant);
      if (!tenantId) {
        throw new ForbiddenException(problem(403, { detail: 'You are not an active member of this business.' }));
      }
      // The guard found the session live, so a refusal here means a client-portal session scoped elsewhere.
      if (sessionId && !(await this.sessions.setActiveTenant(tx, sessionId, tenantId))) {
        throw new ForbiddenException(
          problem(403, { detail: 'This sign-in is for one business’s client portal only.' }),
        );
      }
      return { tenantId, ...(await this.signAccess({ sub: userId, sid: sessionId, tid: tenantId })) };
    });
  }

  /** A request is open: use its transaction (RLS as the user). Otherwise a `system:auth` transaction. */
  private inAuthContext<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    const transaction = maybeRequestContext()?.transaction;
    if (transaction?.isOpen) return work(transaction.db);
    return this.inOwnAuthTransaction(work);
  }

  private inOwnAuthTransaction<T>(work: (tx: Database) => Promise<T>): Promise<T> {
    return this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      return work(tx as unknown as Database);
    });
  }

  private async issue(
    tx: Database,
    session: SessionState,
    mfaPending: boolean,
    replacing?: string,
    retireAll = false,
  ): Promise<IssuedSession> {
    const refreshToken = newOpaqueToken();
    const refreshId = newId();
    await this.sessions.insertRefreshToken(tx, {
      id: refreshId,
      sessionId: session.id,
      userId: session.userId,
      tokenHash: hashToken(refreshToken),
      expiresAt: session.idleExpiresAt,
    });
    if (replacing) await this.sessions.markRefreshTokenUsed(tx, replacing, refreshId);
    if (retireAll) await this.sessions.retireRefreshTokensExcept(tx, session.id, refreshId);
    const access = await this.signAccess({
      sub: session.userId,
      sid: session.id,
      tid: session.activeTenantId ?? session.portalTenantId ?? undefined,
      mfa: mfaPending ? 'pending' : undefined,
    });
    return {
      sessionId: session.id,
      ...access,
      refreshToken,
      refreshTokenExpiresAt: session.idleExpiresAt,
      mfaPending,
    };
  }

  private async signAccess(claims: Parameters<AccessTokens['sign']>[0]): Promise<AccessGrant> {
    const accessTokenExpiresAt = new Date(Date.now() + ACCESS_TOKEN_MAX_SECONDS * 1000);
    return { accessToken: await this.tokens.sign(claims, ACCESS_TOKEN_MAX_SECONDS), accessTokenExpiresAt };
  }
}

function unauthorized(detail: string): UnauthorizedException {
  return new UnauthorizedException(problem(401, { detail }));
}
