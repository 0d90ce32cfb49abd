import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { memberships } from './memberships.js';
import { properties } from './properties.js';
import { currentUserId, scopedTo, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

/** `open` stages make the pipeline; a lead in a `won` or `lost` stage is closed. */
export const leadStageKind = pgEnum('lead_stage_kind', ['open', 'won', 'lost']);
export const leadSource = pgEnum('lead_source', ['web_form', 'phone', 'email', 'referral', 'walk_in', 'other']);

/**
 * A tenant's pipeline: its stages in board order. Every tenant starts with the six defaults
 * (provisionDefaultLeadStages, with ids derived from the tenant and `key`); admins rename, reorder, add and
 * archive stages. A stage is archived, never deleted, while leads or history point at it. Exactly one live
 * stage is `is_default`: where new leads (the public form) land.
 */
export const leadStages = tenantTable(
  'lead_stages',
  {
    id: uuid().notNull(),
    /** The default stages' stable key (`new`, `contacted`, …); NULL for stages an admin added. */
    key: text(),
    name: text().notNull(),
    position: integer().notNull(),
    kind: leadStageKind().notNull().default('open'),
    isDefault: boolean().notNull().default(false),
    archivedAt: timestamp({ withTimezone: true, precision: 3 }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    unique('lead_stages_tenant_key_key').on(table.tenantId, table.key),
    uniqueIndex('lead_stages_one_default_idx')
      .on(table.tenantId)
      .where(sql`${table.isDefault} and ${table.archivedAt} is null`),
    index('lead_stages_position_idx').on(table.tenantId, table.position),
    // New leads land in an open stage.
    check('lead_stages_default_is_open', sql`not ${table.isDefault} or ${table.kind} = 'open'`),
  ],
);

/** Leads a Property Manager reaches: those on a property they manage. */
const managedLeadRule = (propertyId: unknown) =>
  sql`${propertyId} in (select pm.property_id from property_managers pm where pm.user_id = ${currentUserId})`;

/**
 * An enquiry moving through the pipeline (docs/contacts.md). A lead always has a contact (the public form
 * creates or matches one); the property is optional until known. Rules the database cannot see and the
 * service enforces: `lost_reason` is required when the stage's kind is `lost`; the assignee holds a role
 * with `leads:write`; converting sets `converted_at` (and later links the estimate).
 */
export const leads = tenantTable(
  'leads',
  {
    id: uuid().notNull(),
    source: leadSource().notNull(),
    requestedService: text().notNull(),
    contactId: uuid().notNull(),
    propertyId: uuid(),
    stageId: uuid().notNull(),
    assigneeUserId: uuid(),
    /** Integer minor units of `currency` (ARCHITECTURE §4); both or neither. */
    estimatedValueMinor: bigint({ mode: 'number' }),
    /** ISO 4217. */
    currency: char({ length: 3 }),
    /** A calendar date in the tenant's time zone. */
    nextFollowUpOn: date({ mode: 'string' }),
    lostReason: text(),
    convertedAt: timestamp({ withTimezone: true, precision: 3 }),
    notes: text(),
    /** NULL when the lead came from the public form. */
    createdByUserId: uuid(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({
      columns: [table.tenantId, table.propertyId],
      foreignColumns: [properties.tenantId, properties.id],
    }),
    foreignKey({ columns: [table.tenantId, table.stageId], foreignColumns: [leadStages.tenantId, leadStages.id] }),
    foreignKey({
      columns: [table.tenantId, table.assigneeUserId],
      foreignColumns: [memberships.tenantId, memberships.userId],
    }),
    foreignKey({ columns: [table.createdByUserId], foreignColumns: [users.id] }),
    check('leads_value_with_currency', sql`(${table.estimatedValueMinor} is null) = (${table.currency} is null)`),
    check('leads_value_not_negative', sql`${table.estimatedValueMinor} >= 0`),
    check('leads_currency_iso', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    check('leads_version_positive', sql`${table.version} >= 1`),
    // The board: a column's live leads, most recently touched first.
    index('leads_board_idx')
      .on(table.tenantId, table.stageId, table.updatedAt.desc(), table.id)
      .where(sql`${table.deletedAt} is null`),
    index('leads_follow_up_idx')
      .on(table.tenantId, table.nextFollowUpOn)
      .where(sql`${table.deletedAt} is null and ${table.nextFollowUpOn} is not null`),
    index('leads_created_idx').on(table.tenantId, table.createdAt, table.id).where(sql`${table.deletedAt} is null`),
    index('leads_contact_idx').on(table.tenantId, table.contactId),
    index('leads_property_idx').on(table.tenantId, table.propertyId),
    index('leads_assignee_idx')
      .on(table.tenantId, table.assigneeUserId, table.nextFollowUpOn)
      .where(sql`${table.deletedAt} is null`),
  ],
  { narrow: (table) => scopedTo({ managedProperties: managedLeadRule(table.propertyId) }) },
);

/**
 * Every move of a lead between stages, and its creation (`from_stage_id` NULL). Append-only: the app role may
 * only INSERT and SELECT (app-role.ts).
 */
export const leadStageChanges = tenantTable(
  'lead_stage_changes',
  {
    id: uuid().notNull(),
    leadId: uuid().notNull(),
    fromStageId: uuid(),
    toStageId: uuid().notNull(),
    /** NULL for the public form and system work. */
    changedByUserId: uuid(),
    changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Why (the lost reason when moved to a `lost` stage). */
    reason: text(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.leadId], foreignColumns: [leads.tenantId, leads.id] }),
    foreignKey({
      columns: [table.tenantId, table.fromStageId],
      foreignColumns: [leadStages.tenantId, leadStages.id],
    }),
    foreignKey({
      columns: [table.tenantId, table.toStageId],
      foreignColumns: [leadStages.tenantId, leadStages.id],
    }),
    foreignKey({ columns: [table.changedByUserId], foreignColumns: [users.id] }),
    index('lead_stage_changes_lead_idx').on(table.tenantId, table.leadId, table.changedAt),
  ],
  {
    narrow: (table) =>
      scopedTo({
        managedProperties: sql`${table.leadId} in (select l.id from leads l where ${managedLeadRule(sql`l.property_id`)})`,
      }),
  },
);

export type LeadStage = typeof leadStages.$inferSelect;
export type LeadStageKind = LeadStage['kind'];
export type Lead = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
export type LeadSource = Lead['source'];
export type LeadStageChange = typeof leadStageChanges.$inferSelect;
