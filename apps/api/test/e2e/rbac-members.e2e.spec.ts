import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RbacModule } from '../../src/modules/rbac/rbac.module.js';
import { apiCaller, createTestTenant, type Reply, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

const LAST_ADMIN = /the business would be left without an administrator/;

/**
 * Members over HTTP: status and role changes, their validation and activity, and the rules that keep a
 * business administrable (no self-suspension, no self-demotion, never zero administrators, no escalation).
 * The tests of this file run in order on one business of their own.
 */
describe('members and their roles over HTTP', () => {
  let api: RunningApi;
  let call: ReturnType<typeof apiCaller>;
  let t: TestTenant<'ann' | 'bob' | 'olga' | 'carl' | 'ivy' | 'pete'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    api = await startApi({}, undefined, [RbacModule]);
    call = apiCaller(api);
    t = await createTestTenant(inject('ownerDatabaseUrl'), {
      ann: { roles: ['admin'] },
      bob: { roles: ['admin'] },
      olga: { roles: ['office_staff'] },
      carl: { roles: ['crew'] },
      ivy: { roles: ['office_staff'], status: 'invited' },
      pete: { roles: ['crew'] },
    });
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  type Name = keyof typeof t.users;
  const as =
    (name: Name) =>
    (method: string, path: string, body?: unknown): Promise<Reply> =>
      call(method, path, t.users[name], t.id, body);
  const patchMember = (actor: Name, target: Name | string, body: unknown) =>
    as(actor)('PATCH', `/members/${target in t.users ? t.users[target as Name] : target}`, body);
  const lastActivity = async (entityId: string) =>
    (
      await owner`
        select action, entity_type, summary from activity_log
        where tenant_id = ${t.id} and entity_id = ${entityId} order by seq desc limit 1`
    )[0];
  const activityCount = async () =>
    (await owner<{ n: number }[]>`select count(*)::int as n from activity_log where tenant_id = ${t.id}`)[0]?.n;

  it('lists every member with status and roles to users:read holders only', async () => {
    const reply = await as('olga')('GET', '/members');
    expect(reply.status).toBe(200);
    const members = reply.body as unknown as {
      userId: string;
      name: string;
      status: string;
      roles: { key: string }[];
    }[];
    expect(members.map((member) => member.name)).toEqual(['ann', 'bob', 'carl', 'ivy', 'olga', 'pete']);
    expect(members.find((member) => member.name === 'ivy')).toMatchObject({
      status: 'invited',
      activatedAt: null,
      roles: [{ id: t.roleId('office_staff'), key: 'office_staff', name: 'Office Staff' }],
    });
    expect(members.find((member) => member.name === 'ann')?.roles.map((role) => role.key)).toEqual(['admin']);
    expect((await as('carl')('GET', '/members')).status).toBe(403);
    expect((await as('olga')('PATCH', `/members/${t.users.carl}`, { status: 'suspended' })).status).toBe(403);
  });

  it('suspends a member (refused from their next request) and reactivates them, recording both', async () => {
    const suspended = await patchMember('ann', 'olga', { status: 'suspended' });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', email: expect.stringMatching(/^olga-/) });
    expect(await lastActivity(t.users.olga)).toMatchObject({
      action: 'update',
      entity_type: 'membership',
      summary: { status: ['active', 'suspended'] },
    });
    expect((await as('olga')('GET', '/members')).status).toBe(403);

    const reactivated = await patchMember('ann', 'olga', { status: 'active' });
    expect(reactivated.body).toMatchObject({ status: 'active', activatedAt: suspended.body.activatedAt });
    expect((await as('olga')('GET', '/members')).status).toBe(200);
    expect(await lastActivity(t.users.olga)).toMatchObject({ summary: { status: ['suspended', 'active'] } });
  });

  it('replaces roles, recording the keys added and removed; an unchanged member records nothing', async () => {
    const reply = await patchMember('ann', 'pete', { roleIds: [t.roleId('office_staff'), t.roleId('crew')] });
    expect(reply.status).toBe(200);
    expect((reply.body.roles as { key: string }[]).map((role) => role.key).sort()).toEqual(['crew', 'office_staff']);
    expect(await lastActivity(t.users.pete)).toMatchObject({
      summary: { roles: { added: ['office_staff'], removed: [] } },
    });
    const before = await activityCount();
    expect(
      (await patchMember('ann', 'pete', { status: 'active', roleIds: [t.roleId('crew'), t.roleId('office_staff')] }))
        .status,
    ).toBe(200);
    expect(await activityCount()).toBe(before);
  });

  it('an invited member is not activated here (409)', async () => {
    const reply = await patchMember('ann', 'ivy', { status: 'active' });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/has not accepted their invitation yet/);
  });

  it('422 for bad fields, a role of another business (pointing at it) and a malformed id', async () => {
    const demoRole = (await call('GET', '/roles', SEED_USER_IDS.demoAdmin, DEMO_TENANT_ID)).body as unknown as {
      id: string;
    }[];
    const foreign = await patchMember('ann', 'carl', { roleIds: [t.roleId('crew'), demoRole[0]?.id, newId()] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([
      expect.objectContaining({ in: 'body', field: 'roleIds.1', pointer: '#/roleIds/1', code: 'unknown_role' }),
      expect.objectContaining({ in: 'body', field: 'roleIds.2', pointer: '#/roleIds/2' }),
    ]);
    const fields = async (body: unknown) => (await patchMember('ann', 'carl', body)).body.errors?.map((e) => e.field);
    expect(await fields({})).toEqual(['']);
    expect(await fields({ status: 'invited' })).toEqual(['status']);
    expect(await fields({ roleIds: [] })).toEqual(['roleIds']);
    expect(await fields({ roleIds: [t.roleId('crew'), t.roleId('crew')] })).toEqual(['roleIds']);
    expect(await fields({ roleIds: ['crew'] })).toEqual(['roleIds.0']);
    const malformed = await patchMember('ann', 'not-a-uuid', { status: 'active' });
    expect(malformed.body.errors).toEqual([expect.objectContaining({ in: 'path', field: 'userId' })]);
  });

  it('404 for a member of another business, or nobody (never 403, never a hint they exist)', async () => {
    for (const userId of [SEED_USER_IDS.demoOffice, SEED_USER_IDS.operator, newId()]) {
      const reply = await patchMember('ann', userId, { status: 'suspended' });
      expect({ status: reply.status, detail: reply.body.detail }).toEqual({
        status: 404,
        detail: 'There is no such member in this business.',
      });
    }
    const seeded = await call('GET', '/members', SEED_USER_IDS.demoAdmin, DEMO_TENANT_ID);
    expect(seeded.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: SEED_USER_IDS.demoOffice, status: 'active' })]),
    );
  });

  it('nobody suspends themselves or removes their own Admin role', async () => {
    const before = await activityCount();
    const suspend = await patchMember('ann', 'ann', { status: 'suspended' });
    expect([suspend.status, suspend.body.detail]).toEqual([409, 'You cannot suspend yourself.']);
    const demote = await patchMember('ann', 'ann', { roleIds: [t.roleId('office_staff')] });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(/You cannot remove your own administrator role/);
    expect(await activityCount()).toBe(before);
  });

  it('nobody grants permissions they do not hold (403)', async () => {
    const manager = await as('ann')('POST', '/roles', {
      name: 'People Manager',
      scope: 'tenant',
      permissions: ['users:read', 'users:manage'],
    });
    expect((await patchMember('ann', 'pete', { roleIds: [manager.body.id] })).status).toBe(200);
    const escalate = await patchMember('pete', 'pete', { roleIds: [manager.body.id, t.roleId('admin')] });
    expect(escalate.status).toBe(403);
    expect(escalate.body.detail).toMatch(/^You cannot grant permissions you do not hold yourself: .*roles:manage/);
  });

  it('refuses to leave the business without an administrator (409)', async () => {
    const manager = ((await as('ann')('GET', '/roles')).body as unknown as { id: string; key: string }[]).find(
      (role) => role.key === 'people_manager',
    );
    // Pete manages people but is no administrator: with Bob suspended, Ann is the last one.
    expect((await patchMember('pete', 'bob', { status: 'suspended' })).status).toBe(200);
    const suspend = await patchMember('pete', 'ann', { status: 'suspended' });
    expect(suspend.status).toBe(409);
    expect(suspend.body.detail).toMatch(LAST_ADMIN);
    const demote = await patchMember('pete', 'ann', { roleIds: [manager?.id] });
    expect(demote.status).toBe(409);
    expect(demote.body.detail).toMatch(LAST_ADMIN);
    const [ann] = await owner`
      select m.status, array_agg(r.key) as roles from memberships m
      join user_roles ur on ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
      join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where m.tenant_id = ${t.id} and m.user_id = ${t.users.ann} group by m.status`;
    expect(ann).toEqual({ status: 'active', roles: ['admin'] });
  });

  it('two administrators suspending each other at once: exactly one wins', async () => {
    expect((await patchMember('ann', 'bob', { status: 'active' })).status).toBe(200);
    const replies = await Promise.all([
      patchMember('ann', 'bob', { status: 'suspended' }),
      patchMember('bob', 'ann', { status: 'suspended' }),
    ]);
    // The loser is refused by the rule (409), or, if the winner committed before its request got in at
    // all, as a suspended member (403). Either way exactly one change happened.
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const [active] = await owner<{ n: number }[]>`
      select count(*)::int as n from memberships
      where tenant_id = ${t.id} and user_id in (${t.users.ann}, ${t.users.bob}) and status = 'active'`;
    expect(active?.n).toBe(1);
  });

  it('taking an administration permission from the role of the last administrator is refused (409)', async () => {
    const [winner, loser] = (
      await owner<{ user_id: string; status: string }[]>`
        select user_id, status from memberships where tenant_id = ${t.id} and user_id in (${t.users.ann}, ${t.users.bob})
        order by status`
    ).map((row) => (row.user_id === t.users.ann ? 'ann' : 'bob'));
    if (!winner || !loser) throw new Error('expected Ann and Bob');
    // Carl becomes the administrator through a custom role; the winner steps down to people management.
    const boss = await as(winner)('POST', '/roles', {
      name: 'Boss',
      scope: 'tenant',
      permissions: ['roles:read', 'roles:manage', 'users:read', 'users:manage'],
    });
    expect((await patchMember(winner, 'carl', { roleIds: [boss.body.id] })).status).toBe(200);
    const manager = ((await as('carl')('GET', '/roles')).body as unknown as { id: string; key: string }[]).find(
      (role) => role.key === 'people_manager',
    );
    expect((await patchMember('carl', winner, { roleIds: [manager?.id] })).status).toBe(200);

    const before = await activityCount();
    const reply = await as('carl')('PATCH', `/roles/${boss.body.id}`, {
      permissions: ['roles:read', 'roles:manage', 'users:read'],
    });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(LAST_ADMIN);
    expect((await as('carl')('GET', `/roles/${boss.body.id}`)).body.permissions).toContain('users:manage');
    expect(await activityCount()).toBe(before);
  });
});
