import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { contactChannel, contacts } from './contacts.js';
import { currentContactId, scopedTo, tenantTable } from './rls.js';
import { tenants } from './tenants.js';
import { users } from './users.js';

export const smsConsentStatus = pgEnum('sms_consent_status', ['opted_in', 'opted_out']);
/** How the consent was given or withdrawn: the "how" of a consent record. */
export const smsConsentMethod = pgEnum('sms_consent_method', [
  'web_form',
  'portal',
  'verbal',
  'written',
  'sms_keyword',
  'import',
]);

/**
 * Consent to receive SMS, as a history: every opt-in and opt-out is a new row (when, how, the exact text the
 * contact was shown or sent, who recorded it), and the newest row for a contact and number is the current
 * state. Append-only: the app role may only INSERT and SELECT (app-role.ts), so the evidence cannot be
 * rewritten. STOP/START keywords from Twilio's inbound webhook land here as `sms_keyword` rows.
 */
export const smsConsents = tenantTable(
  'sms_consents',
  {
    id: uuid().notNull(),
    contactId: uuid().notNull(),
    phone: text().notNull(),
    status: smsConsentStatus().notNull(),
    method: smsConsentMethod().notNull(),
    /** The consent wording shown to the contact, or the inbound message that changed it ("STOP"). */
    textShown: text().notNull(),
    /** Who recorded it in the app; NULL when the contact did it themselves (keyword, form). */
    recordedByUserId: uuid(),
    /** Supporting facts: request IP and user agent, the inbound message SID, … */
    evidence: jsonb().$type<Record<string, string>>().notNull().default({}),
    recordedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({ columns: [table.recordedByUserId], foreignColumns: [users.id] }),
    index('sms_consents_contact_idx').on(table.tenantId, table.contactId, table.recordedAt),
  ],
  { narrow: (table) => scopedTo({ ownContact: sql`${table.contactId} = ${currentContactId}` }) },
);

/**
 * `queued` → `sending` (a worker claimed it and is calling the provider) → `sent` (the provider accepted it)
 * → `delivered`; or `failed` (refused, undeliverable, or interrupted with an unknown outcome) / `bounced`.
 */
export const messageStatus = pgEnum('message_status', ['queued', 'sending', 'sent', 'delivered', 'failed', 'bounced']);

/**
 * The delivery log: one row per message to one recipient on one channel. `dedupe_key` is the caller's name
 * for "this notification" (e.g. `invoice-due:<invoice>:<date>`), unique per tenant, so asking twice — a
 * retried job, a double click — yields the same message instead of a second one. An SMS that cannot be sent
 * falls back to an email row pointing at it (`fallback_for_id`).
 */
export const messages = tenantTable(
  'messages',
  {
    id: uuid().notNull(),
    contactId: uuid(),
    channel: contactChannel().notNull(),
    /** The template (magic-link, invoice-due, reminder, …). */
    template: text().notNull(),
    /** Email address or E.164 number. */
    recipient: text().notNull(),
    /** What the template is rendered from, and in which locale: enough to send (again) without the caller. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Subject (email) or the first words (SMS): what the delivery log shows. */
    summary: text().notNull(),
    status: messageStatus().notNull().default('queued'),
    dedupeKey: text().notNull(),
    fallbackForId: uuid(),
    provider: text(),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    error: text(),
    errorCode: text(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true, precision: 3 }),
    deliveredAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('messages_tenant_dedupe_key').on(table.tenantId, table.dedupeKey),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
    foreignKey({ columns: [table.tenantId, table.fallbackForId], foreignColumns: [table.tenantId, table.id] }),
    index('messages_contact_idx').on(table.tenantId, table.contactId, table.createdAt),
    index('messages_provider_id_idx').on(table.tenantId, table.providerMessageId),
  ],
  { narrow: (table) => scopedTo({ ownContact: sql`${table.contactId} = ${currentContactId}` }) },
);

/** Every status a message went through, with the provider's own words: status callbacks land here. Append-only. */
export const messageEvents = tenantTable(
  'message_events',
  {
    id: uuid().notNull(),
    messageId: uuid().notNull(),
    status: messageStatus().notNull(),
    /** The provider's status as sent (Twilio: queued, sent, delivered, undelivered, failed, …). */
    providerStatus: text(),
    errorCode: text(),
    detail: text(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    foreignKey({ columns: [table.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
    foreignKey({ columns: [table.tenantId, table.messageId], foreignColumns: [messages.tenantId, messages.id] }),
    index('message_events_message_idx').on(table.tenantId, table.messageId, table.occurredAt),
  ],
);

export type SmsConsent = typeof smsConsents.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageStatus = Message['status'];
export type MessageEvent = typeof messageEvents.$inferSelect;
