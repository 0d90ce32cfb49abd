/** One text message, already rendered: the port knows nothing of templates or consent (callers check both). */
export interface OutgoingSms {
  /** E.164, e.g. +15551234567 (see toE164). */
  to: string;
  body: string;
  /**
   * Where the provider reports delivery (queued → sent → delivered / undelivered / failed). Absolute https URL of
   * a webhook guarded by TwilioSignatureGuard; see publicUrlFor in sms.config.ts.
   */
  statusCallbackUrl?: string;
  /**
   * Stable across retries of the same send (a job passes its outbox event id). Twilio's Messages API has no
   * idempotency key, so it is not sent to the provider: it identifies the attempt in our logs, which is how a
   * duplicate after an ambiguous failure (time-out after Twilio accepted the message) can be traced.
   */
  idempotencyKey: string;
}

export interface SentSms {
  /** The provider's id of the accepted message (Twilio: SM… / MM…); status callbacks quote it. */
  providerMessageId: string;
  /** The provider's status at acceptance (Twilio: `queued`, or `accepted` through a Messaging Service). */
  status: string;
}

export interface SmsSender {
  /** False when no provider is configured: send always fails, so callers fall back to another channel first. */
  readonly configured: boolean;
  send(message: OutgoingSms): Promise<SentSms>;
}

/** Injection token of the configured SmsSender. */
export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * Why a message can never be sent as it is:
 * - `invalid-recipient`: not a phone number the provider can text (Twilio 21211, 21614 not a mobile, 21612…);
 * - `opted-out`: the recipient replied STOP (Twilio 21610); only their START lifts it, so record the opt-out;
 * - `rejected`: anything else the provider refused (4xx: bad credentials, body too long, unknown sender…);
 * - `not-configured`: this deployment has no SMS provider.
 */
export type PermanentSmsReason = 'invalid-recipient' | 'opted-out' | 'rejected' | 'not-configured';

/**
 * Thrown by a sender when retrying cannot help: a job should stop retrying (and may fall back to email).
 * Anything else a sender throws (network, time-out, 429, 5xx) is transient and worth another attempt.
 */
export class PermanentSmsError extends Error {
  constructor(
    message: string,
    readonly reason: PermanentSmsReason,
    /** The provider's error code (Twilio: 21211, 21610, …), when it gave one. */
    readonly code?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentSmsError';
  }
}

// Printable ASCII without spaces, like the email port: the key ends up in log lines as is.
const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export function assertIdempotencyKey(key: string): void {
  if (!idempotencyKeyPattern.test(key)) {
    throw new TypeError('idempotencyKey must be 1–200 printable ASCII characters without spaces');
  }
}

/** E.164: `+`, a country code that does not start with 0, at most 15 digits in all. */
const e164Pattern = /^\+[1-9]\d{1,14}$/;

export function isE164(phone: string): boolean {
  return e164Pattern.test(phone);
}

/**
 * A number typed in international form (`+1 (555) 123-4567`, `0044 20 7946 0958`) as E.164, or undefined.
 * National forms (`(555) 123-4567`) need the country's dialling rules and are refused rather than guessed.
 */
export function toE164(input: string): string | undefined {
  const compact = input.trim().replace(/[\s().\-/]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return isE164(international) ? international : undefined;
}
