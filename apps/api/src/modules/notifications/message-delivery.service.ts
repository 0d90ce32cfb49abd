import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import type { Message, MessageStatus } from '@ontrack/db/schema/messaging';
import { renderEmail } from '@ontrack/emails/render';
import type { EmailTemplateName } from '@ontrack/emails/schemas';
import { renderSms } from '@ontrack/emails/sms';
import { ZodError } from 'zod';
import { EMAIL_SENDER, type EmailSender, PermanentEmailError } from '../../integrations/email/email.port.js';
import { publicUrlFor, SMS_CONFIG, type SmsConfig } from '../../integrations/sms/sms.config.js';
import { PermanentSmsError, SMS_SENDER, type SmsSender } from '../../integrations/sms/sms.port.js';
import type { DeliverMessagePayload } from '../../jobs/deliver-message.job.js';
import type { JobContext } from '../../platform/outbox/job-definition.js';
import { MessagesRepository } from './messages.repository.js';
import { NotificationService, tenantForTemplates } from './notification.service.js';

/** The webhook Twilio reports this message's delivery to (see TwilioWebhooksController). */
export function statusCallbackPath(tenantId: string, messageId: string): string {
  return `/api/v1/webhooks/twilio/status/${tenantId}/${messageId}`;
}

interface StoredPayload {
  locale: string;
  data: unknown;
}

/**
 * Sends logged messages: the handler of the `notifications.deliver` job.
 *
 * Never twice: before calling the provider, the message is claimed (queued → sending) in its own committed
 * transaction, and the provider's answer is recorded the same way. A retry of the job finds the message no
 * longer queued and sends nothing. The one case that cannot be told apart — the process died between handing
 * the message over and recording the answer — is marked failed ("outcome unknown") rather than sent again.
 */
@Injectable()
export class MessageDelivery {
  private readonly logger = new Logger(MessageDelivery.name);

  constructor(
    private readonly repository: MessagesRepository,
    private readonly notifications: NotificationService,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(SMS_CONFIG) private readonly smsConfig: SmsConfig,
  ) {}

  async deliver(context: JobContext, { messageId }: DeliverMessagePayload): Promise<void> {
    const { tx, tenantId } = context;
    const message = await context.separately((own) => this.repository.claim(own, messageId));
    if (!message) {
      const current = await this.repository.findMessage(tx, messageId);
      if (current?.status === 'sending') {
        await this.settle(tx, tenantId, current, 'failed', {
          error: 'Interrupted while being handed to the provider; the outcome is unknown, so it was not sent again.',
        });
      }
      return;
    }
    try {
      const sent = await this.send(tenantId, message, tx);
      await context.separately((own) =>
        this.settle(own, tenantId, message, 'sent', {
          provider: sent.provider,
          providerMessageId: sent.providerMessageId,
          summary: sent.summary ?? message.summary,
          providerStatus: sent.providerStatus,
        }),
      );
    } catch (error) {
      const permanent =
        error instanceof PermanentEmailError || error instanceof PermanentSmsError || error instanceof ZodError;
      const detail = errorDetail(error);
      if (!permanent && context.attempt < context.maxAttempts) {
        // Nothing reached the provider: back in the queue, and the outbox retries with backoff.
        await context.separately((own) => this.requeue(own, tenantId, message, detail));
        throw error;
      }
      const failed = await this.settle(tx, tenantId, message, 'failed', detail);
      if (failed && message.channel === 'sms') {
        await this.notifications.fallBackToEmail(tx, tenantId, failed, detail.error);
      }
      this.logger.warn(`message ${message.id} (${message.channel}) failed: ${detail.error}`);
    }
  }

  /**
   * A status reported by the provider (Twilio's status callback). Recorded as an event whatever it is; the
   * message's status moves only forward (a late `sent` cannot undo `delivered`). An SMS reported failed or
   * undelivered falls back to email.
   */
  async applyProviderStatus(
    db: Database,
    tenantId: string,
    message: Message,
    report: { providerStatus: string; errorCode?: string; errorMessage?: string },
  ): Promise<void> {
    const status = fromTwilioStatus(report.providerStatus);
    const detail = report.errorCode
      ? { error: report.errorMessage ?? `provider error ${report.errorCode}`, errorCode: report.errorCode }
      : undefined;
    const moved = status
      ? await this.repository.transition(db, message.id, EARLIER[status], {
          status,
          ...(status === 'delivered' ? { deliveredAt: new Date() } : {}),
          ...(detail ? { error: detail.error, errorCode: detail.errorCode } : {}),
        })
      : undefined;
    await this.repository.insertEvent(db, {
      tenantId,
      id: newId(),
      messageId: message.id,
      status: moved?.status ?? message.status,
      providerStatus: report.providerStatus,
      errorCode: report.errorCode ?? null,
      detail: moved ? (detail?.error ?? null) : 'Recorded; the message was already in a later state.',
    });
    if (moved?.status === 'failed' && moved.channel === 'sms') {
      await this.notifications.fallBackToEmail(db, tenantId, moved, `SMS ${report.providerStatus}`);
    }
  }

