import { Logger } from '@nestjs/common';
import twilio from 'twilio';
import { isTwilioConfigured, type SmsConfig } from './sms.config.js';
import {
  assertIdempotencyKey,
  isE164,
  type OutgoingSms,
  PermanentSmsError,
  type PermanentSmsReason,
  type SentSms,
  type SmsSender,
} from './sms.port.js';

/** Twilio error codes (https://www.twilio.com/docs/api/errors) that say the recipient cannot be texted. */
const INVALID_RECIPIENT_CODES = new Set([
  21211, // invalid 'To' phone number
  21265, // 'To' is a short code
  21612, // 'To' not reachable via SMS from this sender
  21614, // 'To' is not a mobile number
]);
const OPTED_OUT_CODE = 21610; // the recipient replied STOP to this sender

/** A job retries soon after a failure; waiting the SDK's default 30 s on a stuck connection only delays that. */
const REQUEST_TIMEOUT_MS = 15_000;

type MessageCreateOptions = Parameters<twilio.Twilio['messages']['create']>[0];

export type TwilioSender = { from: string } | { messagingServiceSid: string };

/**
 * Sends through Twilio's Messages API with the official SDK. TWILIO_API_BASE_URL points the SDK at another server
 * (the fake one in tests): `client.api.baseUrl` is read on every request (twilio/lib/base/Domain.js).
 */
export class TwilioSmsSender implements SmsSender {
  readonly configured = true;
  private readonly client: twilio.Twilio;
  private readonly logger = new Logger('Sms');

  constructor(
    accountSid: string,
    authToken: string,
    private readonly sender: TwilioSender,
    apiBaseUrl?: string,
  ) {
    this.client = twilio(accountSid, authToken, { timeout: REQUEST_TIMEOUT_MS });
    if (apiBaseUrl) {
      this.client.api.baseUrl = apiBaseUrl;
      // The SDK would otherwise splice TWILIO_REGION / TWILIO_EDGE from process.env into the host name.
      this.client.region = undefined;
      this.client.edge = undefined;
    }
  }

  static fromConfig(config: SmsConfig): TwilioSmsSender {
    if (!isTwilioConfigured(config)) throw new Error('TwilioSmsSender needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    const sender = config.TWILIO_MESSAGING_SERVICE_SID
      ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID }
      : config.TWILIO_FROM
        ? { from: config.TWILIO_FROM }
        : undefined;
    if (!sender) throw new Error('TwilioSmsSender needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
    return new TwilioSmsSender(config.TWILIO_ACCOUNT_SID, config.TWILIO_AUTH_TOKEN, sender, config.TWILIO_API_BASE_URL);
  }

  async send(message: OutgoingSms): Promise<SentSms> {
    assertIdempotencyKey(message.idempotencyKey);
    // Twilio would refuse it with 21211 after a round trip; the answer is the same, and permanent.
    if (!isE164(message.to)) {
      throw new PermanentSmsError('the recipient is not a phone number in E.164 form', 'invalid-recipient');
    }
    const request: MessageCreateOptions = {
      to: message.to,
      body: message.body,
      ...this.sender,
      ...(message.statusCallbackUrl && { statusCallback: message.statusCallbackUrl }),
    };
    try {
      const created = await this.client.messages.create(request);
      this.logger.log(
        { idempotencyKey: message.idempotencyKey, providerMessageId: created.sid, status: created.status },
        'SMS accepted by Twilio',
      );
      return { providerMessageId: created.sid, status: created.status };
    } catch (error) {
      throw classify(error);
    }
  }
}

/**
 * Twilio's 4xx answers (RestException) do not get better with retries, except 429 (rate limited); 5xx and
 * network failures might. A network error is re-thrown without its cause: the SDK's (axios) error carries the
 * request headers, Basic auth with the auth token included, and would put it in the logs.
 */
function classify(error: unknown): Error {
  if (error instanceof twilio.RestException) {
    const described = `Twilio refused the message (HTTP ${error.status}${error.code ? `, error ${error.code}` : ''}): ${error.message}`;
    if (error.status === 429 || error.status >= 500) return new Error(described, { cause: error });
    return new PermanentSmsError(described, reasonOf(error.code), error.code, { cause: error });
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // Node's dual-stack connect errors come with an empty message and only a code.
  const detail = [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return new Error(`Twilio could not be reached: ${detail || 'unknown error'}`);
}

function reasonOf(code: number | undefined): PermanentSmsReason {
  if (code === OPTED_OUT_CODE) return 'opted-out';
  if (code !== undefined && INVALID_RECIPIENT_CODES.has(code)) return 'invalid-recipient';
  return 'rejected';
}
