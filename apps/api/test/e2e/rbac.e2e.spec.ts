import { defaultRoleId } from '@ontrack/db/default-roles';
import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import { DEFAULT_ROLES, type DefaultRoleKey, type Permission, permissionKeys } from '@ontrack/schemas/permissions';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RbacModule } from '../../src/modules/rbac/rbac.module.js';
import { apiCaller, createTestTenant, type Reply, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/** Roles over HTTP: who may do what, custom role CRUD with its rules and activity, and tenant isolation. */
describe('roles and the permission catalogue over HTTP', () => {
  let api: RunningApi;
  let call: ReturnType<typeof apiCaller>;
  let t: TestTenant<'owner' | 'worker'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    // Mounted explicitly: works whether or not AppModule registers RbacModule too (Nest dedupes modules).
    api = await startApi({}, undefined, [RbacModule]);
    call = apiCaller(api);
    t = await createTestTenant(inject('ownerDatabaseUrl'), {
      owner: { roles: ['admin'] },
      worker: { roles: ['crew'] },
    });
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  const asOwner = (method: string, path: string, body?: unknown) => call(method, path, t.users.owner, t.id, body);
  const lastActivity = async (entityId: string) =>
    (
      await owner`
        select action, entity_type, actor_label, summary from activity_log
        where tenant_id = ${t.id} and entity_id = ${entityId} order by seq desc limit 1`
    )[0];
  const activityCount = async () =>
    (await owner<{ n: number }[]>`select count(*)::int as n from activity_log where tenant_id = ${t.id}`)[0]?.n;
  const fields = (reply: Reply) => reply.body.errors?.map((error) => error.field).sort();

  it('answers 403 exactly where the default matrix withholds the permission (seeded demo users)', async () => {
    // Writes are sent with an invalid body (or an unknown id): 422/404 prove the permission guard let them through.
    const routes: [string, string, Permission, number, unknown?][] = [
      ['GET', '/permissions', 'roles:read', 200],
      ['GET', '/roles', 'roles:read', 200],
      ['POST', '/roles', 'roles:manage', 422, {}],
      ['PATCH', `/roles/${newId()}`, 'roles:manage', 422, {}],
      ['DELETE', `/roles/${newId()}`, 'roles:manage', 404],
      ['GET', '/members', 'users:read', 200],
      ['PATCH', `/members/${newId()}`, 'users:manage', 422, {}],
    ];
    const users: Record<DefaultRoleKey, string> = {
      admin: SEED_USER_IDS.demoAdmin,
      office_staff: SEED_USER_IDS.demoOffice,
      crew: SEED_USER_IDS.demoCrew,
      property_manager: SEED_USER_IDS.demoPm,
      client: SEED_USER_IDS.demoClient,
    };
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const [key, user] of Object.entries(users) as [DefaultRoleKey, string][]) {
      for (const [method, path, permission, allowed, body] of routes) {
        const reply = await call(method, path, user, DEMO_TENANT_ID, body);
        seen.push(`${key} ${method} ${path.split('/')[1]}: ${reply.status}`);
        const granted = DEFAULT_ROLES[key].permissions.includes(permission);
        wanted.push(`${key} ${method} ${path.split('/')[1]}: ${granted ? allowed : 403}`);
      }
    }
    expect(seen).toEqual(wanted);
  });

  it('lists the permission catalogue in its order, with descriptions', async () => {
    const reply = await call('GET', '/permissions', SEED_USER_IDS.demoOffice, DEMO_TENANT_ID);
    expect(reply.status).toBe(200);
    const entries = reply.body as unknown as { key: string; description: string }[];
    expect(entries.map((entry) => entry.key)).toEqual(permissionKeys);
    expect(entries[0]).toEqual({ key: 'tenant:read', description: 'See the business profile and settings' });
  });

  it('lists the five default roles, read-only, with their permissions and holders', async () => {
    const reply = await asOwner('GET', '/roles');
    expect(reply.status).toBe(200);
    const roles = reply.body as unknown as { key: DefaultRoleKey; isSystem: boolean; permissions: string[] }[];
    expect(roles.map((role) => role.key).sort()).toEqual(Object.keys(DEFAULT_ROLES).sort());
    for (const role of roles) {
      expect(role).toMatchObject({
        id: t.roleId(role.key),
        name: DEFAULT_ROLES[role.key].name,
        scope: DEFAULT_ROLES[role.key].scope,
        isSystem: true,
        memberCount: role.key === 'admin' || role.key === 'crew' ? 1 : 0,
      });
      expect([...role.permissions].sort()).toEqual([...DEFAULT_ROLES[role.key].permissions].sort());
    }
  });

  it('creates a custom role keyed by a slug of its name, and records it', async () => {
    const reply = await asOwner('POST', '/roles', {
      name: '  Site Lead (North)  ',
      description: 'Runs a crew on site',
      scope: 'assigned',
      permissions: ['jobs:read', 'tasks:write', 'tasks:read'],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      key: 'site_lead_north',
      name: 'Site Lead (North)',
      description: 'Runs a crew on site',
      scope: 'assigned',
      isSystem: false,
      permissions: ['jobs:read', 'tasks:read', 'tasks:write'],
      memberCount: 0,
    });
    const id = reply.body.id as string;
    expect((await asOwner('GET', `/roles/${id}`)).body).toEqual(reply.body);
    expect(await lastActivity(id)).toMatchObject({
      action: 'create',
      entity_type: 'role',
      actor_label: expect.stringMatching(/^owner-/),
      summary: { key: 'site_lead_north', scope: 'assigned', permissions: ['jobs:read', 'tasks:read', 'tasks:write'] },
    });
  });

  it('409 when the key of the name is taken, by a custom or a default role', async () => {
    for (const name of ['site-lead north', 'Admin', 'Office staff']) {
      const before = await activityCount();
      const reply = await asOwner('POST', '/roles', { name, scope: 'tenant', permissions: ['jobs:read'] });
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toMatch(/already exists in this business: ".+"\. Choose a different name\./);
      expect(await activityCount()).toBe(before);
    }
  });

  it('422 with every refused field', async () => {
    const bad = await asOwner('POST', '/roles', { name: 'x', scope: 'galaxy', permissions: [] });
    expect(bad.status).toBe(422);
    expect(fields(bad)).toEqual(['name', 'permissions', 'scope']);
    const unknown = await asOwner('POST', '/roles', {
      name: 'Rocketeer',
      scope: 'tenant',
      permissions: ['jobs:read', 'rockets:launch'],
    });
    expect(unknown.body.errors?.[0]).toMatchObject({ in: 'body', field: 'permissions.1', pointer: '#/permissions/1' });
    const twice = await asOwner('POST', '/roles', {
      name: 'Twice',
      scope: 'tenant',
      permissions: ['jobs:read', 'jobs:read'],
    });
    expect(fields(twice)).toEqual(['permissions']);
    expect(
      fields(await asOwner('POST', '/roles', { name: '!!!', scope: 'tenant', permissions: ['jobs:read'] })),
    ).toEqual(['name']);
  });

  it('changes a custom role: renamed (new key), permissions replaced, recorded with the diff', async () => {
    const created = await asOwner('POST', '/roles', {
      name: 'Estimator',
      scope: 'tenant',
      permissions: ['estimates:read', 'leads:read'],
    });
    const id = created.body.id as string;
    const reply = await asOwner('PATCH', `/roles/${id}`, {
      name: 'Senior Estimator',
      permissions: ['estimates:read', 'estimates:write'],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ key: 'senior_estimator', permissions: ['estimates:read', 'estimates:write'] });
    expect(await lastActivity(id)).toMatchObject({
      action: 'update',
      summary: {
        name: ['Estimator', 'Senior Estimator'],
        key: ['estimator', 'senior_estimator'],
        permissions: { added: ['estimates:write'], removed: ['leads:read'] },
      },
    });
    expect(fields(await asOwner('PATCH', `/roles/${id}`, {}))).toEqual(['']);
    expect((await asOwner('PATCH', `/roles/${id}`, { name: 'Site Lead North' })).status).toBe(409);
  });

  it('default roles cannot be changed or deleted (409), and nothing is recorded', async () => {
    const before = await activityCount();
    const patch = await asOwner('PATCH', `/roles/${t.roleId('crew')}`, { permissions: ['jobs:read'] });
    expect(patch.status).toBe(409);
    expect(patch.body.detail).toMatch(/"Crew" is a default role and cannot be changed/);
    const removal = await asOwner('DELETE', `/roles/${t.roleId('client')}`);
    expect(removal.status).toBe(409);
    expect(removal.body.detail).toMatch(/"Client" is a default role and cannot be deleted/);
    expect(await activityCount()).toBe(before);
    const crew = await asOwner('GET', `/roles/${t.roleId('crew')}`);
    expect(crew.body.permissions).toEqual(DEFAULT_ROLES.crew.permissions);
  });

  it('a custom role grants its permissions from the next request on; a held role cannot be deleted', async () => {
    const worker = (method: string, path: string) => call(method, path, t.users.worker, t.id);
    expect((await worker('GET', '/roles')).status).toBe(403);
    const viewer = await asOwner('POST', '/roles', {
      name: 'Role Viewer',
      scope: 'tenant',
      permissions: ['roles:read'],
    });
    const id = viewer.body.id as string;
    const assigned = await asOwner('PATCH', `/members/${t.users.worker}`, { roleIds: [t.roleId('crew'), id] });
    expect(assigned.status).toBe(200);
    expect((await worker('GET', '/roles')).status).toBe(200);
    expect((await worker('POST', '/roles')).status).toBe(403);

    const held = await asOwner('DELETE', `/roles/${id}`);
    expect(held.status).toBe(409);
    expect(held.body.detail).toBe(
      'The role "Role Viewer" cannot be deleted: 1 person still holds it. Give them another role first.',
    );

    expect((await asOwner('PATCH', `/members/${t.users.worker}`, { roleIds: [t.roleId('crew')] })).status).toBe(200);
    expect((await worker('GET', '/roles')).status).toBe(403);
    const removal = await asOwner('DELETE', `/roles/${id}`);
    expect(removal.status).toBe(204);
    expect(await lastActivity(id)).toMatchObject({
      action: 'delete',
      entity_type: 'role',
      summary: { key: 'role_viewer' },
    });
    expect((await asOwner('GET', `/roles/${id}`)).status).toBe(404);
  });

  it("404 for another tenant's role (never 403, never a hint it exists); 422 for a malformed id", async () => {
    // A second business of this file's own holds the custom role, so the seeded tenants see no writes.
    const other = await createTestTenant(inject('ownerDatabaseUrl'), { boss: { roles: ['admin'] } });
    const custom = await call('POST', '/roles', other.users.boss, other.id, {
      name: 'Theirs Only',
      scope: 'tenant',
      permissions: ['jobs:read'],
    });
    expect(custom.status).toBe(201);
    const before = await activityCount();
    for (const id of [defaultRoleId(DEMO_TENANT_ID, 'admin'), other.roleId('crew'), custom.body.id as string]) {
      for (const [method, body] of [['GET'], ['PATCH', { name: 'Hijacked' }], ['DELETE']] as const) {
        const reply = await asOwner(method, `/roles/${id}`, body);
        expect({ method, status: reply.status, detail: reply.body.detail }).toEqual({
          method,
          status: 404,
          detail: 'There is no such role in this business.',
        });
      }
    }
    expect(await activityCount()).toBe(before);
    const untouched = await call('GET', `/roles/${custom.body.id}`, other.users.boss, other.id);
    expect(untouched.body).toEqual(custom.body);

    const malformed = await asOwner('GET', '/roles/not-a-uuid');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ in: 'path', field: 'id', pointer: '#/id' })]);
  });
});
