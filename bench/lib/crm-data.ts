// The data of bench/crm-load.ts: a migrated scratch database with N tenants × M contacts (and about one service
// address per contact), the tenants' default roles and pipeline, and one bench user who is Admin everywhere.
//
// Loading 1M contacts takes minutes, so with `--reuse` the loaded database is kept as a TEMPLATE whose name carries
// a hash of everything that shapes it (the migrations, the sizes, this loader and its word lists); each run then
// works on a file copy of it (CREATE DATABASE … TEMPLATE, seconds) that is dropped at the end, so the writes of
// one run never leak into the next. A template of another hash is dropped the next time `--reuse` runs.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_APP_PASSWORD } from '@ontrack/db/app-role';
import { createDatabase } from '@ontrack/db/client';
import { provisionDefaultLeadStages } from '@ontrack/db/default-lead-stages';
import { defaultRoleId, provisionDefaultRoles } from '@ontrack/db/default-roles';
import { newId } from '@ontrack/db/ids';
import { MIGRATIONS_FOLDER, migrateDatabase } from '@ontrack/db/migrate';
import { memberships } from '@ontrack/db/schema/memberships';
import { userRoles } from '@ontrack/db/schema/rbac';
import { tenants } from '@ontrack/db/schema/tenants';
import { users } from '@ontrack/db/schema/users';
import { applySessionContext } from '@ontrack/db/session-context';
import postgres from 'postgres';
import { createDatabaseIfMissing, withDatabase } from '../../scripts/lib/postgres.mjs';
import { insertContactsSql, insertPropertiesSql } from './crm-data.sql.js';

/** Bump when the generated rows change in a way the source hash would not catch. */
const DATA_VERSION = 1;
const TEMPLATE_PREFIX = 'ontrack_bench_crm_tpl_';
const RUN_PREFIX = 'ontrack_bench_crm_run';
const COMPLETE = 'ontrack bench: loaded';

export const BENCH_USER_ID = 'b1000000-0000-4000-8000-000000000001';
export const BENCH_USER_EMAIL = 'bench-admin@bench.test';

/** Tenant n (1-based) of the bench: fixed ids, so a reused database and a fresh one name the same tenants. */
export const benchTenantId = (n: number): string => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export interface CrmDatabase {
  /** Owner (superuser) URL of this run's database. */
  url: string;
  name: string;
  tenantIds: string[];
  /** How the data got there: loaded now (seconds) or copied from a cached template. */
  origin: { kind: 'loaded'; seconds: number } | { kind: 'template'; template: string; copySeconds: number };
  drop(): Promise<void>;
}

export interface CrmDataOptions {
  /** Owner URL of any database on the server (its path is ignored). */
  server: string;
  tenants: number;
  contactsPerTenant: number;
  reuse: boolean;
  log: (line: string) => void;
}

export async function prepareCrmDatabase(options: CrmDataOptions): Promise<CrmDatabase> {
  const { server, reuse, log } = options;
  const admin = postgres(withDatabase(server, 'postgres'), { max: 1, onnotice: () => {} });
  const runName = `${RUN_PREFIX}_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const tenantIds = Array.from({ length: options.tenants }, (_, i) => benchTenantId(i + 1));
  const drop = async () => {
    const sql = postgres(withDatabase(server, 'postgres'), { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(`drop database if exists "${runName}" with (force)`);
    } finally {
      await sql.end({ timeout: 2 });
    }
  };
  try {
    if (!reuse) {
      const started = performance.now();
      await createDatabaseIfMissing(withDatabase(server, 'postgres'), runName);
      await loadInto(withDatabase(server, runName), options).catch(async (error: unknown) => {
        await drop();
        throw error;
      });
      const seconds = (performance.now() - started) / 1000;
      return {
        url: withDatabase(server, runName),
        name: runName,
        tenantIds,
        origin: { kind: 'loaded', seconds },
        drop,
      };
    }
    const template = `${TEMPLATE_PREFIX}${cacheKey(options)}`;
    const stale = await admin<{ name: string }[]>`
      select datname as name from pg_database where datname like ${`${TEMPLATE_PREFIX}%`} and datname <> ${template}`;
    for (const { name } of stale) {
      log(`dropping the cached bench database of another version: ${name}`);
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
    const [cached] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${template}`;
    if (cached?.comment !== COMPLETE) {
      // Absent, or a load that was interrupted: start over.
      await admin.unsafe(`drop database if exists "${template}" with (force)`);
      await admin.unsafe(`create database "${template}"`);
      const started = performance.now();
      await loadInto(withDatabase(server, template), options);
      await admin.unsafe(`comment on database "${template}" is '${COMPLETE}'`);
      log(`cached as ${template} (${((performance.now() - started) / 1000).toFixed(0)} s to load)`);
    } else {
      log(`reusing the cached bench database ${template}`);
    }
    const started = performance.now();
    // FILE_COPY copies the files after a checkpoint: seconds for gigabytes, where WAL_LOG would log every block.
    await admin.unsafe(`create database "${runName}" template "${template}" strategy file_copy`);
    const copySeconds = (performance.now() - started) / 1000;
    return {
      url: withDatabase(server, runName),
      name: runName,
      tenantIds,
      origin: { kind: 'template', template, copySeconds },
      drop,
    };
  } finally {
    await admin.end({ timeout: 2 });
  }
}