  private async send(
    tenantId: string,
    message: Message,
    tx: Database,
  ): Promise<{ provider: string; providerMessageId: string; providerStatus?: string; summary?: string }> {
    const tenant = await this.repository.findTenant(tx, tenantId);
    if (!tenant) throw new Error(`tenant ${tenantId} not visible to the job`);
    const { locale, data } = message.payload as unknown as StoredPayload;
    const template = message.template as EmailTemplateName;
    const input = { locale, tenant: tenantForTemplates(tenant), data: data as never };
    if (message.channel === 'email') {
      const rendered = await renderEmail(template, input);
      const sent = await this.email.send({
        to: message.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        idempotencyKey: message.id,
      });
      return { provider: 'email', providerMessageId: sent.providerMessageId, summary: rendered.subject };
    }
    const sent = await this.sms.send({
      to: message.recipient,
      body: renderSms(template, input),
      statusCallbackUrl: publicUrlFor(this.smsConfig, statusCallbackPath(tenantId, message.id)),
      idempotencyKey: message.id,
    });
    return { provider: 'twilio', providerMessageId: sent.providerMessageId, providerStatus: sent.status };
  }

  private async settle(
    db: Database,
    tenantId: string,
    message: Message,
    status: 'sent' | 'failed',
    outcome: {
      provider?: string;
      providerMessageId?: string;
      summary?: string;
      providerStatus?: string;
      error?: string;
      errorCode?: string;
    },
  ): Promise<Message | undefined> {
    const moved = await this.repository.transition(db, message.id, ['sending'], {
      status,
      provider: outcome.provider ?? message.provider,
      providerMessageId: outcome.providerMessageId ?? message.providerMessageId,
      summary: (outcome.summary ?? message.summary).slice(0, 500),
      error: outcome.error ?? null,
      errorCode: outcome.errorCode ?? null,
      ...(status === 'sent' ? { sentAt: new Date() } : {}),
    });
    if (moved) {
      await this.repository.insertEvent(db, {
        tenantId,
        id: newId(),
        messageId: message.id,
        status,
        providerStatus: outcome.providerStatus ?? null,
        errorCode: outcome.errorCode ?? null,
        detail: outcome.error ?? null,
      });
    }
    return moved;
  }

  private async requeue(
    db: Database,
    tenantId: string,
    message: Message,
    detail: { error: string; errorCode?: string },
  ) {
    await this.repository.transition(db, message.id, ['sending'], {
      status: 'queued',
      error: detail.error,
      errorCode: detail.errorCode ?? null,
    });
    await this.repository.insertEvent(db, {
      tenantId,
      id: newId(),
      messageId: message.id,
      status: 'queued',
      errorCode: detail.errorCode ?? null,
      detail: `Attempt failed, will retry: ${detail.error}`,
    });
  }
}

/** Which states a status may be reached from: statuses only move forward, terminal ones not at all. */
const EARLIER: Record<MessageStatus, readonly MessageStatus[]> = {
  queued: [],
  sending: ['queued'],
  sent: ['queued', 'sending'],
  delivered: ['queued', 'sending', 'sent'],
  failed: ['queued', 'sending', 'sent'],
  bounced: ['queued', 'sending', 'sent', 'delivered'],
};

/** Twilio's message statuses (docs: Message resource, Status values) in the delivery log's terms. */
export function fromTwilioStatus(status: string): MessageStatus | undefined {
  switch (status) {
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'undelivered':
    case 'failed':
      return 'failed';
    default:
      return undefined; // accepted, scheduled, queued, sending, canceled…: recorded as events only
  }
}

function errorDetail(error: unknown): { error: string; errorCode?: string } {
  if (error instanceof PermanentSmsError) {
    return { error: error.message, ...(error.code ? { errorCode: String(error.code) } : {}) };
  }
  if (error instanceof PermanentEmailError) {
    return { error: error.message, ...(error.responseCode ? { errorCode: String(error.responseCode) } : {}) };
  }
  if (error instanceof ZodError)
    return { error: `Cannot render the message: ${error.issues[0]?.message ?? 'bad data'}` };
  return { error: error instanceof Error ? error.message : String(error) };
}
