import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../src/ids.js';
import { currentContactId, currentTenantId, currentUserId, scopedTo } from '../src/schema/rls.js';

/**
 * The object-level rules of scopedTo(), on a probe table shaped like the domain tables to come (an
 * assignee for crew, a property for property managers, a contact for clients), with the policy rendered
 * from the same helper a real table would use. The real tables' rules (properties and their owners' contacts
 * through property_managers, gate codes, leads) are proven in contacts-visibility.spec.ts.
 */
const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
const app = postgres(inject('appDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => Promise.all([owner.end(), app.end()]));

const tenant = newId();
const crew = newId();
const otherCrew = newId();
const client = newId();
const clientContact = newId();
const managedProperty = newId();
// Its own schema: the catalog gate and the isolation test (running in parallel on the same database) look
// at `public` and must not see the probe.
const schema = `scope_probe_${tenant.replaceAll('-', '').slice(-12)}`;

const narrow = scopedTo({
  assigned: sql`assignee_id = ${currentUserId}`,
  managedProperties: sql`property_id in (select property_id from scope_probe_managers where user_id = ${currentUserId})`,
  ownContact: sql`contact_id = ${currentContactId}`,
});

beforeAll(async () => {
  const render = (fragment: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(fragment).sql;
  await owner.begin(async (tx) => {
    await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${tenant}, true)`;
    await tx`insert into tenants (id, slug, name) values (${tenant}, ${`scopes-${tenant}`}, 'Scopes')`;
    await tx`insert into users (id, email, name) values (${client}, ${`${client}@scopes.test`}, 'Client')`;
    await tx`insert into contacts (tenant_id, id, display_name) values (${tenant}, ${clientContact}, 'Client contact')`;
    await tx`insert into memberships (tenant_id, user_id, status, contact_id) values (${tenant}, ${client}, 'active', ${clientContact})`;
    await tx.unsafe(`
      create schema ${schema};
      grant usage on schema ${schema} to ontrack_app;
      set local search_path = ${schema}, public;
      create table scope_probe (tenant_id uuid not null, id int, assignee_id uuid, property_id uuid, contact_id uuid);
      create table scope_probe_managers (user_id uuid, property_id uuid);
      alter table scope_probe enable row level security;
      alter table scope_probe force row level security;
      create policy scope_probe_select on scope_probe for select
        using (tenant_id = ${render(currentTenantId)} and (${render(narrow)}));
      grant select on scope_probe, scope_probe_managers to ontrack_app;`);
    await tx`
      insert into scope_probe (tenant_id, id, assignee_id, property_id, contact_id) values
        (${tenant}, 1, ${crew}, null, null),
        (${tenant}, 2, ${otherCrew}, null, null),
        (${tenant}, 3, null, ${managedProperty}, null),
        (${tenant}, 4, null, null, ${clientContact}),
        (${tenant}, 5, null, null, null)`;
    await tx`insert into scope_probe_managers (user_id, property_id) values (${crew}, ${managedProperty})`;
  });
});

afterAll(async () => {
  await owner.unsafe(`drop schema if exists ${schema} cascade`);
});

async function visibleIds(userId: string, scopes: string, system = false): Promise<number[]> {
  const rows = await app.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenant}, true), set_config('app.user_id', ${userId}, true),
                    set_config('app.scopes', ${scopes}, true),
                    set_config('app.context', ${system ? 'system:test' : 'request'}, true)`;
    await tx.unsafe(`set local search_path = ${schema}, public`);
    return tx<{ id: number }[]>`select id from scope_probe order by id`;
  });
  return rows.map((row) => row.id);
}

describe('object-level scopes in SQL policies', () => {
  it('tenant scope sees every row of the tenant', async () => {
    expect(await visibleIds(crew, 'tenant')).toEqual([1, 2, 3, 4, 5]);
  });

  it('crew (assigned) see only rows assigned to them', async () => {
    expect(await visibleIds(crew, 'assigned')).toEqual([1]);
    expect(await visibleIds(otherCrew, 'assigned')).toEqual([2]);
  });

  it('property managers see only rows of the properties they manage', async () => {
    expect(await visibleIds(crew, 'managed_properties')).toEqual([3]);
    expect(await visibleIds(otherCrew, 'managed_properties')).toEqual([]);
  });

  it('clients see only rows linked to their own contact', async () => {
    expect(await visibleIds(client, 'own_contact')).toEqual([4]);
    expect(await visibleIds(crew, 'own_contact')).toEqual([]);
  });

  it('several scopes add up; no scope sees nothing; a named system context sees the tenant', async () => {
    expect(await visibleIds(crew, 'assigned,managed_properties')).toEqual([1, 3]);
    expect(await visibleIds(crew, '')).toEqual([]);
    expect(await visibleIds(crew, '', true)).toEqual([1, 2, 3, 4, 5]);
  });
});
