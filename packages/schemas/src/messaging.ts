import { z } from 'zod';
import { idCursorSchema, nextCursorSchema, pageLimitSchema, unknownParameters } from './pagination.js';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'bounced'] as const;
export const SMS_CONSENT_STATUSES = ['opted_in', 'opted_out'] as const;
/** How consent was given or withdrawn; `sms_keyword` comes only from the contact's own STOP/START text. */
export const SMS_CONSENT_METHODS = ['web_form', 'portal', 'verbal', 'written', 'sms_keyword', 'import'] as const;
/** The methods staff may record by hand (a keyword is recorded by the Twilio webhook, never typed in). */
export const RECORDABLE_SMS_CONSENT_METHODS = ['web_form', 'portal', 'verbal', 'written', 'import'] as const;

export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });

export const contactIdParamsSchema = z.object({ contactId: z.uuid() });

export const messageEventSchema = z.object({
  status: z.enum(MESSAGE_STATUSES),
  providerStatus: z.string().nullable().describe('The provider’s own word for it (Twilio: undelivered, …).'),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  occurredAt: instant,
});

export const messageSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid().nullable(),
  channel: z.enum(MESSAGE_CHANNELS),
  template: z.string(),
  recipient: z.string().describe('Email address or E.164 phone number.'),
  summary: z.string().describe('Subject of an email, the text of an SMS.'),
  status: z.enum(MESSAGE_STATUSES),
  fallbackForId: z
    .uuid()
    .nullable()
    .describe('Set on an email sent because this SMS could not be (no consent, refused, undelivered).'),
  provider: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  events: z.array(messageEventSchema).describe('Every status the message went through, oldest first.'),
});

export const messagePageSchema = z.object({
  items: z.array(messageSchema).describe('Newest first.'),
  nextCursor: nextCursorSchema,
});

export const messageListQuerySchema = z.strictObject(
  {
    cursor: idCursorSchema.optional(),
    limit: pageLimitSchema,
  },
  unknownParameters,
);

/** An appointment reminder sent by office staff; the notification service picks the channel. */
export const sendReminderSchema = z
  .strictObject({
    template: z.literal('reminder'),
    kind: z.enum(['appointment', 'visit']),
    title: z.string().trim().min(1).max(200).optional(),
    windowStart: instant,
    windowEnd: instant,
    address: z.string().trim().min(1).max(500),
    detailsUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    channel: z
      .enum(['auto', ...MESSAGE_CHANNELS])
      .default('auto')
      .describe('`auto` (default): the contact’s preference where consent allows, else email.'),
  })
  .refine((body) => Date.parse(body.windowEnd) >= Date.parse(body.windowStart), {
    path: ['windowEnd'],
    message: 'must not be before windowStart',
  });

export const smsConsentRecordSchema = z.object({
  id: z.uuid(),
  phone: z.string(),
  status: z.enum(SMS_CONSENT_STATUSES),
  method: z.enum(SMS_CONSENT_METHODS),
  textShown: z.string().describe('The consent wording shown to the contact, or the text they sent (STOP).'),
  recordedByUserId: z.uuid().nullable().describe('Null when the contact acted themselves.'),
  recordedAt: instant,
});

export const smsConsentStateSchema = z.object({
  contactId: z.uuid(),
  phone: z.string().nullable().describe('The contact’s current number; consent is per number.'),
  status: z
    .enum([...SMS_CONSENT_STATUSES, 'none'])
    .describe('For the current number: the newest record’s status, or `none` when there is no record.'),
  current: smsConsentRecordSchema.nullable(),
  history: z.array(smsConsentRecordSchema).describe('Every record for this contact, newest first.'),
});

const E164 = /^\+[1-9]\d{6,14}$/;

export const recordSmsConsentSchema = z.strictObject({
  status: z.enum(SMS_CONSENT_STATUSES),
  method: z.enum(RECORDABLE_SMS_CONSENT_METHODS),
  textShown: z
    .string()
    .trim()
    .min(10)
    .max(1000)
    .describe('The exact wording the contact agreed to (or asked to stop with), kept as evidence.'),
  phone: z
    .string()
    .regex(E164, 'must be an E.164 number such as +15125550105')
    .optional()
    .describe('Defaults to the contact’s phone.'),
});

export type MessageView = z.infer<typeof messageSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;
export type MessageListQuery = z.output<typeof messageListQuerySchema>;
export type SendReminder = z.output<typeof sendReminderSchema>;
export type SmsConsentRecordView = z.infer<typeof smsConsentRecordSchema>;
export type SmsConsentState = z.infer<typeof smsConsentStateSchema>;
export type RecordSmsConsent = z.output<typeof recordSmsConsentSchema>;
