import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { userIdentities } from '@ontrack/db/schema/auth';
import { memberships } from '@ontrack/db/schema/memberships';
import { tenants } from '@ontrack/db/schema/tenants';
import { users } from '@ontrack/db/schema/users';
import { applySessionContext } from '@ontrack/db/session-context';
import { and, eq, sql } from 'drizzle-orm';

/**
 * SQL of the OIDC sign-in. Every method takes the transaction it runs in: the callback has no request
 * transaction (nobody is signed in yet) and runs in the `auth` system context.
 */
@Injectable()
export class OidcIdentitiesRepository {
  async findUserIdBySubject(tx: Database, provider: string, subject: string): Promise<string | undefined> {
    const [row] = await tx
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)))
      .limit(1);
    return row?.userId;
  }

  async findUserIdByEmail(tx: Database, email: string): Promise<string | undefined> {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    return row?.id;
  }

  async hasIdentityAt(tx: Database, userId: string, provider: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, provider)))
      .limit(1);
    return row !== undefined;
  }

  /** Links the provider's account to the user; false when a concurrent callback linked that subject first. */
  async link(
    tx: Database,
    input: { userId: string; provider: string; subject: string; email: string },
  ): Promise<boolean> {
    const inserted = await tx
      .insert(userIdentities)
      .values({ id: newId(), ...input, lastUsedAt: sql`now()` })
      .onConflictDoNothing({ target: [userIdentities.provider, userIdentities.subject] })
      .returning({ id: userIdentities.id });
    return inserted.length > 0;
  }

  /** Records the use, and the address the provider reports today (it may have changed since linking). */
  async touch(tx: Database, provider: string, subject: string, email: string | undefined): Promise<void> {
    await tx
      .update(userIdentities)
      .set({ lastUsedAt: sql`now()`, ...(email ? { email } : {}) })
      .where(and(eq(userIdentities.provider, provider), eq(userIdentities.subject, subject)));
  }

  /** The tenant of a portal slug, when the user is an active member there. */
  async findPortalTenantId(tx: Database, slug: string, userId: string): Promise<string | undefined> {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
    if (!tenant) return undefined;
    // memberships are tenant-owned: their policy needs the tenant set, even in a system context.
    await applySessionContext(tx, { tenantId: tenant.id, system: 'auth' });
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId), eq(memberships.status, 'active')))
      .limit(1);
    await applySessionContext(tx, { system: 'auth' });
    return member ? tenant.id : undefined;
  }
}
