import {
  contactIdParamsSchema,
  messageListQuerySchema,
  messagePageSchema,
  messageSchema,
  recordSmsConsentSchema,
  sendReminderSchema,
  smsConsentStateSchema,
} from '@ontrack/schemas/messaging';
import { createZodDto } from 'nestjs-zod';

export class ContactIdParamsDto extends createZodDto(contactIdParamsSchema) {}
export class MessageDto extends createZodDto(messageSchema) {}
export class MessagePageDto extends createZodDto(messagePageSchema) {}
export class MessageListQueryDto extends createZodDto(messageListQuerySchema) {}
export class SendReminderDto extends createZodDto(sendReminderSchema) {}
export class SmsConsentStateDto extends createZodDto(smsConsentStateSchema) {}
export class RecordSmsConsentDto extends createZodDto(recordSmsConsentSchema) {}
