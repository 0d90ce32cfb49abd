import type postgres from 'postgres';

/**
 * FORCE ROW LEVEL SECURITY on every table of `public` that has RLS enabled. drizzle-kit emits ENABLE but
 * cannot express FORCE, so the migrator applies it after every migration: a table declared with
 * `tenantTable()` (or `.enableRLS()`) is forced without anyone remembering to write the statement.
 * Forcing makes the policies bind the table owner as well, not only the app role.
 */
export async function forceRowLevelSecurity(sql: postgres.Sql): Promise<string[]> {
  const tables = await sql<{ name: string }[]>`
    select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity and not c.relforcerowsecurity`;
  for (const { name } of tables) {
    await sql.unsafe(`alter table public."${name.replaceAll('"', '""')}" force row level security`);
  }
  return tables.map((table) => table.name);
}
