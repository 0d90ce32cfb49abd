import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { inSystemContext, tenantTable } from './rls.js';
import { tenants } from './tenants.js';

export const outboxStatus = pgEnum('outbox_status', ['pending', 'done', 'dead']);

/**
 * The transactional outbox: work that a change causes (send an email, refresh a report) is written here in
 * the SAME transaction as the change, so it exists if and only if the change committed. The relay hands due
 * events to the workers (BullMQ when REDIS_URL is set, in-process otherwise); a worker runs the job's handler
 * and marks the event done in one transaction, so a crash at any point neither loses work nor repeats its
 * database effects. This table is the source of truth; Redis is only transport.
 */
export const outbox = tenantTable(
  'outbox',
  {
    /** UUIDv7; also the BullMQ job id, so a redelivered job is recognisable. */
    id: uuid().notNull(),
    job: text().notNull(),
    version: integer().notNull().default(1),
    payload: jsonb().$type<unknown>().notNull(),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    /** Not before: retries back off by moving it forward. */
    availableAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Dispatched to a worker and not to be dispatched again before this time (a lease). */
    leasedUntil: timestamp({ withTimezone: true, precision: 3 }),
    /** For scheduled work, the period it is for (`reminders:2026-11-24`): one event per tenant, job and period. */
    dedupeKey: text(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('outbox_tenant_job_dedupe_key').on(table.tenantId, table.job, table.dedupeKey),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    index('outbox_tenant_status_idx').on(table.tenantId, table.status, table.createdAt),
    // The relay finds due events of every tenant: the one index here not led by tenant_id (allow-listed).
    index('outbox_due_idx').on(table.availableAt).where(sql`status = 'pending'`),
    // The relay and the workers run in named system contexts across tenants.
    pgPolicy('outbox_system_select', { for: 'select', using: inSystemContext }),
    // The scheduler enqueues one event per tenant and period in a single statement (insert … select from tenants).
    pgPolicy('outbox_system_insert', { for: 'insert', withCheck: inSystemContext }),
    pgPolicy('outbox_system_update', { for: 'update', using: inSystemContext, withCheck: inSystemContext }),
  ],
);

export type OutboxEvent = typeof outbox.$inferSelect;
