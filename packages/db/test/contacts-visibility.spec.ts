import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultLeadStageId } from '../src/default-lead-stages.js';
import { defaultRoleId } from '../src/default-roles.js';
import { newId } from '../src/ids.js';

/**
 * Who sees which contacts, properties, gate codes and leads, on the real tables and their real policies
 * (object-scopes.spec.ts proves scopedTo() itself on a probe table). One tenant, one user per role.
 */
const ownerUrl = inject('ownerDatabaseUrl');
const app = postgres(inject('appDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => app.end());

const tenant = newId();
const user = {
  admin: newId(),
  office: newId(),
  crew: newId(),
  pm: newId(),
  idlePm: newId(),
  client: newId(),
  viewer: newId(),
};
const contact = { client: newId(), managed: newId(), other: newId() };
const property = { client: newId(), managed: newId(), other: newId() };
const lead = { managed: newId(), other: newId() };
const viewerRole = newId();

const scopeOf: Record<keyof typeof user, string> = {
  admin: 'tenant',
  office: 'tenant',
  crew: 'assigned',
  pm: 'managed_properties',
  idlePm: 'managed_properties',
  client: 'own_contact',
  viewer: 'tenant',
};

beforeAll(async () => {
  const { createDatabase } = await import('../src/client.js');
  const { applySessionContext } = await import('../src/session-context.js');
  const { provisionDefaultRoles } = await import('../src/default-roles.js');
  const { provisionDefaultLeadStages } = await import('../src/default-lead-stages.js');
  const handle = createDatabase(ownerUrl, { max: 1 });
  try {
    await handle.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: tenant, system: 'test' });
      await tx.execute(`insert into tenants (id, slug, name) values ('${tenant}', 'vis-${tenant}', 'Visibility')`);
      await provisionDefaultRoles(tx, tenant);
      await provisionDefaultLeadStages(tx, tenant);
    });
  } finally {
    await handle.close();
  }
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${tenant}, true)`;
      await tx`
        insert into contacts (tenant_id, id, display_name) values
          (${tenant}, ${contact.client}, 'Client contact'),
          (${tenant}, ${contact.managed}, 'Managed owner'),
          (${tenant}, ${contact.other}, 'Someone else')`;
      // A custom whole-tenant role that may read properties but not their gate codes.
      await tx`insert into roles (tenant_id, id, key, name, scope) values (${tenant}, ${viewerRole}, 'viewer', 'Viewer', 'tenant')`;
      await tx`insert into role_permissions (tenant_id, role_id, permission_key) values
        (${tenant}, ${viewerRole}, 'contacts:read'), (${tenant}, ${viewerRole}, 'properties:read')`;
      const roleOf: Record<keyof typeof user, string> = {
        admin: defaultRoleId(tenant, 'admin'),
        office: defaultRoleId(tenant, 'office_staff'),
        crew: defaultRoleId(tenant, 'crew'),
        pm: defaultRoleId(tenant, 'property_manager'),
        idlePm: defaultRoleId(tenant, 'property_manager'),
        client: defaultRoleId(tenant, 'client'),
        viewer: viewerRole,
      };
      for (const [key, id] of Object.entries(user) as [keyof typeof user, string][]) {
        await tx`insert into users (id, email, name) values (${id}, ${`${key}-${id}@vis.test`}, ${key})`;
        await tx`insert into memberships (tenant_id, user_id, status, contact_id)
          values (${tenant}, ${id}, 'active', ${key === 'client' ? contact.client : null})`;
        await tx`insert into user_roles (tenant_id, user_id, role_id) values (${tenant}, ${id}, ${roleOf[key]})`;
      }
      for (const key of ['client', 'managed', 'other'] as const) {
        await tx`insert into properties (tenant_id, id, contact_id, address_line1, city)
          values (${tenant}, ${property[key]}, ${contact[key]}, ${`${key} street`}, 'Austin')`;
        await tx`insert into property_access (tenant_id, property_id, gate_code)
          values (${tenant}, ${property[key]}, ${`gate-${key}`})`;
      }
      await tx`insert into property_managers (tenant_id, property_id, user_id) values (${tenant}, ${property.managed}, ${user.pm})`;
      for (const key of ['managed', 'other'] as const) {
        await tx`insert into leads (tenant_id, id, source, requested_service, contact_id, property_id, stage_id)
          values (${tenant}, ${lead[key]}, 'phone', ${key}, ${contact[key]}, ${property[key]}, ${defaultLeadStageId(tenant, 'new')})`;
        await tx`insert into lead_stage_changes (tenant_id, id, lead_id, to_stage_id)
          values (${tenant}, ${newId()}, ${lead[key]}, ${defaultLeadStageId(tenant, 'new')})`;
      }
    });
  } finally {
    await owner.end();
  }
});

type Tx = postgres.TransactionSql;

async function as<T>(who: keyof typeof user, work: (tx: Tx) => Promise<T>): Promise<T> {
  return app.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenant}, true), set_config('app.user_id', ${user[who]}, true),
      set_config('app.scopes', ${scopeOf[who]}, true), set_config('app.context', 'request', true)`;
    return work(tx);
  }) as Promise<T>;
}

