import { DEFAULT_ROLES, type DefaultRoleKey } from '@ontrack/schemas/permissions';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { stableId } from './ids.js';
import { rolePermissions, roles } from './schema/rbac.js';

type Executor = PgDatabase<PgQueryResultHKT>;

/** The id of a tenant's default role: stable, so re-running provisioning or the seed changes nothing. */
export function defaultRoleId(tenantId: string, key: DefaultRoleKey): string {
  return stableId(tenantId, `role:${key}`);
}

/**
 * Gives a tenant the five default roles and exactly their documented permissions (restoring them if an
 * admin's edits went through a bug; default roles are not editable through the API). Runs inside the
 * tenant's context: the caller's transaction must have applied it.
 */
export async function provisionDefaultRoles(tx: Executor, tenantId: string): Promise<void> {
  for (const [key, role] of Object.entries(DEFAULT_ROLES) as [
    DefaultRoleKey,
    (typeof DEFAULT_ROLES)[DefaultRoleKey],
  ][]) {
    const id = defaultRoleId(tenantId, key);
    await tx
      .insert(roles)
      .values({ tenantId, id, key, name: role.name, description: role.description, scope: role.scope, isSystem: true })
      .onConflictDoUpdate({
        target: [roles.tenantId, roles.id],
        set: {
          name: role.name,
          description: role.description,
          scope: role.scope,
          isSystem: true,
          updatedAt: sql`now()`,
        },
      });
    await tx
      .delete(rolePermissions)
      .where(sql`${rolePermissions.tenantId} = ${tenantId} and ${rolePermissions.roleId} = ${id}`);
    await tx
      .insert(rolePermissions)
      .values(role.permissions.map((permissionKey) => ({ tenantId, roleId: id, permissionKey })));
  }
}
