import type { RequestTransaction } from '../db/request-transaction.js';

export interface LiveSession {
  /** Set for a client-portal session: it may act in this tenant only. */
  portalTenantId: string | null;
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
): Promise<LiveSession | undefined> {
  const [row] = await tx.sql<{ portalTenantId: string | null }[]>`
    select portal_tenant_id as "portalTenantId" from sessions
    where id = ${sessionId} and user_id = ${userId} and revoked_at is null
      and idle_expires_at > now() and absolute_expires_at > now()`;
  return row;
}
