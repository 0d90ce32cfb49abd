import type postgres from 'postgres';

/**
 * The role the API and workers connect as. It is not a superuser, cannot bypass row-level security,
 * owns nothing (so FORCE ROW LEVEL SECURITY is not even needed against it; it is there for the owner),
 * and holds only the grants below. Migrations and the seed connect as the owner instead.
 */
export const APP_ROLE = 'ontrack_app';

/** Used only when no APP_DATABASE_PASSWORD is given outside production (embedded database, tests). */
export const DEV_APP_PASSWORD = 'ontrack_app_dev_only';

type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/**
 * Tables in `public` get SELECT/INSERT/UPDATE/DELETE unless listed here with less.
 * An append-only table (e.g. the activity log) is declared here with ['SELECT', 'INSERT'].
 */
export const appRoleTablePrivileges: Readonly<Record<string, readonly TablePrivilege[]>> = {
  // History only grows (a trigger refuses UPDATE/DELETE to everyone as well).
  activity_log: ['SELECT', 'INSERT'],
  activity_checkpoints: ['SELECT', 'INSERT'],
  // Consent evidence and delivery history are never rewritten: a change is a new row.
  sms_consents: ['SELECT', 'INSERT'],
  message_events: ['SELECT', 'INSERT'],
  // A lead's stage history is evidence of how the pipeline moved: a correction is a new move.
  lead_stage_changes: ['SELECT', 'INSERT'],
  // The catalogue is written by the migrator from @ontrack/schemas/permissions.
  permissions: ['SELECT'],
  // Never deleted through the app; creating them needs a system context (see their insert policies).
  tenants: ['SELECT', 'INSERT', 'UPDATE'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
};

const DEFAULT_TABLE_PRIVILEGES: readonly TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** Creates the role if missing and (re)asserts its attributes and password. Safe to run concurrently. */
export async function ensureAppRole(sql: postgres.Sql, password: string): Promise<void> {
  await sql`
    do $$
    begin
      create role ontrack_app;
    exception when duplicate_object or unique_violation then
      null; -- created already, possibly by a concurrent migration of another database in this cluster
    end
    $$`;
  await sql.unsafe(
    `alter role ${APP_ROLE} with login nosuperuser nobypassrls nocreatedb nocreaterole noinherit noreplication`,
  );
  const [statement] = await sql<
    { text: string }[]
  >`select format('alter role %I with password %L', ${APP_ROLE}::text, ${password}::text) as text`;
  if (statement) await sql.unsafe(statement.text);
}

/**
 * Re-grants exactly what the app role needs on the current database: revoke everything on `public`,
 * then grant per table. Runs after every migration so a new table is never left without (or with too many) grants.
 */
export async function grantAppRole(sql: postgres.Sql): Promise<void> {
  const [database] = await sql<{ name: string }[]>`select current_database() as name`;
  if (!database) throw new Error('cannot read current_database()');
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`;

  await sql.begin(async (tx) => {
    await tx.unsafe(`grant connect on database ${quoteIdent(database.name)} to ${APP_ROLE}`);
    await tx.unsafe(`revoke create on schema public from ${APP_ROLE}`);
    await tx.unsafe(`grant usage on schema public to ${APP_ROLE}`);
    await tx.unsafe(`revoke all on all tables in schema public from ${APP_ROLE}`);
    await tx.unsafe(`revoke all on all sequences in schema public from ${APP_ROLE}`);
    await tx.unsafe(`grant usage, select on all sequences in schema public to ${APP_ROLE}`);
    for (const { name } of tables) {
      const privileges = appRoleTablePrivileges[name] ?? DEFAULT_TABLE_PRIVILEGES;
      await tx.unsafe(`grant ${privileges.join(', ')} on table public.${quoteIdent(name)} to ${APP_ROLE}`);
    }
  });
}

/** The connection URL of the app role: the owner's URL with the user and password swapped. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

function quoteIdent(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
