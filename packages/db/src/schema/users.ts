import { sql } from 'drizzle-orm';
import { boolean, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { currentTenantId, currentUserId, inSystemContext } from './rls.js';

/**
 * A person, across tenants (one email, many memberships). Visible to themselves and to the members of a
 * tenant they belong to; changed only by themselves; created only in a system context (invitations,
 * sign-in, seed).
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey(),
    /** Stored lower-cased; unique across the platform. */
    email: text().notNull(),
    name: text().notNull(),
    locale: text(),
    /** Staff of OnTrack itself who may ask a tenant for time-boxed support access. Never set by the app. */
    isPlatformOperator: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    pgPolicy('users_select', {
      for: 'select',
      using: sql`${table.id} = ${currentUserId} or exists (
        select 1 from memberships m where m.user_id = ${table.id} and m.tenant_id = ${currentTenantId})`,
    }),
    // Sign-in and invitations find a user by email before any tenant is known.
    pgPolicy('users_select_system', { for: 'select', using: inSystemContext }),
    pgPolicy('users_insert_system', { for: 'insert', withCheck: inSystemContext }),
    pgPolicy('users_update_self', {
      for: 'update',
      using: sql`${table.id} = ${currentUserId}`,
      withCheck: sql`${table.id} = ${currentUserId}`,
    }),
  ],
).enableRLS();

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
