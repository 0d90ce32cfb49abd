import { Inject, Injectable } from '@nestjs/common';
import twilio from 'twilio';
import { SMS_CONFIG, type SmsConfig } from './sms.config.js';

/** The parameters of a webhook as Twilio form-encoded them: strings, or a list for a repeated name. */
export type TwilioParams = Readonly<Record<string, string | readonly string[]>>;

export interface TwilioWebhook {
  /** The full URL Twilio requested (scheme, host, path and query), see urlFor. */
  url: string;
  /** The form body (an empty object for GET). */
  params: TwilioParams;
  /** The X-Twilio-Signature header. */
  signature: string | undefined;
}

/** What urlFor reads of a request; a FastifyRequest has all of it (host and protocol honour TRUST_PROXY). */
export interface RequestLine {
  originalUrl: string;
  protocol: string;
  host: string;
}

/**
 * Checks that a webhook request comes from Twilio: X-Twilio-Signature is an HMAC-SHA1, keyed with the account's
 * auth token, of the exact URL Twilio called followed by the sorted form parameters. Uses the SDK's own
 * validateRequest, which also tries the URL with and without the default port, as Twilio may sign either.
 */
@Injectable()
export class TwilioWebhookVerifier {
  constructor(@Inject(SMS_CONFIG) private readonly config: SmsConfig) {}

  /** False without TWILIO_AUTH_TOKEN: then no request can be verified, and webhook routes should not exist. */
  get configured(): boolean {
    return Boolean(this.config.TWILIO_AUTH_TOKEN);
  }

  verify({ url, params, signature }: TwilioWebhook): boolean {
    const authToken = this.config.TWILIO_AUTH_TOKEN;
    if (!authToken || !signature) return false;
    try {
      // The SDK's types want mutable values; it only reads them.
      return twilio.validateRequest(authToken, signature, url, params as Record<string, string | string[]>);
    } catch {
      // validateRequest parses the URL with new URL() for its fallbacks; a URL it cannot parse was not signed.
      return false;
    }
  }

  /**
   * The URL Twilio called. Behind a proxy the API sees another host (and often http), so with PUBLIC_URL it is
   * that origin plus the path and query as received; without it, the request's own protocol and Host (which
   * honour X-Forwarded-Proto/-Host from TRUST_PROXY proxies only).
   */
  urlFor(request: RequestLine): string {
    const origin = this.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
    return `${origin}${request.originalUrl}`;
  }
}
