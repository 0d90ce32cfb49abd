import { Injectable } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { memberships } from '@ontrack/db/schema/memberships';
import { rolePermissions, roles, userRoles } from '@ontrack/db/schema/rbac';
import { users } from '@ontrack/db/schema/users';
import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import { ADMINISTRATION_PERMISSIONS } from '@ontrack/schemas/rbac';
import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { currentDb, currentSql } from '../../platform/db/current-transaction.js';

export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string;
  scope: RoleScope;
  isSystem: boolean;
  permissions: Permission[];
  memberCount: number;
}

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  status: 'invited' | 'active' | 'suspended';
  activatedAt: Date | null;
}

export interface MemberRoleRow {
  userId: string;
  id: string;
  key: string;
  name: string;
}

export interface NewRole {
  key: string;
  name: string;
  description: string;
  scope: RoleScope;
}

// Correlated subqueries: one statement for a list of roles, whatever its length.
const permissionsOfRole = sql<Permission[]>`coalesce((
  select array_agg(rp.permission_key order by rp.permission_key) from role_permissions rp
  where rp.tenant_id = ${roles.tenantId} and rp.role_id = ${roles.id}), '{}')`;
const holdersOfRole = sql<number>`(
  select count(*)::int from user_roles ur where ur.tenant_id = ${roles.tenantId} and ur.role_id = ${roles.id})`;
const { tenantId: _tenantId, createdAt: _createdAt, updatedAt: _updatedAt, ...roleColumns } = getTableColumns(roles);
const roleFields = { ...roleColumns, permissions: permissionsOfRole, memberCount: holdersOfRole };

/**
 * Roles, their permissions and who holds them, in the request's tenant. Row-level security confines
 * every statement to that tenant, so an id of another tenant simply finds nothing.
 */
@Injectable()
export class RbacRepository {
  async listRoles(): Promise<RoleRow[]> {
    return currentDb().select(roleFields).from(roles).orderBy(desc(roles.isSystem), asc(roles.name));
  }

  async findRole(id: string): Promise<RoleRow | undefined> {
    const [role] = await currentDb().select(roleFields).from(roles).where(eq(roles.id, id));
    return role;
  }

  async findRoleByKey(key: string): Promise<RoleRow | undefined> {
    const [role] = await currentDb().select(roleFields).from(roles).where(eq(roles.key, key));
    return role;
  }

  async findRoles(ids: readonly string[]): Promise<RoleRow[]> {
    if (ids.length === 0) return [];
    return currentDb()
      .select(roleFields)
      .from(roles)
      .where(inArray(roles.id, [...ids]));
  }

  async insertRole(tenantId: string, role: NewRole): Promise<string> {
    const id = newId();
    await currentDb()
      .insert(roles)
      .values({ tenantId, id, ...role, isSystem: false });
    return id;
  }

  async updateRole(id: string, patch: Partial<NewRole>): Promise<void> {
    await currentDb()
      .update(roles)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(roles.id, id));
  }

  async replaceRolePermissions(tenantId: string, roleId: string, permissions: readonly Permission[]): Promise<void> {
    await currentDb().delete(rolePermissions).where(eq(rolePermissions.roleId, roleId));
    await currentDb()
      .insert(rolePermissions)
      .values(permissions.map((permissionKey) => ({ tenantId, roleId, permissionKey })));
  }

  /** Deletes a role that nobody holds (its permissions go with it, by cascade). */
  async deleteRole(id: string): Promise<boolean> {
    const deleted = await currentDb()
      .delete(roles)
      .where(and(eq(roles.id, id), eq(roles.isSystem, false)))
      .returning({ id: roles.id });
    return deleted.length > 0;
  }

  async listMembers(): Promise<MemberRow[]> {
    return this.members().orderBy(asc(users.name), asc(users.email), asc(memberships.userId));
  }

  async findMember(userId: string): Promise<MemberRow | undefined> {
    const [member] = await this.members().where(eq(memberships.userId, userId));
    return member;
  }

  /** The roles held by the given members, or by every member of the tenant. */
  async findMemberRoles(userIds?: readonly string[]): Promise<MemberRoleRow[]> {
    const query = currentDb()
      .select({ userId: userRoles.userId, id: roles.id, key: roles.key, name: roles.name })
      .from(userRoles)
      .innerJoin(roles, and(eq(roles.tenantId, userRoles.tenantId), eq(roles.id, userRoles.roleId)));
    const filtered = userIds ? query.where(inArray(userRoles.userId, [...userIds])) : query;
    return filtered.orderBy(desc(roles.isSystem), asc(roles.name));
  }

  /** The union of the permissions a member's roles grant. */
  async findMemberPermissions(userId: string): Promise<Set<Permission>> {
    const rows = await currentDb()
      .selectDistinct({ permission: rolePermissions.permissionKey })
      .from(userRoles)
      .innerJoin(
        rolePermissions,
        and(eq(rolePermissions.tenantId, userRoles.tenantId), eq(rolePermissions.roleId, userRoles.roleId)),
      )
      .where(eq(userRoles.userId, userId));
    return new Set(rows.map((row) => row.permission as Permission));
  }

  async updateMemberStatus(userId: string, status: 'active' | 'suspended'): Promise<void> {
    await currentDb()
      .update(memberships)
      .set({
        status,
        updatedAt: sql`now()`,
        ...(status === 'active' && { activatedAt: sql`coalesce(${memberships.activatedAt}, now())` }),
      })
      .where(eq(memberships.userId, userId));
  }

  async replaceMemberRoles(tenantId: string, userId: string, roleIds: readonly string[]): Promise<void> {
    await currentDb().delete(userRoles).where(eq(userRoles.userId, userId));
    await currentDb()
      .insert(userRoles)
      .values(roleIds.map((roleId) => ({ tenantId, userId, roleId })));
  }

  /**
   * Active members whose roles together grant every administration permission. Read after a change, in
   * the same transaction, to refuse a change that leaves the business without an administrator.
   */
  async countActiveAdministrators(): Promise<number> {
    const [row] = await currentSql()<{ n: number }[]>`
      select count(*)::int as n from memberships m
      where m.status = 'active' and (
        select count(distinct rp.permission_key) from user_roles ur
        join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
        where ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
          and rp.permission_key = any(${ADMINISTRATION_PERMISSIONS as unknown as string[]}::text[])
      ) = ${ADMINISTRATION_PERMISSIONS.length}`;
    return row?.n ?? 0;
  }

  /**
   * Serialises changes to who administers the tenant until the request commits: without it, two admins
   * demoting each other at the same moment would each still see the other and leave nobody in charge.
   */
  async lockAdministration(tenantId: string): Promise<void> {
    await currentSql()`select pg_advisory_xact_lock(hashtextextended(${`ontrack:administration:${tenantId}`}, 0))`;
  }

  private members() {
    return currentDb()
      .select({
        userId: memberships.userId,
        email: users.email,
        name: users.name,
        status: memberships.status,
        activatedAt: memberships.activatedAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .$dynamic();
  }
}
