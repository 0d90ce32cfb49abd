import { Controller, Get, Module } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import {
  DEFAULT_ROLES,
  type DefaultRoleKey,
  type Permission,
  permissionKeys,
  SUPPORT_PERMISSIONS,
} from '@ontrack/schemas/permissions';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import { RequirePermission } from '../../src/platform/rbac/require-permission.decorator.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * THE RBAC MATRIX OVER HTTP: one fixture route per permission, guarded by nothing but
 * @RequirePermission(permission), called by every seeded demo user and by a platform operator under a
 * live and an expired support grant. Each answer must be exactly what DEFAULT_ROLES / SUPPORT_PERMISSIONS
 * say: 200 when granted, 403 otherwise.
 */
const routeOf = (permission: Permission) => `test-permission/${permission.replace(':', '.')}`;

class PermissionFixtureController {}
for (const permission of permissionKeys) {
  const method = `check ${permission}`;
  Object.defineProperty(PermissionFixtureController.prototype, method, {
    value: () => ({ ok: true }),
    configurable: true,
    writable: true,
  });
  const descriptor = Object.getOwnPropertyDescriptor(PermissionFixtureController.prototype, method);
  if (!descriptor) throw new Error('the fixture method was not defined');
  Get(routeOf(permission))(PermissionFixtureController.prototype, method, descriptor);
  RequirePermission(permission)(PermissionFixtureController.prototype, method, descriptor);
}
Controller()(PermissionFixtureController);

@Module({ controllers: [PermissionFixtureController] })
class PermissionFixtureModule {}

const SEEDED: Record<DefaultRoleKey, string> = {
  admin: SEED_USER_IDS.demoAdmin,
  office_staff: SEED_USER_IDS.demoOffice,
  crew: SEED_USER_IDS.demoCrew,
  property_manager: SEED_USER_IDS.demoPm,
  client: SEED_USER_IDS.demoClient,
};

interface Outcome {
  permission: Permission;
  status: number;
}

describe('the permission matrix over HTTP', () => {
  let api: RunningApi;
  let tokens: AccessTokens;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  // An operator of this file's own, so no other test's support grant can change what it sees.
  const operatorId = newId();
  const grantId = newId();

  beforeAll(async () => {
    api = await startApi({}, undefined, [PermissionFixtureModule]);
    tokens = api.app.get(AccessTokens);
    await owner`
      insert into users (id, email, name, is_platform_operator)
      values (${operatorId}, ${`matrix-${operatorId}@ontrack.test`}, 'Matrix Operator', true)`;
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  /**
   * Every permission's route as `userId`, at most 8 requests at a time (the API pool has 10 connections).
   * A 403 must name the missing permission, unless the caller has no access to the tenant at all.
   */
  async function callEveryRoute(userId: string, refusedBy: 'permission' | 'tenant' = 'permission'): Promise<Outcome[]> {
    const headers = { authorization: `Bearer ${await tokens.sign({ sub: userId })}`, 'x-tenant-id': DEMO_TENANT_ID };
    const outcomes: Outcome[] = [];
    const queue = [...permissionKeys];
    const worker = async () => {
      for (let permission = queue.shift(); permission; permission = queue.shift()) {
        const response = await fetch(`${api.baseUrl}/api/v1/${routeOf(permission)}`, { headers });
        const body = (await response.json()) as { ok?: boolean; detail?: string };
        if (response.status === 200) expect(body).toEqual({ ok: true });
        if (response.status === 403) {
          expect(body.detail).toBe(
            refusedBy === 'tenant'
              ? 'You do not have access to this business.'
              : `Your role does not allow this (missing permission: ${permission}).`,
          );
        }
        outcomes.push({ permission, status: response.status });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return outcomes.sort((a, b) => permissionKeys.indexOf(a.permission) - permissionKeys.indexOf(b.permission));
  }

  function expected(granted: readonly Permission[]): Outcome[] {
    return permissionKeys.map((permission) => ({ permission, status: granted.includes(permission) ? 200 : 403 }));
  }

  it('mounts one route per permission', () => {
    expect(new Set(permissionKeys.map(routeOf)).size).toBe(permissionKeys.length);
  });

  for (const role of Object.keys(SEEDED) as DefaultRoleKey[]) {
    it(`${DEFAULT_ROLES[role].name}: 200 exactly for the permissions of the role, 403 for the others`, async () => {
      expect(await callEveryRoute(SEEDED[role])).toEqual(expected(DEFAULT_ROLES[role].permissions));
    });
  }

  it('a platform operator with a live support grant: 200 exactly for SUPPORT_PERMISSIONS', async () => {
    await owner`
      insert into support_access_grants
        (tenant_id, id, operator_user_id, reason, requested_minutes, status, decided_by_user_id, decided_at, expires_at)
      values (${DEMO_TENANT_ID}, ${grantId}, ${operatorId}, 'RBAC matrix test', 30, 'granted',
              ${SEED_USER_IDS.demoAdmin}, now(), now() + interval '30 minutes')`;
    expect(await callEveryRoute(operatorId)).toEqual(expected(SUPPORT_PERMISSIONS));
    // Every use of the grant is in the tenant's activity log, refused requests excepted (they never commit).
    const [uses] = await owner<{ n: number }[]>`
      select count(*)::int as n from activity_log
      where tenant_id = ${DEMO_TENANT_ID} and actor_type = 'support' and entity_id = ${grantId} and action = 'use'`;
    expect(uses?.n).toBe(SUPPORT_PERMISSIONS.length);
  });

  it('the same operator once the grant has expired: 403 for everything', async () => {
    await owner`update support_access_grants set expires_at = now() - interval '1 second' where id = ${grantId}`;
    expect(await callEveryRoute(operatorId, 'tenant')).toEqual(expected([]));
  });

  it('an operator without any grant: 403 for everything', async () => {
    const stranger = newId();
    await owner`
      insert into users (id, email, name, is_platform_operator)
      values (${stranger}, ${`matrix-${stranger}@ontrack.test`}, 'Matrix Stranger', true)`;
    expect(await callEveryRoute(stranger, 'tenant')).toEqual(expected([]));
  });
});
