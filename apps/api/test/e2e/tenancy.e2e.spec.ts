import { ConflictException, Controller, Module, Post } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ActivityRecorder } from '../../src/platform/activity/activity-recorder.js';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import { currentSql } from '../../src/platform/db/current-transaction.js';
import { RequirePermission } from '../../src/platform/rbac/require-permission.decorator.js';
import { type ApiCall, accessChanged, callApi, type RunningApi, startApi } from './start-api.js';

describe('authentication, tenant resolution and permissions over HTTP', () => {
  let api: RunningApi;
  let tokens: AccessTokens;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  // A member of demo of this file's own, so suspending them cannot disturb tests running in parallel.
  const suspendable = newId();

  beforeAll(async () => {
    api = await startApi({}, undefined, [FailingWriteModule]);
    tokens = api.app.get(AccessTokens);
    await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${DEMO_TENANT_ID}, true)`;
      await tx`insert into users (id, email, name) values (${suspendable}, ${`${suspendable}@tenancy.test`}, 'Sue Spendable')`;
      await tx`insert into memberships (tenant_id, user_id, status) values (${DEMO_TENANT_ID}, ${suspendable}, 'active')`;
      await tx`insert into user_roles (tenant_id, user_id, role_id)
               select ${DEMO_TENANT_ID}, ${suspendable}, id from roles where tenant_id = ${DEMO_TENANT_ID} and key = 'office_staff'`;
    });
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  const call = (path: string, options: ApiCall = {}) => callApi(api, path, options);

  it('401 without a token, and with a forged or expired one', async () => {
    expect((await call('/tenant')).status).toBe(401);
    const forged = await fetch(`${api.baseUrl}/api/v1/tenant`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('content-type')).toMatch(/problem\+json/);
    expect(forged.headers.get('www-authenticate')).toBe('Bearer');
    const expired = await fetch(`${api.baseUrl}/api/v1/tenant`, {
      headers: { authorization: `Bearer ${await tokens.sign({ sub: SEED_USER_IDS.demoAdmin }, -60)}` },
    });
    expect(expired.status).toBe(401);
  });

  it("answers with the user's default tenant when no X-Tenant-ID is sent", async () => {
    const { status, body } = await call('/tenant', { user: SEED_USER_IDS.demoAdmin });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: DEMO_TENANT_ID, slug: 'demo', name: 'Evergreen Landscaping' });
  });

  it('tells each user their own roles, scopes and permissions in the business, and nothing for another', async () => {
    const crew = await call('/me/access', { user: SEED_USER_IDS.demoCrew, tenant: 'demo' });
    expect(crew.status).toBe(200);
    expect(crew.body).toMatchObject({ tenantId: DEMO_TENANT_ID, roles: ['crew'], scopes: ['assigned'] });
    const crewPermissions = crew.body.permissions as string[];
    expect(crewPermissions).toContain('jobs:read');
    expect(crewPermissions).not.toContain('invoices:read');
    expect(crewPermissions).toEqual([...crewPermissions].sort());
    const office = await call('/me/access', { user: SEED_USER_IDS.demoOffice, tenant: 'demo' });
    expect(office.body.permissions).toEqual(expect.arrayContaining(['invoices:read', 'contacts:read']));
    expect((await call('/me/access', { user: SEED_USER_IDS.demoCrew, tenant: OTHER_TENANT_ID })).status).toBe(403);
  });

  it('accepts X-Tenant-ID as an id or a slug', async () => {
    expect((await call('/tenant', { user: SEED_USER_IDS.demoAdmin, tenant: DEMO_TENANT_ID })).body.slug).toBe('demo');
    expect((await call('/tenant', { user: SEED_USER_IDS.demoAdmin, tenant: 'demo' })).body.slug).toBe('demo');
  });

  it('403 for a tenant the user is not a member of, whether named by id, by slug, or made up', async () => {
    for (const tenant of [OTHER_TENANT_ID, 'other', '01970000-0000-7000-8000-00000000dead', 'no-such-tenant']) {
      const { status, body } = await call('/tenant', { user: SEED_USER_IDS.demoAdmin, tenant });
      expect({ tenant, status, detail: body.detail }).toEqual({
        tenant,
        status: 403,
        detail: 'You do not have access to this business.',
      });
    }
  });

  it('403 for a suspended member, and the suspension takes effect on the next request', async () => {
    expect((await call('/tenant', { user: suspendable, tenant: 'demo' })).status).toBe(200);
    await owner`update memberships set status = 'suspended' where user_id = ${suspendable}`;
    await accessChanged(api);
    expect((await call('/tenant', { user: suspendable, tenant: 'demo' })).status).toBe(403);
    await owner`update memberships set status = 'active' where user_id = ${suspendable}`;
    await accessChanged(api);
    expect((await call('/tenant', { user: suspendable, tenant: 'demo' })).status).toBe(200);
  });

  it('403 when the role lacks the permission (crew cannot change the business)', async () => {
    const { status, body } = await call('/tenant', {
      user: SEED_USER_IDS.demoCrew,
      method: 'PATCH',
      body: { name: 'Crew was here' },
    });
    expect(status).toBe(403);
    expect(body.detail).toMatch(/tenant:manage/);
  });

  it('an admin change is saved, validated field by field, and written to the activity log once', async () => {
    const invalid = await call('/tenant', {
      user: SEED_USER_IDS.demoAdmin,
      method: 'PATCH',
      body: { timeZone: 'Mars/Olympus', currency: 'XXZ' },
    });
    expect(invalid.status).toBe(422);
    expect((invalid.body.errors as { field: string }[]).map((error) => error.field).sort()).toEqual([
      'currency',
      'timeZone',
    ]);

    const { status, body, requestId } = await call('/tenant', {
      user: SEED_USER_IDS.demoAdmin,
      method: 'PATCH',
      body: { timeZone: 'America/New_York' },
    });
    expect(status).toBe(200);
    expect(body.timeZone).toBe('America/New_York');
    // Counted by this request's id: other test files write activity of the demo tenant in parallel.
    const entries = await owner`
      select action, entity_type, summary, actor_label from activity_log
      where tenant_id = ${DEMO_TENANT_ID} and request_id = ${requestId}`;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'update',
      entity_type: 'tenant',
      actor_label: 'admin@demo.test',
      summary: { timeZone: ['America/Chicago', 'America/New_York'] },
    });
    await owner`update tenants set time_zone = 'America/Chicago' where id = ${DEMO_TENANT_ID}`;
  });

  it('a handler that fails after writing leaves neither the change nor its activity entry behind', async () => {
    const { status, requestId } = await call('/test-fails-after-write', {
      user: SEED_USER_IDS.demoAdmin,
      method: 'POST',
    });
    expect(status).toBe(409);
    const [tenant] = await owner`select name from tenants where id = ${DEMO_TENANT_ID}`;
    expect(tenant?.name).toBe('Evergreen Landscaping');
    expect(await owner`select 1 from activity_log where request_id = ${requestId}`).toHaveLength(0);
  });

  it('GET /me lists the memberships of the user across tenants without any tenant', async () => {
    const { status, body } = await call('/me', { user: SEED_USER_IDS.otherAdmin });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      email: 'admin@other.test',
      memberships: [{ tenantId: OTHER_TENANT_ID, slug: 'other', status: 'active' }],
    });
  });

  it('returns every pooled connection: 40 concurrent requests, half refused by a guard, all answered', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call('/tenant', { user: SEED_USER_IDS.demoAdmin, tenant: i % 2 === 0 ? 'demo' : 'other' }),
      ),
    );
    expect(results.filter((result) => result.status === 200)).toHaveLength(20);
    expect(results.filter((result) => result.status === 403)).toHaveLength(20);
    expect((await call('/tenant', { user: SEED_USER_IDS.demoAdmin })).status).toBe(200);
  });
});

/** Writes (a rename and its activity entry), then fails: everything must roll back. */
@Controller('test-fails-after-write')
class FailingWriteController {
  constructor(private readonly activity: ActivityRecorder) {}

  @Post()
  @RequirePermission('tenant:manage')
  async writeThenFail(): Promise<never> {
    await currentSql()`update tenants set name = 'Half-written' where id = ${DEMO_TENANT_ID}`;
    this.activity.record({ entityType: 'tenant', entityId: DEMO_TENANT_ID, action: 'update', summary: {} });
    throw new ConflictException('conflict discovered after the write');
  }
}

@Module({ controllers: [FailingWriteController] })
class FailingWriteModule {}
