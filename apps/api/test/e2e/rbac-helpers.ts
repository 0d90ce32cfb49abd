import { createDatabase } from '@ontrack/db/client';
import { provisionDefaultLeadStages } from '@ontrack/db/default-lead-stages';
import { defaultRoleId, provisionDefaultRoles } from '@ontrack/db/default-roles';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { DefaultRoleKey } from '@ontrack/schemas/permissions';
import { sql } from 'drizzle-orm';
import { callApi, type RunningApi } from './start-api.js';

export interface TestTenant<Name extends string> {
  id: string;
  users: Record<Name, string>;
  roleId(key: DefaultRoleKey): string;
}

export interface TestMember {
  roles: DefaultRoleKey[];
  status?: 'invited' | 'active' | 'suspended';
}

/**
 * A business of the test's own, with the default roles and the given members, written as the owner. Tests
 * that change members or roles work here, so they never disturb the seeded tenants other files rely on.
 */
export async function createTestTenant<Name extends string>(
  ownerUrl: string,
  members: Record<Name, TestMember>,
): Promise<TestTenant<Name>> {
  const tenantId = newId();
  const users = Object.fromEntries(Object.keys(members).map((name) => [name, newId()])) as Record<Name, string>;
  const { db, close } = createDatabase(ownerUrl, { max: 1, applicationName: 'ontrack-test' });
  try {
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'test' });
      await tx.execute(
        sql`insert into tenants (id, slug, name) values (${tenantId}, ${`rbac-${tenantId}`}, 'RBAC Test Co')`,
      );
      await provisionDefaultRoles(tx, tenantId);
      await provisionDefaultLeadStages(tx, tenantId);
      for (const [name, member] of Object.entries(members) as [Name, TestMember][]) {
        const userId = users[name];
        const status = member.status ?? 'active';
        await tx.execute(
          sql`insert into users (id, email, name) values (${userId}, ${`${name}-${userId}@rbac.test`}, ${name})`,
        );
        await tx.execute(sql`
          insert into memberships (tenant_id, user_id, status, activated_at)
          values (${tenantId}, ${userId}, ${status}, ${status === 'invited' ? null : sql`now()`})`);
        for (const key of member.roles) {
          await tx.execute(sql`
            insert into user_roles (tenant_id, user_id, role_id) values (${tenantId}, ${userId}, ${defaultRoleId(tenantId, key)})`);
        }
      }
    });
  } finally {
    await close();
  }
  return { id: tenantId, users, roleId: (key) => defaultRoleId(tenantId, key) };
}

export interface Reply {
  status: number;
  body: Record<string, unknown> & { detail?: string; errors?: { in: string; field: string; pointer: string }[] };
}

/** `call(method, path, user, tenant, body)` against /api/v1 with a freshly signed access token. */
export function apiCaller(api: RunningApi) {
  return (method: string, path: string, user: string, tenant: string, body?: unknown): Promise<Reply> =>
    callApi<Reply['body']>(api, path, { method, user, tenant, body });
}
