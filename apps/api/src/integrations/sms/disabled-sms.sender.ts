import { type OutgoingSms, PermanentSmsError, type SentSms, type SmsSender } from './sms.port.js';

/**
 * The sender when Twilio is not configured (SMS is optional, in production too). `configured` is false, so the
 * notification service sends by email instead; a send that comes anyway fails permanently rather than being
 * retried for nothing.
 */
export class DisabledSmsSender implements SmsSender {
  readonly configured = false;

  async send(_message: OutgoingSms): Promise<SentSms> {
    throw new PermanentSmsError('SMS is not configured', 'not-configured');
  }
}
