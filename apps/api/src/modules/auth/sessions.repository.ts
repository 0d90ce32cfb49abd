import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { refreshTokens, sessions } from '@ontrack/db/schema/auth';
import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { mfaRequirement } from './mfa/mfa-policy.js';

export interface NewSessionRow {
  id: string;
  userId: string;
  activeTenantId: string | null;
  portalTenantId: string | null;
  method: string;
  userAgent: string | null;
  ip: string | null;
  idleMinutes: number;
  absoluteDays: number;
}

export interface SessionState {
  id: string;
  userId: string;
  activeTenantId: string | null;
  portalTenantId: string | null;
  mfaVerifiedAt: Date | null;
  idleExpiresAt: Date;
}

export interface PresentedRefreshToken {
  id: string;
  usedAt: Date | null;
  fresh: boolean;
  session: SessionState & { live: boolean };
}

export interface DeviceRow {
  id: string;
  userAgent: string | null;
  ip: string | null;
  authMethods: string[];
  portalTenantId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

const sessionState = {
  id: sessions.id,
  userId: sessions.userId,
  activeTenantId: sessions.activeTenantId,
  portalTenantId: sessions.portalTenantId,
  mfaVerifiedAt: sessions.mfaVerifiedAt,
  idleExpiresAt: sessions.idleExpiresAt,
};

const live = and(
  isNull(sessions.revokedAt),
  gt(sessions.idleExpiresAt, sql`now()`),
  gt(sessions.absoluteExpiresAt, sql`now()`),
);

/**
 * Sessions and their refresh tokens. Every method runs in the caller's transaction: a sign-in flow's own
 * (system context `auth`) or the request's (RLS: the signed-in user's own sessions only).
 */
@Injectable()
export class SessionsRepository {
  /** A new session (signed in now, re-authenticated now); idle and absolute expiry from the configuration. */
  async insertSession(tx: Database, row: NewSessionRow): Promise<SessionState> {
    const [inserted] = await tx
      .insert(sessions)
      .values({
        id: row.id,
        userId: row.userId,
        activeTenantId: row.activeTenantId,
        portalTenantId: row.portalTenantId,
        authMethods: [row.method],
        reauthenticatedAt: sql`now()`,
        userAgent: row.userAgent,
        ip: row.ip,
        absoluteExpiresAt: sql`now() + make_interval(days => ${row.absoluteDays})`,
        // Never beyond the absolute expiry, whatever the two settings say.
        idleExpiresAt: sql`least(now() + make_interval(mins => ${row.idleMinutes}), now() + make_interval(days => ${row.absoluteDays}))`,
      })
      .returning(sessionState);
    if (!inserted) throw new Error('the session was not inserted');
    return inserted;
  }