async function visible(who: keyof typeof user) {
  return as(who, async (tx) => {
    const names = async (query: Promise<{ v: string }[]>) => (await query).map((row) => row.v).sort();
    return {
      contacts: await names(tx`select display_name as v from contacts`),
      properties: await names(tx`select address_line1 as v from properties`),
      gateCodes: await names(tx`select gate_code as v from property_access`),
      leads: await names(tx`select requested_service as v from leads`),
      history: (await tx`select count(*)::int as n from lead_stage_changes`)[0]?.n,
      managerLinks: (await tx`select count(*)::int as n from property_managers`)[0]?.n,
    };
  });
}

const everything = {
  contacts: ['Client contact', 'Managed owner', 'Someone else'],
  properties: ['client street', 'managed street', 'other street'],
  gateCodes: ['gate-client', 'gate-managed', 'gate-other'],
  leads: ['managed', 'other'],
  history: 2,
  managerLinks: 1,
};

describe('contacts, properties and leads under row-level security', () => {
  it('whole-tenant staff with properties:access-notes see everything, gate codes included', async () => {
    expect(await visible('admin')).toEqual(everything);
    expect(await visible('office')).toEqual(everything);
  });

  it('a whole-tenant role without properties:access-notes sees properties but no gate code', async () => {
    expect(await visible('viewer')).toEqual({ ...everything, gateCodes: [] });
  });

  it('a Property Manager sees only the properties they manage, their owners, gate codes and leads', async () => {
    expect(await visible('pm')).toEqual({
      contacts: ['Managed owner'],
      properties: ['managed street'],
      gateCodes: ['gate-managed'],
      leads: ['managed'],
      history: 1,
      managerLinks: 1,
    });
    expect(await visible('idlePm')).toEqual({
      contacts: [],
      properties: [],
      gateCodes: [],
      leads: [],
      history: 0,
      managerLinks: 0,
    });
  });

  it('a Client sees only their own contact and its properties, never gate codes or leads', async () => {
    expect(await visible('client')).toEqual({
      contacts: ['Client contact'],
      properties: ['client street'],
      gateCodes: [],
      leads: [],
      history: 0,
      managerLinks: 0,
    });
  });

  it('crews see none of them until jobs bring an assigned rule', async () => {
    expect(await visible('crew')).toEqual({
      contacts: [],
      properties: [],
      gateCodes: [],
      leads: [],
      history: 0,
      managerLinks: 0,
    });
  });

  it('a Property Manager cannot change what they do not manage', async () => {
    const touched = await as('pm', async (tx) => {
      const properties = await tx`update properties set notes = 'x' where id = ${property.other}`;
      const access = await tx`update property_access set gate_code = 'x' where property_id = ${property.other}`;
      const leads = await tx`update leads set notes = 'x' where id = ${lead.other}`;
      const mine = await tx`update properties set notes = 'x' where id = ${property.managed}`;
      return { properties: properties.count, access: access.count, leads: leads.count, mine: mine.count };
    });
    expect(touched).toEqual({ properties: 0, access: 0, leads: 0, mine: 1 });
  });

  it('keeps idempotency keys to the user who used them', async () => {
    await as(
      'admin',
      (tx) => tx`
      insert into idempotency_keys (tenant_id, key, user_id, method, path, request_hash, expires_at)
      values (${tenant}, 'k-1', ${user.admin}, 'POST', '/api/v1/contacts', 'h', now() + interval '1 day')`,
    );
    const seen = async (who: keyof typeof user) =>
      (await as(who, (tx) => tx`select count(*)::int as n from idempotency_keys`))[0]?.n;
    expect(await seen('admin')).toBe(1);
    expect(await seen('office')).toBe(0);
    // Another user reusing the key collides on the primary key: the API answers 422, learning nothing.
    await expect(
      as(
        'office',
        (tx) => tx`
        insert into idempotency_keys (tenant_id, key, user_id, method, path, request_hash, expires_at)
        values (${tenant}, 'k-1', ${user.office}, 'POST', '/api/v1/contacts', 'h', now() + interval '1 day')`,
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
