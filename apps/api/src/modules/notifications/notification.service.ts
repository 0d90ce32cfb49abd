import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import type { Message } from '@ontrack/db/schema/messaging';
import type { Tenant } from '@ontrack/db/schema/tenants';
import {
  type EmailDataInput,
  type EmailTemplateName,
  type EmailTenant,
  emailDataSchemas,
  resolveEmailLocale,
} from '@ontrack/emails/schemas';
import { renderSms } from '@ontrack/emails/sms';
import type { MessageChannel } from '@ontrack/schemas/messaging';
import { SMS_SENDER, type SmsSender } from '../../integrations/sms/sms.port.js';
import { deliverMessage } from '../../jobs/deliver-message.job.js';
import { problem } from '../../platform/http/problem-details.js';
import { enqueueEvent } from '../../platform/outbox/outbox-store.js';
import { chooseChannel } from './channel-policy.js';
import { MessagesRepository } from './messages.repository.js';

export interface NotifyContact<T extends EmailTemplateName> {
  contactId: string;
  template: T;
  data: EmailDataInput<T>;
  /**
   * The caller's name for this notification (`invoice-due:<invoice>:<date>`), unique per business: asking
   * again with the same key — a retried job, a repeated request — returns the first message, never a second.
   */
  dedupeKey: string;
  channel?: MessageChannel | 'auto';
}

export interface Notified {
  message: Message;
  /** False when the dedupe key named an existing message (nothing new was queued). */
  created: boolean;
}

/**
 * The one way to message a contact. It picks the channel from the contact's preference and SMS consent,
 * logs the message (`messages`, status queued) and enqueues its delivery in the caller's transaction — so the
 * message exists, and will be sent, if and only if the caller's change commits. Sending happens in
 * MessageDelivery, after the commit.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly repository: MessagesRepository,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
  ) {}

  async notifyContact<T extends EmailTemplateName>(
    db: Database,
    tenantId: string,
    request: NotifyContact<T>,
  ): Promise<Notified> {
    const existing = await this.repository.findByDedupeKey(db, request.dedupeKey);
    if (existing) return { message: existing, created: false };
    const contact = await this.repository.findContact(db, request.contactId);
    if (!contact) throw new NotFoundException(problem(404, { detail: 'There is no contact with this id.' }));
    const tenant = await this.repository.findTenant(db, tenantId);
    if (!tenant) throw new Error(`tenant ${tenantId} not visible in this transaction`);
    const consent = contact.phone ? await this.repository.currentConsent(db, contact.id, contact.phone) : undefined;
    const decision = chooseChannel(
      {
        email: contact.email,
        phone: contact.phone,
        preferredChannel: contact.preferredChannel,
        smsConsent: consent?.status ?? null,
        smsAvailable: this.sms.configured,
      },
      request.channel,
    );
    const locale = resolveEmailLocale([contact.locale, tenant.locale]);
    // Validate now: bad data is the caller's error (422 in a request), not a job failing later.
    const data = emailDataSchemas[request.template].parse(request.data);
    const payload = { locale, data };
    if (decision.channel === null) {
      const message = await this.log(db, tenantId, contact.id, {
        channel: contact.preferredChannel,
        recipient: '(none)',
        template: request.template,
        payload,
        summary: request.template,
        dedupeKey: request.dedupeKey,
        status: 'failed',
        error: `Not sent: ${decision.reason}.`,
      });
      return { message, created: true };
    }
    const summary =
      decision.channel === 'sms'
        ? renderSms(request.template, { locale, tenant: tenantForTemplates(tenant), data: request.data })
        : request.template;
    const message = await this.log(db, tenantId, contact.id, {
      channel: decision.channel,
      recipient: decision.address,
      template: request.template,
      payload,
      summary,
      dedupeKey: request.dedupeKey,
      status: 'queued',
      note: decision.note,
    });
    return { message, created: true };
  }

  /**
   * An email to a member of the business (an office alert, not a customer message): logged and delivered like
   * the others, without a contact (`contact_id` NULL), never twice for the same dedupe key.
   */
  async notifyMember<T extends EmailTemplateName>(
    db: Database,
    tenantId: string,
    request: { email: string; locale: string; template: T; data: EmailDataInput<T>; dedupeKey: string },
  ): Promise<Notified> {
    const existing = await this.repository.findByDedupeKey(db, request.dedupeKey);
    if (existing) return { message: existing, created: false };
    const data = emailDataSchemas[request.template].parse(request.data);
    const message = await this.log(db, tenantId, null, {
      channel: 'email',
      recipient: request.email,
      template: request.template,
      payload: { locale: request.locale, data },
      summary: request.template,
      dedupeKey: request.dedupeKey,
      status: 'queued',
    });
    return { message, created: true };
  }

  /**
   * Replaces an SMS that could not be sent (or was not delivered) with the same message by email, once:
   * the fallback's dedupe key derives from the SMS's. Returns undefined when the contact has no email.
   */
  async fallBackToEmail(db: Database, tenantId: string, sms: Message, reason: string): Promise<Message | undefined> {
    const contact = sms.contactId ? await this.repository.findContact(db, sms.contactId) : undefined;
    if (!contact?.email) {
      await this.repository.insertEvent(db, {
        tenantId,
        id: newId(),
        messageId: sms.id,
        status: sms.status,
        detail: 'No email fallback: the contact has no email address.',
      });
      return undefined;
    }
    return this.log(db, tenantId, contact.id, {
      channel: 'email',
      recipient: contact.email,
      template: sms.template,
      payload: sms.payload,
      summary: sms.template,
      dedupeKey: `${sms.dedupeKey}:email-fallback`,
      status: 'queued',
      fallbackForId: sms.id,
      note: `Instead of SMS: ${reason}`,
    });
  }

  private async log(
    db: Database,
    tenantId: string,
    contactId: string | null,
    entry: {
      channel: MessageChannel;
      recipient: string;
      template: string;
      payload: Record<string, unknown>;
      summary: string;
      dedupeKey: string;
      status: 'queued' | 'failed';
      error?: string;
      note?: string;
      fallbackForId?: string;
    },
  ): Promise<Message> {
    const inserted = await this.repository.insertMessage(db, {
      tenantId,
      id: newId(),
      contactId,
      channel: entry.channel,
      template: entry.template,
      recipient: entry.recipient,
      payload: entry.payload,
      summary: entry.summary.slice(0, 500),
      dedupeKey: entry.dedupeKey,
      status: entry.status,
      error: entry.error ?? null,
      fallbackForId: entry.fallbackForId ?? null,
    });
    // Lost a race with a concurrent caller using the same key: theirs is the message.
    if (!inserted) {
      const winner = await this.repository.findByDedupeKey(db, entry.dedupeKey);
      if (!winner) throw new Error(`message ${entry.dedupeKey} neither inserted nor found`);
      return winner;
    }
    await this.repository.insertEvent(db, {
      tenantId,
      id: newId(),
      messageId: inserted.id,
      status: inserted.status,
      detail: entry.error ?? entry.note ?? null,
    });
    if (inserted.status === 'queued') {
      await enqueueEvent(db, tenantId, deliverMessage, { messageId: inserted.id });
    }
    return inserted;
  }
}

/** The tenant as the templates take it (see @ontrack/emails/schemas emailTenantSchema). */
export function tenantForTemplates(tenant: Pick<Tenant, 'name' | 'branding' | 'timeZone' | 'currency'>): EmailTenant {
  return { name: tenant.name, branding: tenant.branding, timeZone: tenant.timeZone, currency: tenant.currency };
}
