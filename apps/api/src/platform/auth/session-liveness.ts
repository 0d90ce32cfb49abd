import type { RequestTransaction } from '../db/request-transaction.js';

export interface LiveSession {
  /** Set for a client-portal session: it may act in this tenant only. */
  portalTenantId: string | null;
}

/** A live session and when it stops being live unless refreshed: the earlier of its two expiries, epoch ms. */
export interface LiveSessionRow extends LiveSession {
  expiresAt: number;
}

/**
 * The session named by an access token, if it is still live: not revoked (sign-out, "sign out this device",
 * refresh-token reuse) and past neither its idle nor its absolute expiry. A primary-key lookup in the
 * request transaction (RLS: a user sees only their own sessions), sent without waiting for the statement
 * before it so it costs no round trip of its own.
 */
export async function findLiveSession(
  tx: RequestTransaction,
  sessionId: string,
  userId: string,
): Promise<LiveSessionRow | undefined> {
  const [row] = await tx.sql<LiveSessionRow[]>`
    select portal_tenant_id as "portalTenantId", (extract(epoch from least(idle_expires_at, absolute_expires_at)) * 1000)::float8 as "expiresAt"
    from sessions
    where id = ${sessionId} and user_id = ${userId} and revoked_at is null
      and idle_expires_at > now() and absolute_expires_at > now()`;
  return row;
}
