import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '../src/seed.js';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, seedTenants, seedUsers } from '../src/seed-data.js';

const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => owner.end());

const seedTenantIds = [DEMO_TENANT_ID, OTHER_TENANT_ID];

async function snapshot() {
  const tenants = await owner`select slug, name from tenants where id = any(${seedTenantIds}::uuid[]) order by slug`;
  const members = await owner`
    select u.email, t.slug, r.key as role
    from memberships m
    join users u on u.id = m.user_id
    join tenants t on t.id = m.tenant_id
    join user_roles ur on ur.tenant_id = m.tenant_id and ur.user_id = m.user_id
    join roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
    where m.tenant_id = any(${seedTenantIds}::uuid[]) and m.status = 'active'
    order by u.email`;
  const [roles] = await owner`
    select count(*)::int as roles, (select count(*)::int from role_permissions where tenant_id = any(${seedTenantIds}::uuid[])) as grants
    from roles where tenant_id = any(${seedTenantIds}::uuid[])`;
  return { tenants, members, roles };
}

describe('the demo seed', () => {
  it('creates the documented tenants, users and their roles', async () => {
    const { tenants, members } = await snapshot();
    expect(tenants.map((tenant) => tenant.slug)).toEqual(['demo', 'other']);
    expect(members).toEqual([
      { email: 'admin@demo.test', slug: 'demo', role: 'admin' },
      { email: 'admin@other.test', slug: 'other', role: 'admin' },
      { email: 'client@demo.test', slug: 'demo', role: 'client' },
      { email: 'crew@demo.test', slug: 'demo', role: 'crew' },
      { email: 'office@demo.test', slug: 'demo', role: 'office_staff' },
      { email: 'pm@demo.test', slug: 'demo', role: 'property_manager' },
    ]);
  });

  it('can run again without duplicating rows and restores edited demo values', async () => {
    const before = await snapshot();
    await owner`update tenants set name = 'changed by a user' where slug = 'demo'`;
    await seedDatabase(inject('ownerDatabaseUrl'));
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.tenants).toEqual(seedTenants.map(({ slug, name }) => ({ slug, name })));
    expect(seedUsers.length).toBe(7);
  });
});
