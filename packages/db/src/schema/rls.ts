import type { Permission } from '@ontrack/schemas/permissions';
import type { BuildExtraConfigColumns, NotNull } from 'drizzle-orm';
import { type SQL, sql } from 'drizzle-orm';
import {
  type PgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type PgUUIDBuilderInitial,
  pgPolicy,
  pgTable,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The tenant of the current transaction, read once per statement (an init plan, not a per-row call).
 * Empty or unset means "no tenant": every tenant policy then matches nothing.
 */
export const currentTenantId = sql`(select nullif(current_setting('app.tenant_id', true), '')::uuid)`;
/** The signed-in user of the current transaction, or NULL outside a user's request. */
export const currentUserId = sql`(select nullif(current_setting('app.user_id', true), '')::uuid)`;
/**
 * True inside a named system context (`app.context = 'system:<name>'`, set by withSystemContext): the only
 * place where tenant-less rows (tenants, users) may be created. Request code never sets it.
 */
export const inSystemContext = sql`(select coalesce(current_setting('app.context', true), '') like 'system:%')`;

/** The role scopes of the acting user in the current tenant (app.scopes), as a text[]; empty outside a request. */
// coalesce() keeps `x = any(...)` in its array form: `any((select ...))` would be read as `any (subquery)`.
export const currentScopes = sql`coalesce((select string_to_array(nullif(current_setting('app.scopes', true), ''), ',')), '{}')`;
/** The contact a Client's membership is linked to, read once per statement. */
export const currentContactId = sql`(select m.contact_id from memberships m
  where m.tenant_id = ${currentTenantId} and m.user_id = ${currentUserId})`;

/**
 * Whether the acting user holds `permission` in the current tenant through any of their roles, read once per
 * statement (an uncorrelated sub-select: an init plan). For the few columns that a scope alone must not open
 * (gate codes): scopes say *which* rows, this says *whether at all*. Outside a user's request it is false.
 */
export function hasPermission(permission: Permission): SQL {
  return sql`(select exists (select 1 from user_roles ur
    join role_permissions rp on rp.tenant_id = ur.tenant_id and rp.role_id = ur.role_id
    where ur.tenant_id = ${currentTenantId} and ur.user_id = ${currentUserId}
      and rp.permission_key = ${sql.raw(`'${permission}'`)}))`;
}

/**
 * Object-level narrowing for tables whose rows belong to someone inside the tenant (ARCHITECTURE §3), for
 * `tenantTable(..., { narrow })`. A user whose roles include the `tenant` scope sees every row of the
 * tenant; otherwise each scope they hold adds the rows its rule selects, and a scope without a rule for
 * this table adds nothing (deny by default). Named system contexts see the whole tenant.
 *   assigned            crew: e.g. `exists (select 1 from job_assignments a where a.job_id = jobs.id and a.user_id = currentUserId)`
 *   managedProperties   property managers: e.g. `property_id in (select property_id from property_managers where user_id = currentUserId)`
 *   ownContact          clients: e.g. `contact_id = currentContactId`
 */
export function scopedTo(rules: { assigned?: SQL; managedProperties?: SQL; ownContact?: SQL }): SQL {
  const parts = [sql`'tenant' = any(${currentScopes})`, inSystemContext];
  if (rules.assigned) parts.push(sql`('assigned' = any(${currentScopes}) and (${rules.assigned}))`);
  if (rules.managedProperties) {
    parts.push(sql`('managed_properties' = any(${currentScopes}) and (${rules.managedProperties}))`);
  }
  if (rules.ownContact) parts.push(sql`('own_contact' = any(${currentScopes}) and (${rules.ownContact}))`);
  return sql.join(parts, sql` or `);
}

/**
 * The four policies of a tenant-owned table: a row is visible, insertable, updatable (before and after)
 * and deletable only inside its tenant's context. `narrow` adds an object-level rule (e.g. crew see only
 * their assignments) on top of the tenant match for SELECT/UPDATE/DELETE.
 */
export function tenantPolicies(table: string, tenantId: PgColumn, narrow?: SQL) {
  const own = sql`${tenantId} = ${currentTenantId}`;
  const visible = narrow ? sql`${own} and (${narrow})` : own;
  return [
    pgPolicy(`${table}_tenant_select`, { for: 'select', using: visible }),
    pgPolicy(`${table}_tenant_insert`, { for: 'insert', withCheck: own }),
    pgPolicy(`${table}_tenant_update`, { for: 'update', using: visible, withCheck: own }),
    pgPolicy(`${table}_tenant_delete`, { for: 'delete', using: visible }),
  ];
}

/**
 * Declares a tenant-owned table with everything isolation needs by default: a NOT NULL `tenant_id`, RLS
 * enabled with the four tenant policies (and forced by the migrator, see migrate.ts), plus the table's own
 * keys and indexes, which must lead with `tenant_id` (test/catalog.spec.ts fails otherwise). Reference other
 * tenant tables with composite keys `(tenant_id, x_id) → x(tenant_id, id)`, so a row can never point into
 * another tenant.
 */
export function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extra: (table: BuildExtraConfigColumns<TName, TenantColumns & TColumns, 'pg'>) => PgTableExtraConfigValue[],
  options: { narrow?: (table: BuildExtraConfigColumns<TName, TenantColumns & TColumns, 'pg'>) => SQL } = {},
) {
  const withTenant: TenantColumns & TColumns = { tenantId: uuid().notNull(), ...columns };
  return pgTable(name, withTenant, (table) => [
    ...tenantPolicies(name, table.tenantId, options.narrow?.(table)),
    ...extra(table),
  ]).enableRLS();
}

type TenantColumns = { tenantId: NotNull<PgUUIDBuilderInitial<''>> };
