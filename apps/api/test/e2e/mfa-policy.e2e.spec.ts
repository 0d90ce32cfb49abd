import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mfaRequirement } from '../../src/modules/auth/mfa/mfa-policy.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';

type Name = 'admin' | 'office' | 'crew' | 'pm' | 'client' | 'suspendedAdmin' | 'custom';

/** The rule itself, on the real database as the application role (RLS applies), outside any HTTP request. */
describe('mfaRequirement (who must use a second factor)', () => {
  let app: DatabaseHandle;
  let tenant: TestTenant<Name>;
  let strict: TestTenant<'office'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    app = createDatabase(inject('appDatabaseUrl'), { max: 2 });
    tenant = await createTestTenant(inject('ownerDatabaseUrl'), {
      admin: { roles: ['admin'] },
      office: { roles: ['office_staff'] },
      crew: { roles: ['crew'] },
      pm: { roles: ['property_manager'] },
      client: { roles: ['client'] },
      suspendedAdmin: { roles: ['admin'], status: 'suspended' },
      custom: { roles: [] },
    });
    // A custom role that may manage both users and roles could make itself Admin: it counts as one.
    const roleId = newId();
    await owner.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenant.id}, true)`;
      await tx`insert into roles (tenant_id, id, key, name) values (${tenant.id}, ${roleId}, 'people-boss', 'People boss')`;
      await tx`insert into role_permissions (tenant_id, role_id, permission_key)
        values (${tenant.id}, ${roleId}, 'users:manage'), (${tenant.id}, ${roleId}, 'roles:manage')`;
      await tx`insert into user_roles (tenant_id, user_id, role_id) values (${tenant.id}, ${tenant.users.custom}, ${roleId})`;
    });
    strict = await createTestTenant(inject('ownerDatabaseUrl'), { office: { roles: ['office_staff'] } });
    await setStaffRule(strict.id, true);
  });
  afterAll(async () => {
    await app?.close();
    await owner.end();
  });

  /** Written in the tenant's own context, which its update policy asks for. */
  async function setStaffRule(tenantId: string, required: boolean) {
    await owner.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
      const updated =
        await tx`update tenants set mfa_required_for_staff = ${required} where id = ${tenantId} returning id`;
      expect(updated).toHaveLength(1);
    });
  }

  /** In a sign-in's `system:auth` transaction, and checks the caller's settings are untouched afterwards. */
  async function requirementAtSignIn(userId: string) {
    return app.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'auth' });
      const result = await mfaRequirement(tx, userId);
      const [settings] = await tx.execute<{ user_id: string; tenant_id: string; context: string }>(
        sql`select current_setting('app.user_id', true) as user_id, current_setting('app.tenant_id', true) as tenant_id,
                   current_setting('app.context', true) as context`,
      );
      expect(settings).toEqual({ user_id: '', tenant_id: '', context: 'system:auth' });
      return result;
    });
  }

  it('Admins always; a custom role as powerful as Admin too; a suspended membership does not count', async () => {
    expect(await requirementAtSignIn(tenant.users.admin)).toEqual({ required: true, reason: 'admin' });
    expect(await requirementAtSignIn(tenant.users.custom)).toEqual({ required: true, reason: 'admin' });
    expect(await requirementAtSignIn(tenant.users.suspendedAdmin)).toEqual({ required: false, reason: null });
  });

  it('nobody else while the business does not require it', async () => {
    for (const name of ['office', 'crew', 'pm', 'client'] as const) {
      expect(await requirementAtSignIn(tenant.users[name]), name).toEqual({ required: false, reason: null });
    }
  });

  it('with mfa_required_for_staff every member but Clients, and only in that business', async () => {
    expect(await requirementAtSignIn(strict.users.office)).toEqual({ required: true, reason: 'tenant_policy' });
    await setStaffRule(tenant.id, true);
    try {
      for (const name of ['office', 'crew', 'pm'] as const) {
        expect(await requirementAtSignIn(tenant.users[name]), name).toEqual({
          required: true,
          reason: 'tenant_policy',
        });
      }
      expect(await requirementAtSignIn(tenant.users.client)).toEqual({ required: false, reason: null });
      expect(await requirementAtSignIn(tenant.users.admin)).toEqual({ required: true, reason: 'admin' });
    } finally {
      await setStaffRule(tenant.id, false);
    }
  });

  it('inside a user’s request transaction it leaves that request’s settings as they were', async () => {
    await app.db.transaction(async (tx) => {
      await applySessionContext(tx, { userId: tenant.users.office, tenantId: tenant.id, scopes: ['tenant'] });
      expect(await mfaRequirement(tx, tenant.users.admin)).toEqual({
        required: true,
        reason: 'admin',
      });
      const [settings] = await tx.execute<{ user_id: string; tenant_id: string; scopes: string }>(
        sql`select current_setting('app.user_id', true) as user_id, current_setting('app.tenant_id', true) as tenant_id,
                   current_setting('app.scopes', true) as scopes`,
      );
      expect(settings).toEqual({ user_id: tenant.users.office, tenant_id: tenant.id, scopes: 'tenant' });
    });
  });
});
