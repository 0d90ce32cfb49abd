import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { type Contact, contacts } from '@ontrack/db/schema/contacts';
import {
  type Message,
  type MessageEvent,
  type MessageStatus,
  messageEvents,
  messages,
  type SmsConsent,
  smsConsents,
} from '@ontrack/db/schema/messaging';
import { type Tenant, tenants } from '@ontrack/db/schema/tenants';
import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';

export type NewMessage = typeof messages.$inferInsert;
export type NewSmsConsent = typeof smsConsents.$inferInsert;
export type MessagePatch = Partial<
  Pick<
    Message,
    'status' | 'provider' | 'providerMessageId' | 'error' | 'errorCode' | 'summary' | 'sentAt' | 'deliveredAt'
  >
>;

/**
 * SQL of the delivery log and consent records. Every method takes the transaction to run in: the request's
 * (currentDb()) for API calls, the job's or a webhook's own tenant transaction otherwise — RLS scopes them all.
 */
@Injectable()
export class MessagesRepository {
  async findContact(db: Database, contactId: string): Promise<Contact | undefined> {
    const [row] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.id, contactId), isNull(contacts.deletedAt)));
    return row;
  }

  async findTenant(db: Database, tenantId: string): Promise<Tenant | undefined> {
    const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
    return row;
  }

  /** The newest consent record for this contact and number: the current state. */
  async currentConsent(db: Database, contactId: string, phone: string): Promise<SmsConsent | undefined> {
    const [row] = await db
      .select()
      .from(smsConsents)
      .where(and(eq(smsConsents.contactId, contactId), eq(smsConsents.phone, phone)))
      .orderBy(desc(smsConsents.recordedAt), desc(smsConsents.id))
      .limit(1);
    return row;
  }

  consentHistory(db: Database, contactId: string): Promise<SmsConsent[]> {
    return db
      .select()
      .from(smsConsents)
      .where(eq(smsConsents.contactId, contactId))
      .orderBy(desc(smsConsents.recordedAt), desc(smsConsents.id));
  }

  async insertConsent(db: Database, consent: NewSmsConsent): Promise<SmsConsent> {
    const [row] = await db.insert(smsConsents).values(consent).returning();
    if (!row) throw new Error('inserting the consent record returned no row');
    return row;
  }

  /** Whether a consent record quotes this inbound message already (Twilio retries webhooks). */
  async consentFromInboundExists(db: Database, contactId: string, messageSid: string): Promise<boolean> {
    const [row] = await db
      .select({ id: smsConsents.id })
      .from(smsConsents)
      .where(and(eq(smsConsents.contactId, contactId), sql`${smsConsents.evidence} ->> 'messageSid' = ${messageSid}`))
      .limit(1);
    return row !== undefined;
  }

  /** Inserts a message unless one with the same dedupe key exists; returns the new row or undefined. */
  async insertMessage(db: Database, message: NewMessage): Promise<Message | undefined> {
    const [row] = await db.insert(messages).values(message).onConflictDoNothing().returning();
    return row;
  }

  async findByDedupeKey(db: Database, dedupeKey: string): Promise<Message | undefined> {
    const [row] = await db.select().from(messages).where(eq(messages.dedupeKey, dedupeKey));
    return row;
  }

  async findMessage(db: Database, id: string): Promise<Message | undefined> {
    const [row] = await db.select().from(messages).where(eq(messages.id, id));
    return row;
  }

  /**
   * queued → sending, atomically: only one attempt ever hands a message to the provider. Returns the message
   * when this call claimed it, undefined when it was not queued (sent, failed, or claimed by an attempt that
   * was interrupted).
   */
  async claim(db: Database, id: string): Promise<Message | undefined> {
    const [row] = await db
      .update(messages)
      .set({ status: 'sending', attempts: sql`${messages.attempts} + 1`, updatedAt: sql`now()` })
      .where(and(eq(messages.id, id), eq(messages.status, 'queued')))
      .returning();
    return row;
  }

  /** Moves a message to `status` only from one of `from` (so a late or repeated update cannot undo a later state). */
  async transition(
    db: Database,
    id: string,
    from: readonly MessageStatus[],
    patch: MessagePatch & { status: MessageStatus },
  ): Promise<Message | undefined> {
    const [row] = await db
      .update(messages)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(messages.id, id), inArray(messages.status, [...from])))
      .returning();
    return row;
  }

  async insertEvent(db: Database, event: Omit<typeof messageEvents.$inferInsert, 'occurredAt'>): Promise<void> {
    await db.insert(messageEvents).values(event);
  }

  /** One contact's messages, newest first (UUIDv7 ids order by creation), `limit` after the cursor id. */
  pageForContact(db: Database, contactId: string, beforeId: string | undefined, limit: number): Promise<Message[]> {
    return db
      .select()
      .from(messages)
      .where(and(eq(messages.contactId, contactId), beforeId ? lt(messages.id, beforeId) : undefined))
      .orderBy(desc(messages.id))
      .limit(limit);
  }

  /** The status history of a page of messages in one query (no N+1). */
  eventsOf(db: Database, messageIds: readonly string[]): Promise<MessageEvent[]> {
    if (messageIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(messageEvents)
      .where(inArray(messageEvents.messageId, [...messageIds]))
      .orderBy(asc(messageEvents.occurredAt), asc(messageEvents.id));
  }

  /**
   * Every live contact with this number in every business, for an inbound STOP/START to the shared sender.
   * Needs a named system context (policy contacts_system_select); read only.
   */
  contactsWithPhone(db: Database, phone: string): Promise<{ tenantId: string; id: string }[]> {
    return db
      .select({ tenantId: contacts.tenantId, id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.phone, phone), isNull(contacts.deletedAt)));
  }
}
