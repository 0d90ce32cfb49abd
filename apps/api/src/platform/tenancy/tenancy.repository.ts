import { Injectable } from '@nestjs/common';
import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import type { RequestTransaction } from '../db/request-transaction.js';

export interface MemberAccess {
  email: string;
  status: 'invited' | 'active' | 'suspended';
  roles: string[];
  scopes: RoleScope[];
  permissions: Permission[];
}

/**
 * The queries behind the tenant guard. They run inside the request transaction, after its settings name
 * the tenant and the user, so row-level security applies to them like to everything else.
 */
@Injectable()
export class TenancyRepository {
  /** The tenant id for an X-Tenant-ID that is a slug; undefined unless the user may see that tenant. */
  async findTenantIdBySlug(tx: RequestTransaction, slug: string): Promise<string | undefined> {
    const [row] = await tx.sql<{ id: string }[]>`select id from tenants where slug = ${slug}`;
    return row?.id;
  }

  /** The user's first active membership: their default tenant when a request names none. */
  async findDefaultTenantId(tx: RequestTransaction, userId: string): Promise<string | undefined> {
    const [row] = await tx.sql<{ tenantId: string }[]>`
      select tenant_id as "tenantId" from memberships
      where user_id = ${userId} and status = 'active'
      order by activated_at nulls last, tenant_id
      limit 1`;
    return row?.tenantId;
  }

  /**
   * The user's membership in the transaction's tenant with its roles, scopes and permissions, in one
   * statement that also publishes the roles and scopes to the policies (app.role, app.scopes).
   */
  async loadMemberAccess(tx: RequestTransaction, tenantId: string, userId: string): Promise<MemberAccess | undefined> {
    const [row] = await tx.sql<(MemberAccess & { published: unknown })[]>`
      select access.*,
             set_config('app.role', array_to_string(access.roles, ','), true) is not null and
             set_config('app.scopes', array_to_string(access.scopes, ','), true) is not null as published
      from (
        select u.email, m.status::text as status,
               coalesce(array_agg(distinct r.key) filter (where r.key is not null), '{}') as roles,
               coalesce(array_agg(distinct r.scope::text) filter (where r.scope is not null), '{}') as scopes,
               coalesce(array_agg(distinct rp.permission_key) filter (where rp.permission_key is not null), '{}') as permissions
        from memberships m
        join users u on u.id = m.user_id
        left join user_roles ur on ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
        left join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
        left join role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
        where m.tenant_id = ${tenantId} and m.user_id = ${userId}
        group by u.email, m.status
      ) access`;
    if (!row) return undefined;
    const { published: _published, ...access } = row;
    return access;
  }

  /** The caller as a platform operator: their email, and the live support grant of this tenant if any. */
  async findOperator(
    tx: RequestTransaction,
    tenantId: string,
    userId: string,
  ): Promise<{ email: string; grantId?: string } | undefined> {
    const [row] = await tx.sql<{ email: string; grantId: string | null }[]>`
      select u.email,
             (select g.id from support_access_grants g
              where g.tenant_id = ${tenantId} and g.operator_user_id = u.id
                and g.status = 'granted' and g.expires_at > now()
              order by g.expires_at desc limit 1) as "grantId"
      from users u
      where u.id = ${userId} and u.is_platform_operator`;
    if (!row) return undefined;
    return { email: row.email, grantId: row.grantId ?? undefined };
  }

  async findUserEmail(tx: RequestTransaction, userId: string): Promise<string | undefined> {
    const [row] = await tx.sql<{ email: string }[]>`select email from users where id = ${userId}`;
    return row?.email;
  }
}
