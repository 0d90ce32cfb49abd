import { createTransport, type Transporter } from 'nodemailer';
import type { EmailConfig } from './email.config.js';
import {
  assertIdempotencyKey,
  type EmailSender,
  messageIdFor,
  type OutgoingEmail,
  PermanentEmailError,
  type SentEmail,
} from './email.port.js';

/**
 * Sends over SMTP with nodemailer: any relay (Postfix, SES, Resend and SendGrid all speak SMTP) and MailDev in
 * development. SMTP_URL holds host, port, TLS (`smtps:`) and credentials.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly defaultFrom: string,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      // Jobs send bursts (reminders of a whole day): reuse a couple of connections instead of one per mail.
      pool: true,
      maxConnections: 2,
      // nodemailer waits minutes by default; a job should fail fast and be retried by the outbox instead.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  static fromConfig(config: EmailConfig): SmtpEmailSender {
    if (!config.SMTP_URL) throw new Error('SmtpEmailSender needs SMTP_URL');
    return new SmtpEmailSender(config.SMTP_URL, config.EMAIL_FROM);
  }

  async send(message: OutgoingEmail): Promise<SentEmail> {
    assertIdempotencyKey(message.idempotencyKey);
    const from = message.from ?? this.defaultFrom;
    const messageId = messageIdFor(message.idempotencyKey, from);
    try {
      const info = await this.transport.sendMail({
        from,
        to: [...(typeof message.to === 'string' ? [message.to] : message.to)],
        ...(message.replyTo && { replyTo: message.replyTo }),
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
        // Ours last: a caller's header must not replace the identity of the message.
        headers: { ...message.headers, 'X-Entity-Ref-ID': message.idempotencyKey },
      });
      return { providerMessageId: info.messageId ?? messageId };
    } catch (error) {
      throw classify(error);
    }
  }

  /** Verifies that the relay answers and accepts us (used by readiness checks and scripts). */
  async verify(): Promise<void> {
    await this.transport.verify();
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * 5xx replies, and envelopes refused without a reply code (no valid recipient at all), do not get better with
 * retries; everything else might — a 4xx on RCPT (451 "try again later", greylisting) included, although
 * nodemailer reports it as EENVELOPE too.
 */
function classify(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { responseCode, code } = error as Error & { responseCode?: number; code?: string };
  const permanent = responseCode !== undefined ? responseCode >= 500 && responseCode < 600 : code === 'EENVELOPE';
  if (permanent) {
    return new PermanentEmailError(`SMTP relay refused the message: ${error.message}`, responseCode, {
      cause: error,
    });
  }
  return error;
}
