import { sql } from 'drizzle-orm';
import { foreignKey, index, pgEnum, pgPolicy, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { currentUserId, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

export const membershipStatus = pgEnum('membership_status', ['invited', 'active', 'suspended']);

/**
 * A user's place in a tenant. Besides the tenant policies, a user may read their own memberships in
 * every tenant (to pick one at sign-in and in the tenant switcher) — read only.
 */
export const memberships = tenantTable(
  'memberships',
  {
    userId: uuid().notNull(),
    status: membershipStatus().notNull().default('invited'),
    /** The contact record a Client membership is linked to: what the `own_contact` scope reaches. */
    contactId: uuid(),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.userId] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    // Finding one user's memberships across tenants at sign-in: the one index not led by tenant_id
    // (allow-listed in test/catalog.spec.ts).
    index('memberships_user_id_idx').on(table.userId, table.tenantId),
    pgPolicy('memberships_own_select', { for: 'select', using: sql`${table.userId} = ${currentUserId}` }),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type MembershipStatus = Membership['status'];
