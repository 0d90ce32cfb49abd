import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROLE, DEV_APP_PASSWORD } from '../src/app-role.js';
import { migrateDatabase } from '../src/migrate.js';
import { DEMO_TENANT_ID, OTHER_TENANT_ID } from '../src/seed-data.js';

// Medium test: a real PostgreSQL database created for this run (scripts/test/database.global-setup.ts).
const owner = postgres(inject('ownerDatabaseUrl'), { max: 2, onnotice: () => {} });
const app = postgres(inject('appDatabaseUrl'), { max: 2, onnotice: () => {} });

afterAll(async () => {
  await Promise.all([owner.end(), app.end()]);
});

/** Runs `work` as the app role inside a transaction whose RLS context is `tenantId`. */
function asTenant<T>(tenantId: string, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return app.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
    return work(tx);
  }) as Promise<T>;
}

describe('the application role', () => {
  it('is neither superuser nor able to bypass RLS, create databases or roles', async () => {
    const [role] = await app`
      select rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolinherit, current_user as name
      from pg_roles where rolname = current_user`;
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolinherit: false,
      name: APP_ROLE,
    });
  });

  it('owns no table, view, sequence, schema, type or function', async () => {
    const [owned] = await app`
      select
        (select count(*) from pg_class where relowner = r.oid)::int as relations,
        (select count(*) from pg_namespace where nspowner = r.oid)::int as schemas,
        (select count(*) from pg_type where typowner = r.oid)::int as types,
        (select count(*) from pg_proc where proowner = r.oid)::int as functions
      from pg_roles r where r.rolname = current_user`;
    expect(owned).toEqual({ relations: 0, schemas: 0, types: 0, functions: 0 });
  });

  it('cannot create objects in the public schema', async () => {
    await expect(app`create table intruder (id int)`).rejects.toThrow(/permission denied/);
  });

  it('cannot read the migration journal', async () => {
    await expect(app`select * from drizzle.__drizzle_migrations`).rejects.toThrow(/permission denied/);
  });
});

describe('row-level security', () => {
  it('is enabled and forced on every table in the public schema', async () => {
    const tables = await owner<{ name: string; enabled: boolean; forced: boolean; policies: number }[]>`
      select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(tables.length).toBeGreaterThan(0);
    const unprotected = tables.filter((table) => !(table.enabled && table.forced && table.policies > 0));
    expect(unprotected).toEqual([]);
  });

  it('shows the app role no tenant at all without a tenant context', async () => {
    const rows = await app`select id from tenants`;
    expect(rows).toHaveLength(0);
  });

  it('shows a tenant only its own row', async () => {
    const rows = await asTenant(DEMO_TENANT_ID, (tx) => tx`select slug from tenants order by slug`);
    expect(rows.map((row) => row.slug)).toEqual(['demo']);
  });

  it('cannot change another tenant', async () => {
    const updated = await asTenant(
      DEMO_TENANT_ID,
      (tx) => tx`update tenants set name = 'hijacked' where id = ${OTHER_TENANT_ID} returning id`,
    );
    expect(updated).toHaveLength(0);
    const [other] = await owner`select name from tenants where id = ${OTHER_TENANT_ID}`;
    expect(other?.name).not.toBe('hijacked');
  });

  it('cannot write a row for another tenant', async () => {
    await expect(
      asTenant(
        DEMO_TENANT_ID,
        (tx) => tx`insert into tenants (id, slug, name) values (${OTHER_TENANT_ID}::uuid, 'x', 'x')`,
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('does not keep the tenant context past the transaction', async () => {
    await asTenant(DEMO_TENANT_ID, async () => undefined);
    const [setting] = await app`select coalesce(current_setting('app.tenant_id', true), '') as value`;
    expect(setting?.value).toBe('');
  });
});

describe('migrations', () => {
  beforeAll(async () => {
    // A second run on an up-to-date database must change nothing and fail on nothing.
    await migrateDatabase(inject('ownerDatabaseUrl'), DEV_APP_PASSWORD);
  });

  it('are idempotent and keep the app role able to work', async () => {
    const rows = await asTenant(DEMO_TENANT_ID, (tx) => tx`select slug from tenants`);
    expect(rows).toHaveLength(1);
  });
});