/** Drops every cached database of the bench, the floor's too, and leftovers of interrupted runs (`--drop-cache`). */
export async function dropCachedCrmDatabases(server: string, log: (line: string) => void): Promise<void> {
  const admin = postgres(withDatabase(server, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ name: string }[]>`
      select datname as name from pg_database
      where datname like 'ontrack\\_bench\\_crm\\_%' or datname like 'ontrack\\_bench\\_floor\\_%'`;
    for (const { name } of rows) {
      log(`dropping ${name}`);
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  } finally {
    await admin.end({ timeout: 2 });
  }
}

function cacheKey(options: CrmDataOptions): string {
  const hash = createHash('sha256').update(`v${DATA_VERSION}:${options.tenants}x${options.contactsPerTenant}`);
  const files = readdirSync(MIGRATIONS_FOLDER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const here = new URL('.', import.meta.url).pathname;
  for (const file of [...files, ...['crm-data.ts', 'crm-data.sql.ts', 'crm-names.ts'].map((f) => join(here, f))]) {
    hash.update(file.slice(file.lastIndexOf('/'))).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

async function loadInto(url: string, options: CrmDataOptions): Promise<void> {
  const { log, contactsPerTenant } = options;
  log(`migrating ${url.replace(/\/\/[^@]*@/, '//')}`);
  await migrateDatabase(url, DEV_APP_PASSWORD);
  const { db, sql, close } = createDatabase(url, { max: 1, applicationName: 'bench-crm-load' });
  try {
    log(`${options.tenants} tenants: default roles and pipeline, the bench user as Admin in each`);
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'bench' });
      await tx.insert(users).values({ id: BENCH_USER_ID, email: BENCH_USER_EMAIL, name: 'Bench Admin' });
    });
    for (let n = 1; n <= options.tenants; n++) {
      const tenantId = benchTenantId(n);
      await db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId, system: 'bench' });
        const slug = `bench-${String(n).padStart(3, '0')}`;
        await tx
          .insert(tenants)
          .values({ id: tenantId, slug, name: `Bench Landscaping ${n}`, timeZone: 'America/Chicago' });
        await provisionDefaultRoles(tx, tenantId);
        await provisionDefaultLeadStages(tx, tenantId, 'en');
        await tx
          .insert(memberships)
          .values({ tenantId, userId: BENCH_USER_ID, status: 'active', activatedAt: new Date() });
        await tx
          .insert(userRoles)
          .values({ tenantId, userId: BENCH_USER_ID, roleId: defaultRoleId(tenantId, 'admin') });
      });
    }

    // Secondary indexes are built once after the load rather than updated a million times during it (the GIN
    // trigram ones especially); their definitions are read back from the catalogue, so they come back as the
    // migrations made them. Keys and constraints stay (the foreign keys are checked row by row).
    const indexes = await sql<{ name: string; definition: string }[]>`
      select i.indexname as name, i.indexdef as definition
      from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ('contacts', 'properties')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const { name } of indexes) await sql.unsafe(`drop index "${name}"`);

    const started = performance.now();
    for (let n = 1; n <= options.tenants; n++) {
      await sql.begin(async (tx) => {
        // The search_text trigger runs for every row: contacts go in through the table like any insert.
        await tx`select set_config('app.context', 'system:bench', true), set_config('app.tenant_id', ${benchTenantId(n)}, true)`;
        await tx.unsafe(insertContactsSql, [benchTenantId(n), contactsPerTenant, n]);
        await tx.unsafe(insertPropertiesSql, [benchTenantId(n)]);
      });
      if (n % 10 === 0 || n === options.tenants) {
        const rate = (n * contactsPerTenant) / ((performance.now() - started) / 1000);
        log(`  ${n}/${options.tenants} tenants loaded (${Math.round(rate)} contacts/s)`);
      }
    }
    log(`building ${indexes.length} indexes`);
    await sql`set maintenance_work_mem = '512MB'`;
    for (const { definition } of indexes) await sql.unsafe(definition);
    await sql`analyze`;
  } finally {
    await close();
  }
}

/** A real session row for the bench user (the API checks it on every request); valid for a day. */
export async function openBenchSession(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const id = newId();
    await sql.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:bench', true)`;
      await tx`
        insert into sessions (id, user_id, auth_methods, mfa_verified_at, user_agent, idle_expires_at, absolute_expires_at)
        values (${id}, ${BENCH_USER_ID}, '{dev_token}', now(), 'bench/crm-load.ts', now() + interval '1 day',
                now() + interval '1 day')`;
    });
    return id;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export interface Workload {
  /** Per tenant: contact ids to read and change (a deterministic sample). */
  contactIds: Map<string, string[]>;
  /** [tenant, query]: the last seven digits of a phone number of that tenant, typed as "555-0123". */
  phoneQueries: [string, string][];
}

/** What the runs ask for, taken from the loaded rows so every search and every id hits. */
export async function sampleWorkload(url: string, tenantIds: readonly string[]): Promise<Workload> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ tenantId: string; id: string; phone: string | null }[]>`
      select tenant_id as "tenantId", id, phone from (
        select tenant_id, id, phone, row_number() over (partition by tenant_id order by md5(id::text)) as n
        from contacts where deleted_at is null and tenant_id = any(${tenantIds as string[]}::uuid[])) sample
      where n <= 50`;
    const contactIds = new Map<string, string[]>();
    const phoneQueries: [string, string][] = [];
    for (const row of rows) {
      contactIds.set(row.tenantId, [...(contactIds.get(row.tenantId) ?? []), row.id]);
      if (row.phone && phoneQueries.filter(([t]) => t === row.tenantId).length < 10) {
        const digits = row.phone.slice(-7);
        phoneQueries.push([row.tenantId, `${digits.slice(0, 3)}-${digits.slice(3)}`]);
      }
    }
    if (contactIds.size !== tenantIds.length) throw new Error('some bench tenants have no contacts');
    return { contactIds, phoneQueries };
  } finally {
    await sql.end({ timeout: 2 });
  }
}
