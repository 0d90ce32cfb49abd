import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { currentUserId, inSystemContext, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/**
 * Responses of mutating POSTs, kept under the client's `Idempotency-Key` so a retry gets the same answer
 * instead of a second write. The API inserts the row (response_status NULL: in progress) in the request's
 * transaction, then fills the response; a replay with the same key returns the stored response when
 * method, path and `request_hash` (the body's hash) match, and 422 when they do not. A key belongs to the
 * user who used it: another user's row is invisible (RLS), so their insert fails on the primary key and the
 * API answers 422 without revealing anything. Rows expire (`expires_at`); a per-tenant job in a named system
 * context deletes them.
 */
export const idempotencyKeys = tenantTable(
  'idempotency_keys',
  {
    key: text().notNull(),
    userId: uuid().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    /** Hex SHA-256 of the canonical request body. */
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: jsonb(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.key] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    index('idempotency_keys_expiry_idx').on(table.tenantId, table.expiresAt),
  ],
  { narrow: (table) => sql`${table.userId} = ${currentUserId} or ${inSystemContext}` },
);

export type IdempotencyKey = typeof idempotencyKeys.$inferSelect;
