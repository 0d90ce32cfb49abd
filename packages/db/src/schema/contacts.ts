import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgEnum, pgPolicy, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { currentContactId, inSystemContext, scopedTo, tenantTable } from './rls.js';
import { tenants } from './tenants.js';

export const contactKind = pgEnum('contact_kind', ['person', 'company']);
/** How a contact prefers to hear from the business; SMS also needs a recorded opt-in (sms_consents). */
export const contactChannel = pgEnum('contact_channel', ['email', 'sms']);

/**
 * A customer or prospect of a business (a person or a company). This is the core the messaging issue needs
 * (who, where to reach them, how they prefer it); the contacts issue adds tags, notes, properties and search.
 * A Client user sees only their own contact (`own_contact` scope); crews and property managers see none yet.
 */
export const contacts = tenantTable(
  'contacts',
  {
    id: uuid().notNull(),
    kind: contactKind().notNull().default('person'),
    displayName: text().notNull(),
    email: text(),
    /** E.164 (`+15551234567`), the form Twilio and STOP/START webhooks use. */
    phone: text(),
    preferredChannel: contactChannel().notNull().default('email'),
    /** `en` | `es`; NULL means the business's locale. */
    locale: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    // An inbound STOP names a phone number: find its contacts without a scan.
    index('contacts_tenant_phone_idx').on(table.tenantId, table.phone),
    index('contacts_tenant_email_idx').on(table.tenantId, sql`lower(${table.email})`),
    // An inbound STOP from a number applies to every business texting it from the shared sender number, so
    // the Twilio webhook looks the number up across tenants, read only, in a named system context.
    index('contacts_phone_idx').on(table.phone),
    pgPolicy('contacts_system_select', { for: 'select', using: inSystemContext }),
  ],
  { narrow: (table) => scopedTo({ ownContact: sql`${table.id} = ${currentContactId}` }) },
);

export type Contact = typeof contacts.$inferSelect;
export type ContactChannel = Contact['preferredChannel'];
