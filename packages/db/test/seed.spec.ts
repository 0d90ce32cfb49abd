import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '../src/seed.js';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_CONTACT_IDS, seedTenants, seedUsers } from '../src/seed-data.js';

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
  const crm = await owner`
    select t.slug,
      (select count(*)::int from contacts c where c.tenant_id = t.id) as contacts,
      (select count(*)::int from properties p where p.tenant_id = t.id) as properties,
      (select count(*)::int from property_access a where a.tenant_id = t.id) as "gateCodes",
      (select count(*)::int from lead_stages s where s.tenant_id = t.id) as stages,
      (select count(*)::int from leads l where l.tenant_id = t.id) as leads,
      (select count(*)::int from lead_stage_changes h where h.tenant_id = t.id) as moves,
      (select coalesce(sum(l.estimated_value_minor), 0)::bigint::text from leads l where l.tenant_id = t.id) as "valueMinor",
      (select md5(string_agg(l.requested_service, '|' order by l.id)) from leads l where l.tenant_id = t.id) as services
    from tenants t where t.id = any(${seedTenantIds}::uuid[]) order by t.slug`;
  const managed = await owner`
    select u.email, p.address_line1 as address from property_managers pm
    join users u on u.id = pm.user_id join properties p on p.tenant_id = pm.tenant_id and p.id = pm.property_id
    where pm.tenant_id = ${DEMO_TENANT_ID} order by p.address_line1`;
  return { tenants, members, roles, crm, managed };
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
      { email: 'owner@demo.test', slug: 'demo', role: 'admin' },
      { email: 'pm@demo.test', slug: 'demo', role: 'property_manager' },
    ]);
  });

  it('loads contacts, properties, gate codes and a pipeline for both tenants', async () => {
    const { crm, managed } = await snapshot();
    expect(crm.map(({ services: _services, ...counts }) => counts)).toEqual([
      {
        slug: 'demo',
        contacts: 40,
        properties: 43,
        gateCodes: 9,
        stages: 6,
        leads: 25,
        moves: 68,
        valueMinor: '17067000',
      },
      { slug: 'other', contacts: 3, properties: 2, gateCodes: 1, stages: 6, leads: 3, moves: 7, valueMinor: '3750000' },
    ]);
    expect(managed).toEqual([
      { email: 'pm@demo.test', address: '100 Harbor View Dr' },
      { email: 'pm@demo.test', address: '120 Harbor View Dr' },
      { email: 'pm@demo.test', address: '2 Harbor View Dr' },
    ]);
    // client@demo.test's membership still points at the contact the messaging seed gave it.
    const [client] = await owner`
      select m.contact_id as "contactId", c.display_name as name,
        (select count(*)::int from properties p where p.tenant_id = c.tenant_id and p.contact_id = c.id) as properties
      from memberships m join users u on u.id = m.user_id
      join contacts c on c.tenant_id = m.tenant_id and c.id = m.contact_id
      where u.email = 'client@demo.test'`;
    expect(client).toEqual({ contactId: SEED_CONTACT_IDS.demoClient, name: 'Chris Client', properties: 2 });
  });

  it('can run again without duplicating rows and restores edited demo values', async () => {
    const before = await snapshot();
    await owner`update tenants set name = 'changed by a user' where slug = 'demo'`;
    await owner`update leads set requested_service = 'changed by a user' where tenant_id = ${DEMO_TENANT_ID}`;
    await seedDatabase(inject('ownerDatabaseUrl'));
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(after.tenants).toEqual(seedTenants.map(({ slug, name }) => ({ slug, name })));
    expect(seedUsers.length).toBe(8);
  });
});
