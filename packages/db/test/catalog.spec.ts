import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * The catalog gate: reads PostgreSQL's own catalog, so a table or function added later without the
 * isolation rules fails here even if nobody wrote a test for it.
 */
const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => owner.end());

// Exceptions, each with its reason. Keep these lists short.
const INDEXES_NOT_LED_BY_TENANT = new Set([
  // Finding one user's memberships across tenants at sign-in and in the tenant switcher.
  'memberships_user_id_idx',
  // The outbox relay finds due events of every tenant (a partial index on pending events).
  'outbox_due_idx',
  // An inbound STOP/START names a phone number, not a tenant: the Twilio webhook finds its contacts everywhere.
  'contacts_phone_idx',
  // Accepting an invitation finds it by its (hashed) token before any tenant is known.
  'invitations_token_hash_key',
]);
const POLICIES_NOT_ON_TENANT = new Set([
  // A user reads their own memberships in every tenant (read only).
  'memberships_own_select',
  // The outbox relay and workers, in named system contexts only.
  'outbox_system_select',
  'outbox_system_update',
  // The scheduler enqueues one event per tenant and period in one statement (system context only).
  'outbox_system_insert',
  // The Twilio inbound webhook looks a phone number up across tenants (system context, read only).
  'contacts_system_select',
  // Invitation acceptance, in the named system context of the auth flow.
  'invitations_system_select',
  'invitations_system_update',
]);
const SECURITY_DEFINER_ALLOWED = new Set<string>([]);

interface TenantTable {
  name: string;
  enabled: boolean;
  forced: boolean;
  tenantIdNotNull: boolean;
}

async function tenantTables(): Promise<TenantTable[]> {
  return owner<TenantTable[]>`
    select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
           a.attnotnull as "tenantIdNotNull"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`;
}

describe('every table with a tenant_id column', () => {
  it('exists (the gate is looking at something)', async () => {
    expect((await tenantTables()).length).toBeGreaterThanOrEqual(7);
  });

  it('has tenant_id NOT NULL and row-level security enabled and forced', async () => {
    const failing = (await tenantTables()).filter((table) => !(table.enabled && table.forced && table.tenantIdNotNull));
    expect(failing).toEqual([]);
  });

  it('has a policy for SELECT, INSERT, UPDATE and DELETE, each with the clauses its command needs', async () => {
    const policies = await owner<
      { table: string; name: string; cmd: string; using: string | null; check: string | null }[]
    >`
      select c.relname as table, p.polname as name, p.polcmd::text as cmd,
             pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check
      from pg_policy p join pg_class c on c.oid = p.polrelid
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'`;
    const problems: string[] = [];
    for (const table of await tenantTables()) {
      const own = policies.filter((policy) => policy.table === table.name);
      const covers = (cmd: string) => own.filter((policy) => policy.cmd === cmd || policy.cmd === '*');
      if (!covers('r').some((p) => p.using)) problems.push(`${table.name}: no SELECT policy with USING`);
      if (!covers('a').some((p) => p.check)) problems.push(`${table.name}: no INSERT policy with WITH CHECK`);
      if (!covers('w').some((p) => p.using && p.check))
        problems.push(`${table.name}: no UPDATE policy with USING and WITH CHECK`);
      if (!covers('d').some((p) => p.using)) problems.push(`${table.name}: no DELETE policy with USING`);
    }
    expect(problems).toEqual([]);
  });

  it('has policies that read the tenant setting once per statement (an init plan, not a per-row call)', async () => {
    const policies = await owner<{ name: string; expr: string }[]>`
      select p.polname as name, coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' ||
             coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as expr
      from pg_policy p join pg_class c on c.oid = p.polrelid
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'`;
    const wrong = policies.filter(
      (policy) =>
        !POLICIES_NOT_ON_TENANT.has(policy.name) &&
        !/tenant_id = \(\s*SELECT \(NULLIF\(current_setting\('app\.tenant_id'::text, true\), ''::text\)\)::uuid/.test(
          policy.expr,
        ),
    );
    expect(wrong.map((policy) => policy.name)).toEqual([]);
  });

  it('has tenant_id leading its primary key and every index', async () => {
    const indexes = await owner<{ table: string; index: string; first: string }[]>`
      select t.relname as table, i.relname as index, a.attname as first
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public'
        and exists (select 1 from pg_attribute ta where ta.attrelid = t.oid and ta.attname = 'tenant_id')`;
    const tables = new Set((await tenantTables()).map((table) => table.name));
    expect(new Set(indexes.map((index) => index.table))).toEqual(tables);
    const wrong = indexes.filter((index) => index.first !== 'tenant_id' && !INDEXES_NOT_LED_BY_TENANT.has(index.index));
    expect(wrong).toEqual([]);
  });

  it('references other tenant tables only through foreign keys that include tenant_id', async () => {
    const keys = await owner<{ name: string; from: string; to: string; columns: string[] }[]>`
      select con.conname as name, src.relname as from, dst.relname as to,
             array(select attname from pg_attribute where attrelid = con.conrelid and attnum = any(con.conkey)) as columns
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      where con.contype = 'f'
        and exists (select 1 from pg_attribute where attrelid = src.oid and attname = 'tenant_id')
        and exists (select 1 from pg_attribute where attrelid = dst.oid and attname = 'tenant_id')`;
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !key.columns.includes('tenant_id'))).toEqual([]);
  });
});

describe('the database as a whole', () => {
  it('has no SECURITY DEFINER function outside the allow-list', async () => {
    const functions = await owner<{ name: string }[]>`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')`;
    expect(functions.map((fn) => fn.name).filter((name) => !SECURITY_DEFINER_ALLOWED.has(name))).toEqual([]);
  });

  it('gives the app role no way to rewrite history', async () => {
    const rows = await owner<{ table: string; privilege: string }[]>`
      select table_name as table, privilege_type as privilege from information_schema.role_table_grants
      where grantee = 'ontrack_app' and table_name in ('activity_log', 'activity_checkpoints', 'lead_stage_changes')
      order by 1, 2`;
    expect(rows).toEqual([
      { table: 'activity_checkpoints', privilege: 'INSERT' },
      { table: 'activity_checkpoints', privilege: 'SELECT' },
      { table: 'activity_log', privilege: 'INSERT' },
      { table: 'activity_log', privilege: 'SELECT' },
      { table: 'lead_stage_changes', privilege: 'INSERT' },
      { table: 'lead_stage_changes', privilege: 'SELECT' },
    ]);
  });
});
