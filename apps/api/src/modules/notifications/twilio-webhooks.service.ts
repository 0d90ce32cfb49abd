import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import { applySessionContext } from '@ontrack/db/session-context';
import { z } from 'zod';
import { DATABASE } from '../../platform/db/database.module.js';
import { problem } from '../../platform/http/problem-details.js';
import { MessageDelivery } from './message-delivery.service.js';
import { MessagesRepository } from './messages.repository.js';
import { SmsConsentService } from './sms-consent.service.js';

const inboundSchema = z.object({
  From: z.string().min(1),
  To: z.string().default(''),
  Body: z.string().default(''),
  MessageSid: z.string().min(1),
});

const statusSchema = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
  ErrorMessage: z.string().optional(),
});

const uuid = z.uuid();

/** The work behind Twilio's webhooks; each runs in its own transaction(s), in a named system context. */
@Injectable()
export class TwilioWebhooksService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly consent: SmsConsentService,
    private readonly delivery: MessageDelivery,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  async inbound(params: Record<string, string>): Promise<void> {
    const parsed = inboundSchema.safeParse(params);
    if (!parsed.success) throw badRequest('an inbound message needs From and MessageSid');
    const { From, To, Body, MessageSid } = parsed.data;
    await this.consent.handleInbound({ from: From, to: To, body: Body, messageSid: MessageSid });
  }

  async status(tenantId: string, messageId: string, params: Record<string, string>): Promise<void> {
    const parsed = statusSchema.safeParse(params);
    if (!parsed.success || !uuid.safeParse(tenantId).success || !uuid.safeParse(messageId).success) {
      throw badRequest('a status callback needs MessageSid and MessageStatus');
    }
    const report = parsed.data;
    await this.database.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'twilio-status' });
      const message = await this.repository.findMessage(tx, messageId);
      // The SID must be the one Twilio gave us for this message: a signed callback for another message (or a
      // replayed URL with other parameters) must not move this one.
      if (!message || message.providerMessageId !== report.MessageSid) {
        throw new NotFoundException(problem(404, { detail: 'No message of ours matches this callback.' }));
      }
      await this.delivery.applyProviderStatus(tx, tenantId, message, {
        providerStatus: report.MessageStatus,
        ...(report.ErrorCode ? { errorCode: report.ErrorCode } : {}),
        ...(report.ErrorMessage ? { errorMessage: report.ErrorMessage } : {}),
      });
    });
  }
}

function badRequest(detail: string): BadRequestException {
  return new BadRequestException(problem(400, { detail }));
}
