import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  foreignKey,
  index,
  inet,
  jsonb,
  pgEnum,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantTable } from './rls.js';
import { tenants } from './tenants.js';

export const actorType = pgEnum('activity_actor_type', ['user', 'system', 'support']);

/**
 * The tenant's append-only activity log: one row per write and per read of sensitive data. Rows form a
 * per-tenant SHA-256 hash chain (`prev_hash` → `hash`, in `seq` order; see src/activity-chain.ts). The app
 * role may only INSERT and SELECT (app-role.ts), and a trigger refuses UPDATE, DELETE and TRUNCATE for
 * everyone (migration 0003), so history can only grow.
 */
export const activityLog = tenantTable(
  'activity_log',
  {
    /** Position in the tenant's chain: 1, 2, 3, ... without gaps. */
    seq: bigint({ mode: 'number' }).notNull(),
    id: uuid().notNull(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorType: actorType().notNull(),
    actorUserId: uuid(),
    /** Who acted, in words, as it was at the time (email of a user, name of a system task). */
    actorLabel: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    /** `create`, `update`, `delete`, `read` (exports, reports), or a domain verb such as `grant`. */
    action: text().notNull(),
    /** What changed: `{ field: [before, after] }` for updates, the notable fields for creates, filters for reads. */
    summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    sensitiveRead: boolean().notNull().default(false),
    requestId: text(),
    ip: inet(),
    userAgent: text(),
    prevHash: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.seq] }),
    unique('activity_log_tenant_id_key').on(table.tenantId, table.id),
    check('activity_log_seq_positive', sql`${table.seq} >= 1`),
    check('activity_log_hashes_hex', sql`${table.hash} ~ '^[0-9a-f]{64}$' and ${table.prevHash} ~ '^[0-9a-f]{64}$'`),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }),
    index('activity_log_entity_idx').on(table.tenantId, table.entityType, table.entityId, table.seq),
    index('activity_log_actor_idx').on(table.tenantId, table.actorUserId, table.seq),
    index('activity_log_occurred_idx').on(table.tenantId, table.occurredAt),
  ],
);

/**
 * Signed chain heads: for each period, the tenant's last `seq` and `hash`, signed with the server's Ed25519
 * key (AUDIT_SIGNING_KEY), which the database never sees. Someone who rewrites the log and recomputes every
 * hash still cannot produce a matching signature, so `audit:verify` notices. One row per tenant and period.
 */
export const activityCheckpoints = tenantTable(
  'activity_checkpoints',
  {
    period: text().notNull(),
    seq: bigint({ mode: 'number' }).notNull(),
    hash: char({ length: 64 }).notNull(),
    keyId: text().notNull(),
    signature: text().notNull(),
    signedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.period] }),
    check('activity_checkpoints_seq_positive', sql`${table.seq} >= 1`),
    check('activity_checkpoints_hash_hex', sql`${table.hash} ~ '^[0-9a-f]{64}$'`),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }),
  ],
);

export type ActivityRow = typeof activityLog.$inferSelect;
export type NewActivityRow = typeof activityLog.$inferInsert;
