import { Injectable, NotFoundException } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import type { Message, MessageEvent } from '@ontrack/db/schema/messaging';
import type { MessageListQuery, MessagePage, MessageView, SendReminder } from '@ontrack/schemas/messaging';
import { decodeIdCursor, encodeCursor } from '@ontrack/schemas/pagination';
import { ActivityRecorder } from '../../platform/activity/activity-recorder.js';
import { currentDb } from '../../platform/db/current-transaction.js';
import { problem } from '../../platform/http/problem-details.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { MessagesRepository } from './messages.repository.js';
import { NotificationService } from './notification.service.js';

/** The delivery log of a contact, and messages staff send them by hand. */
@Injectable()
export class ContactMessagesService {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly notifications: NotificationService,
    private readonly activity: ActivityRecorder,
  ) {}

  async list(contactId: string, { cursor, limit }: MessageListQuery): Promise<MessagePage> {
    const db = currentDb();
    if (!(await this.repository.findContact(db, contactId))) throw contactNotFound();
    const beforeId = cursor === undefined ? undefined : decodeIdCursor(cursor);
    const rows = await this.repository.pageForContact(db, contactId, beforeId, limit + 1);
    const items = rows.slice(0, limit);
    const events = await this.repository.eventsOf(
      db,
      items.map((item) => item.id),
    );
    const last = items.at(-1);
    return {
      items: items.map((item) => toView(item, events)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
    };
  }

  /**
   * An appointment or visit reminder, by the channel the contact prefers where consent allows. With an
   * Idempotency-Key, a repeated request (double click, client retry) returns the first message.
   */
  async sendReminder(contactId: string, body: SendReminder, idempotencyKey?: string): Promise<MessageView> {
    const db = currentDb();
    const tenantId = requestContext().tenant?.tenantId;
    if (!tenantId) throw new Error('sending a message needs a tenant request');
    const contact = await this.repository.findContact(db, contactId);
    if (!contact) throw contactNotFound();
    const { template, channel, ...reminder } = body;
    const { message, created } = await this.notifications.notifyContact(db, tenantId, {
      contactId,
      template,
      channel,
      data: { customerName: contact.displayName, ...reminder },
      dedupeKey: idempotencyKey ? `manual:${contactId}:${idempotencyKey}` : `manual:${newId()}`,
    });
    if (created) {
      this.activity.record({
        entityType: 'contact',
        entityId: contactId,
        action: 'message',
        summary: { messageId: message.id, template, channel: message.channel, status: message.status },
      });
    }
    const events = await this.repository.eventsOf(db, [message.id]);
    return toView(message, events);
  }
}

function contactNotFound(): NotFoundException {
  return new NotFoundException(problem(404, { detail: 'There is no contact with this id.' }));
}

function toView(message: Message, events: readonly MessageEvent[]): MessageView {
  return {
    id: message.id,
    contactId: message.contactId,
    channel: message.channel,
    template: message.template,
    recipient: message.recipient,
    summary: message.summary,
    status: message.status,
    fallbackForId: message.fallbackForId,
    provider: message.provider,
    providerMessageId: message.providerMessageId,
    attempts: message.attempts,
    error: message.error,
    errorCode: message.errorCode,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    events: events
      .filter((event) => event.messageId === message.id)
      .map((event) => ({
        status: event.status,
        providerStatus: event.providerStatus,
        errorCode: event.errorCode,
        detail: event.detail,
        occurredAt: event.occurredAt.toISOString(),
      })),
  };
}
