import { sql } from 'drizzle-orm';
import { boolean, char, jsonb, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { currentTenantId, currentUserId, inSystemContext } from './rls.js';

export interface TenantBranding {
  /** Hex colour of headers and primary buttons in emails and the portal. */
  primaryColor?: string;
  accentColor?: string;
  logoUrl?: string;
}

/**
 * A business using OnTrack: every tenant-owned row elsewhere carries its id as `tenant_id`.
 * Visible inside its own context, and to a signed-in user in any tenant where they have an active
 * membership (the tenant switcher); changed only inside its own context; created only in a system context
 * (seed, sign-up). There is no delete policy: a tenant's history (activity log) outlives nothing.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid().primaryKey(),
    slug: text().notNull(),
    name: text().notNull(),
    timeZone: text().notNull().default('UTC'),
    currency: char({ length: 3 }).notNull().default('USD'),
    locale: text().notNull().default('en'),
    branding: jsonb().$type<TenantBranding>().notNull().default({}),
    /** Every staff member (not only Admins, for whom it is always required) must use a second factor. */
    mfaRequiredForStaff: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('tenants_slug_key').on(table.slug),
    pgPolicy('tenants_select', {
      for: 'select',
      using: sql`${table.id} = ${currentTenantId} or exists (
        select 1 from memberships m
        where m.tenant_id = ${table.id} and m.user_id = ${currentUserId} and m.status = 'active')`,
    }),
    // Jobs that iterate tenants (checkpoint signing, reminders) list them in a system context.
    pgPolicy('tenants_select_system', { for: 'select', using: inSystemContext }),
    pgPolicy('tenants_insert_system', { for: 'insert', withCheck: inSystemContext }),
    pgPolicy('tenants_update', {
      for: 'update',
      using: sql`${table.id} = ${currentTenantId}`,
      withCheck: sql`${table.id} = ${currentTenantId}`,
    }),
  ],
).enableRLS();

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
