import { createHash } from 'node:crypto';

/** One message, already rendered (see @ontrack/emails/render): the port knows nothing of templates. */
export interface OutgoingEmail {
  to: string | readonly string[];
  /** Defaults to EMAIL_FROM. */
  from?: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers?: Readonly<Record<string, string>>;
  /**
   * Stable across retries of the same send (a job passes its outbox event id). Adapters derive the Message-ID
   * and X-Entity-Ref-ID from it, so a message sent twice after a crash is recognisable as the same message.
   */
  idempotencyKey: string;
}

export interface SentEmail {
  /** The Message-ID (SMTP) or the provider's id of the accepted message. */
  providerMessageId: string;
}

export interface EmailSender {
  send(message: OutgoingEmail): Promise<SentEmail>;
}

/** Injection token of the configured EmailSender. */
export const EMAIL_SENDER = Symbol('EMAIL_SENDER');

/**
 * Thrown by a sender when retrying cannot help (the relay rejected the recipient or the message with a 5xx):
 * a job should stop retrying. Anything else (connection refused, 4xx, time-out) is worth another attempt.
 */
export class PermanentEmailError extends Error {
  constructor(
    message: string,
    readonly responseCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentEmailError';
  }
}

// Printable ASCII without spaces: it goes into a header as is.
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export function assertIdempotencyKey(key: string): void {
  if (!idempotencyKeyPattern.test(key)) {
    throw new TypeError('idempotencyKey must be 1–200 printable ASCII characters without spaces');
  }
}

/**
 * `<hash-of-key@sender-domain>`: the same key always gives the same Message-ID (RFC 5322 §3.6.4), so mail
 * systems and people can tell a resend from a second message. Hashed because a key may hold characters a
 * msg-id may not.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'ontrack.local';
  return `<${digest}@${domain}>`;
}
