import { sql } from 'drizzle-orm';
import { createDatabase, type Database } from './client.js';
import { defaultRoleId, provisionDefaultRoles } from './default-roles.js';
import { memberships } from './schema/memberships.js';
import { userRoles } from './schema/rbac.js';
import { tenants } from './schema/tenants.js';
import { users } from './schema/users.js';
import { seedTenants, seedUsers } from './seed-data.js';
import { applySessionContext } from './session-context.js';

/**
 * Loads the deterministic demo data. Re-runnable: rows are upserted by their fixed ids, so a second run
 * restores the demo values without duplicating anything. Everything is written in a named system context
 * and, for tenant rows, inside that tenant's context, so the seed works even when the owner role is itself
 * bound by row-level security (FORCE).
 */
export async function seedDatabase(ownerUrl: string): Promise<{ tenants: number; users: number }> {
  const { db, close } = createDatabase(ownerUrl, { max: 1, applicationName: 'ontrack-seed' });
  try {
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'seed' });
      for (const { memberships: _memberships, ...user } of seedUsers) {
        await tx
          .insert(users)
          .values(user)
          .onConflictDoUpdate({
            target: users.id,
            set: { email: user.email, name: user.name, locale: user.locale ?? null, updatedAt: sql`now()` },
          });
      }
    });
    for (const tenant of seedTenants) {
      await db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId: tenant.id, system: 'seed' });
        await tx
          .insert(tenants)
          .values(tenant)
          .onConflictDoUpdate({
            target: tenants.id,
            set: { ...tenant, updatedAt: sql`now()` },
          });
        await provisionDefaultRoles(tx, tenant.id);
        await seedMembers(tx, tenant.id);
      });
    }
    return { tenants: seedTenants.length, users: seedUsers.length };
  } finally {
    await close();
  }
}

async function seedMembers(tx: Database, tenantId: string): Promise<void> {
  for (const user of seedUsers) {
    for (const membership of user.memberships.filter((m) => m.tenantId === tenantId)) {
      await tx
        .insert(memberships)
        .values({ tenantId, userId: user.id, status: 'active', activatedAt: new Date('2026-01-05T15:00:00Z') })
        .onConflictDoUpdate({
          target: [memberships.tenantId, memberships.userId],
          set: { status: 'active', updatedAt: sql`now()` },
        });
      await tx.delete(userRoles).where(sql`${userRoles.tenantId} = ${tenantId} and ${userRoles.userId} = ${user.id}`);
      await tx
        .insert(userRoles)
        .values(membership.roles.map((key) => ({ tenantId, userId: user.id, roleId: defaultRoleId(tenantId, key) })));
    }
  }
}
