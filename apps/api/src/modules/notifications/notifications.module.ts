import { Module } from '@nestjs/common';
import { ContactMessagesController } from './contact-messages.controller.js';
import { ContactMessagesService } from './contact-messages.service.js';
import { MessageDelivery } from './message-delivery.service.js';
import { MessagesRepository } from './messages.repository.js';
import { NotificationService } from './notification.service.js';
import { SmsConsentService } from './sms-consent.service.js';
import { TwilioWebhooksController } from './twilio-webhooks.controller.js';
import { TwilioWebhooksService } from './twilio-webhooks.service.js';

/**
 * Messages to contacts: the notification service (channel by preference and consent, delivery log, never
 * twice), the delivery job's handler, SMS consent, and Twilio's webhooks.
 */
@Module({
  controllers: [ContactMessagesController, TwilioWebhooksController],
  providers: [
    MessagesRepository,
    NotificationService,
    MessageDelivery,
    SmsConsentService,
    ContactMessagesService,
    TwilioWebhooksService,
  ],
  exports: [NotificationService, MessageDelivery],
})
export class NotificationsModule {}
