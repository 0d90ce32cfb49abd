import { Logger } from '@nestjs/common';
import {
  assertIdempotencyKey,
  type EmailSender,
  messageIdFor,
  type OutgoingEmail,
  type SentEmail,
} from './email.port.js';

const KEPT = 100;

/**
 * The sender when SMTP_URL is unset (development without `npm start`, tests): nothing leaves the process.
 * Each message is logged and the last ones kept in memory, so a test can read the link it was sent.
 * Never used in production (EmailModule refuses to start there without SMTP_URL).
 */
export class LogEmailSender implements EmailSender {
  private readonly logger = new Logger('Email');
  private readonly kept: (OutgoingEmail & { providerMessageId: string })[] = [];

  constructor(private readonly defaultFrom: string) {}

  async send(message: OutgoingEmail): Promise<SentEmail> {
    assertIdempotencyKey(message.idempotencyKey);
    const from = message.from ?? this.defaultFrom;
    const providerMessageId = messageIdFor(message.idempotencyKey, from);
    this.kept.push({ ...message, from, providerMessageId });
    if (this.kept.length > KEPT) this.kept.shift();
    this.logger.log(
      { to: message.to, subject: message.subject, idempotencyKey: message.idempotencyKey },
      'email not sent: SMTP_URL is not set (kept in memory)',
    );
    // The text part carries the links a developer needs to click, e.g. the sign-in link.
    this.logger.debug({ text: message.text }, 'email text');
    return { providerMessageId };
  }

  /** Messages "sent" so far, oldest first (at most the last 100). */
  get sent(): readonly (OutgoingEmail & { providerMessageId: string })[] {
    return this.kept;
  }
}
