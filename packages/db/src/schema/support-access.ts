import { foreignKey, index, integer, pgEnum, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

export const supportAccessStatus = pgEnum('support_access_status', ['requested', 'granted', 'denied', 'revoked']);

/**
 * A platform operator's time-boxed access to one tenant: asked for by the operator, granted (or denied,
 * revoked) by that tenant's Admin. Access is live only while `status = 'granted'` and `now() < expires_at`.
 * Every request made under it is written to the tenant's activity log as actor type `support`.
 */
export const supportAccessGrants = tenantTable(
  'support_access_grants',
  {
    id: uuid().notNull(),
    operatorUserId: uuid().notNull(),
    reason: text().notNull(),
    requestedMinutes: integer().notNull(),
    status: supportAccessStatus().notNull().default('requested'),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedByUserId: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.operatorUserId], foreignColumns: [users.id] }),
    index('support_access_grants_operator_idx').on(table.tenantId, table.operatorUserId, table.status),
  ],
);

export type SupportAccessGrant = typeof supportAccessGrants.$inferSelect;
