import { memberships } from '@ontrack/db/schema/memberships';
import { rolePermissions, roles, userRoles } from '@ontrack/db/schema/rbac';
import { tenants } from '@ontrack/db/schema/tenants';
import type { MfaRequirementReason } from '@ontrack/schemas/auth-mfa';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

export interface MfaRequirement {
  required: boolean;
  reason: MfaRequirementReason;
}

/** Holding both makes a custom role as powerful as Admin (it can grant itself anything): treated as one. */
const ADMIN_EQUIVALENT = ['roles:manage', 'users:manage'] as const;

/**
 * Must this user sign in with a second factor? Yes when they are an Admin of any business where their
 * membership is active (`admin`; a custom role that may manage both users and roles counts as Admin), or
 * staff of a business that sets `mfa_required_for_staff` (`tenant_policy`): staff is everyone but Clients
 * (the `own_contact` scope), whose portal the setting does not cover.
 *
 * A sign-in does not know its tenant yet and the rule spans every membership, while roles are tenant rows
 * that RLS shows one tenant at a time. So this looks at each tenant in turn, inside a savepoint that is
 * rolled back at the end: the caller's settings (a request's user, or the `system:auth` context of a
 * sign-in) are exactly as before. `db` must be inside a transaction (a request's `currentDb()`, or the `tx`
 * of `database.db.transaction(...)`).
 */
export async function mfaRequirement(db: PgDatabase<PgQueryResultHKT>, userId: string): Promise<MfaRequirement> {
  await db.execute(sql`savepoint mfa_requirement`);
  try {
    await db.execute(sql`select set_config('app.user_id', ${userId}, true), set_config('app.tenant_id', '', true)`);
    // Own memberships are readable with app.user_id; so are the tenants where they are active.
    const active = await db
      .select({ tenantId: memberships.tenantId, staffMustUseMfa: tenants.mfaRequiredForStaff })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')));

    let tenantPolicy = false;
    for (const membership of active) {
      await db.execute(sql`select set_config('app.tenant_id', ${membership.tenantId}, true)`);
      const held = await db
        .select({
          key: roles.key,
          scope: roles.scope,
          adminEquivalent: sql<boolean>`(select count(distinct ${rolePermissions.permissionKey}) from ${rolePermissions}
            where ${rolePermissions.tenantId} = ${roles.tenantId} and ${rolePermissions.roleId} = ${roles.id}
              and ${inArray(rolePermissions.permissionKey, [...ADMIN_EQUIVALENT])}) = ${ADMIN_EQUIVALENT.length}`,
        })
        .from(userRoles)
        .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)))
        .where(and(eq(userRoles.tenantId, membership.tenantId), eq(userRoles.userId, userId)));
      if (held.some((role) => role.key === 'admin' || role.adminEquivalent)) return { required: true, reason: 'admin' };
      if (membership.staffMustUseMfa && held.some((role) => role.scope !== 'own_contact')) tenantPolicy = true;
    }
    return tenantPolicy ? { required: true, reason: 'tenant_policy' } : { required: false, reason: null };
  } finally {
    await db.execute(sql`rollback to savepoint mfa_requirement`);
    await db.execute(sql`release savepoint mfa_requirement`);
  }
}