  async insertRefreshToken(
    tx: Database,
    token: { id: string; sessionId: string; userId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await tx.insert(refreshTokens).values(token);
  }

  /** The token and its session, both locked: two refreshes with one token queue, and the second is a reuse. */
  async findRefreshTokenForUpdate(tx: Database, tokenHash: string): Promise<PresentedRefreshToken | undefined> {
    const [row] = await tx
      .select({
        id: refreshTokens.id,
        usedAt: refreshTokens.usedAt,
        fresh: sql<boolean>`${refreshTokens.expiresAt} > now()`,
        session: { ...sessionState, live: sql<boolean>`coalesce(${live}, false)` },
      })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .where(eq(refreshTokens.tokenHash, tokenHash))
      .for('update');
    return row;
  }

  async markRefreshTokenUsed(tx: Database, id: string, replacedById: string): Promise<void> {
    await tx.update(refreshTokens).set({ usedAt: sql`now()`, replacedById }).where(eq(refreshTokens.id, id));
  }

  /** Retires every other unused token of a session (the new one replaces them); presenting one later is a reuse. */
  async retireRefreshTokensExcept(tx: Database, sessionId: string, replacedById: string): Promise<void> {
    await tx
      .update(refreshTokens)
      .set({ usedAt: sql`now()`, replacedById })
      .where(
        and(eq(refreshTokens.sessionId, sessionId), isNull(refreshTokens.usedAt), ne(refreshTokens.id, replacedById)),
      );
  }

  /** A refresh: the device was seen now, the idle expiry moves forward (never past the absolute one). */
  async touch(
    tx: Database,
    sessionId: string,
    client: { ip: string | null; userAgent: string | null },
    idleMinutes: number,
  ): Promise<SessionState> {
    const [row] = await tx
      .update(sessions)
      .set({
        lastSeenAt: sql`now()`,
        idleExpiresAt: sql`least(now() + make_interval(mins => ${idleMinutes}), ${sessions.absoluteExpiresAt})`,
        ip: client.ip,
        userAgent: client.userAgent,
      })
      .where(eq(sessions.id, sessionId))
      .returning(sessionState);
    if (!row) throw new Error('the session disappeared during a refresh');
    return row;
  }

  async markMfaVerified(tx: Database, sessionId: string, method: string): Promise<SessionState | undefined> {
    const [row] = await tx
      .update(sessions)
      .set({
        mfaVerifiedAt: sql`now()`,
        authMethods: sql`array_append(array_remove(${sessions.authMethods}, ${method}), ${method})`,
      })
      .where(and(eq(sessions.id, sessionId), live))
      .returning(sessionState);
    return row;
  }

  async markReauthenticated(tx: Database, sessionId: string): Promise<boolean> {
    const rows = await tx
      .update(sessions)
      .set({ reauthenticatedAt: sql`now()` })
      .where(and(eq(sessions.id, sessionId), live))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  /** False for a session that has ended, or a client-portal session of another business. */
  async setActiveTenant(tx: Database, sessionId: string, tenantId: string): Promise<boolean> {
    const rows = await tx
      .update(sessions)
      .set({ activeTenantId: tenantId })
      .where(
        and(
          eq(sessions.id, sessionId),
          live,
          or(isNull(sessions.portalTenantId), eq(sessions.portalTenantId, tenantId)),
        ),
      )
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  /** True when a live session was revoked (RLS hides other users' sessions: false for those). */
  async revoke(tx: Database, sessionId: string, reason: string): Promise<boolean> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  async revokeOthers(tx: Database, userId: string, keepSessionId: string, reason: string): Promise<number> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: sql`now()`, revokedReason: reason })
      .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length;
  }

  /** The user's live sessions, most recently seen first (the device list). */
  async listLive(tx: Database, userId: string): Promise<DeviceRow[]> {
    return tx
      .select({
        id: sessions.id,
        userAgent: sessions.userAgent,
        ip: sessions.ip,
        authMethods: sessions.authMethods,
        portalTenantId: sessions.portalTenantId,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        idleExpiresAt: sessions.idleExpiresAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
      })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), live))
      .orderBy(desc(sessions.lastSeenAt))
      .limit(200);
  }

  /** One of the user's active memberships by tenant id or slug (the tenant switcher); RLS: own memberships. */
  async findActiveMembershipTenant(tx: Database, userId: string, tenant: string): Promise<string | undefined> {
    const rows = await tx.execute<{ tenant_id: string }>(sql`
      select m.tenant_id from memberships m join tenants t on t.id = m.tenant_id
      where m.user_id = ${userId} and m.status = 'active' and (t.id::text = ${tenant.toLowerCase()} or t.slug = ${tenant})
      limit 1`);
    return rows[0]?.tenant_id;
  }

  /**
   * Whether the user owes a second factor at sign-in: they have a confirmed authenticator, or they must enrol
   * one (mfa-policy.ts: an Admin anywhere they are active, or staff of a business that requires it). The
   * policy restores the transaction's settings when it is done.
   */
  async mfaRequired(tx: Database, userId: string): Promise<boolean> {
    const [factor] = await tx.execute<{ confirmed: boolean }>(sql`
      select true as confirmed from totp_factors where user_id = ${userId} and confirmed_at is not null`);
    if (factor) return true;
    return (await mfaRequirement(tx, userId)).required;
  }
}
