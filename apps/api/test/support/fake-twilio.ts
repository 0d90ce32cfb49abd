import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/**
 * A local stand-in for Twilio's REST API, as much of it as the official SDK uses to send SMS, plus Twilio's side
 * of the webhooks (signed exactly as Twilio signs them). Point the SDK at it with TWILIO_API_BASE_URL=baseUrl
 * (`client.api.baseUrl`). Shapes follow https://www.twilio.com/docs/messaging/api/message-resource and
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security.
 */

const API_VERSION = '2010-04-01';
const TWILIO_ERRORS = 'https://www.twilio.com/docs/errors';

export const TEST_ACCOUNT_SID = `AC${'0a1b2c3d'.repeat(4)}`;
export const TEST_AUTH_TOKEN = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
export const TEST_FROM = '+15005550006';

/** Twilio's default opt-out and opt-in keywords (a whole message, any case). */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

/** The message resource as Twilio returns it (snake_case JSON). */
export interface FakeTwilioMessage {
  sid: string;
  account_sid: string;
  api_version: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: string;
  direction: 'outbound-api';
  num_segments: string;
  num_media: string;
  price: string | null;
  price_unit: string;
  error_code: number | null;
  error_message: string | null;
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  uri: string;
  subresource_uris: Record<string, string>;
  /** Not in Twilio's JSON (it never echoes it): the StatusCallback the message was created with. */
  status_callback: string | null;
}

export interface FakeTwilioRequest {
  method: string;
  path: string;
  status: number;
}

export type FailureStatus = 429 | 500 | 503;

export interface WebhookReply {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer was JSON (problem+json included), the text otherwise. */
  body: unknown;
}

export interface WebhookOptions {
  /**
   * Where the request really goes when it differs from the URL Twilio signs (the one configured in Twilio):
   * e.g. the signed URL is https://app.example.com/api/v1/... (PUBLIC_URL) and the test API listens on 127.0.0.1.
   */
  deliverTo?: string;
}

export class FakeTwilio {
  /** Every message accepted (201), oldest first. */
  readonly messages: FakeTwilioMessage[] = [];
  /** Every API request answered, accepted or not: to count attempts. */
  readonly requests: FakeTwilioRequest[] = [];
  /** To numbers answered with 400 / 21211 (invalid 'To' phone number). Numbers not in E.164 always are. */
  readonly invalidNumbers = new Set<string>();
  /** To numbers answered with 400 / 21614 (not a mobile number). */
  readonly landlines = new Set<string>();
  /** To numbers that replied STOP: answered with 400 / 21610 until they send START (see receiveInbound). */
  readonly unsubscribed = new Set<string>();
  /** While set, every API request fails with this status (a Twilio outage). */
  flaky: FailureStatus | false = false;
  private readonly failures: FailureStatus[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  static async start({
    accountSid = TEST_ACCOUNT_SID,
    authToken = TEST_AUTH_TOKEN,
  }: {
    accountSid?: string;
    authToken?: string;
  } = {}): Promise<FakeTwilio> {
    let fake: FakeTwilio | undefined;
    const server = createServer((request, response) => {
      fake?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeTwilio(server, `http://127.0.0.1:${port}`, accountSid, authToken);
    return fake;
  }

  /** The next `times` API requests fail with `status` (then requests succeed again). */
  failNext(status: FailureStatus, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  /** The environment that points the API (loadConfig) at this server. */
  env(sender: { from: string } | { messagingServiceSid: string } = { from: TEST_FROM }): Record<string, string> {
    return {
      TWILIO_ACCOUNT_SID: this.accountSid,
      TWILIO_AUTH_TOKEN: this.authToken,
      TWILIO_API_BASE_URL: this.baseUrl,
      ...('from' in sender
        ? { TWILIO_FROM: sender.from }
        : { TWILIO_MESSAGING_SERVICE_SID: sender.messagingServiceSid }),
    };
  }

  /**
   * Moves a message on (sent, delivered, undelivered, failed…) and, as Twilio does, posts the signed status
   * callback to the StatusCallback it was created with.
   */
  async reportStatus(
    sid: string,
    status: string,
    { errorCode, ...options }: WebhookOptions & { errorCode?: number } = {},
  ): Promise<WebhookReply> {
    const message = this.messages.find((candidate) => candidate.sid === sid);
    if (!message) throw new Error(`no message ${sid}`);
    if (!message.status_callback) throw new Error(`message ${sid} was created without a StatusCallback`);
    message.status = status;
    message.date_updated = rfc2822(new Date());
    if (errorCode !== undefined) message.error_code = errorCode;
    return postStatusCallback(
      message.status_callback,
      this.authToken,
      {
        MessageSid: sid,
        MessageStatus: status,
        ...(errorCode !== undefined && { ErrorCode: String(errorCode) }),
        To: message.to,
        From: message.from ?? TEST_FROM,
        AccountSid: this.accountSid,
        ...(message.messaging_service_sid && { MessagingServiceSid: message.messaging_service_sid }),
      },
      options,
    );
  }

  /**
   * A text from a phone to one of our numbers: applies Twilio's default STOP/START handling (later sends to
   * that phone get 21610, until START) and posts the signed inbound-message webhook to `url`.
   */
  async receiveInbound(
    url: string,
    { From, Body, To = TEST_FROM }: { From: string; Body: string; To?: string },
    options: WebhookOptions = {},
  ): Promise<WebhookReply> {
    const keyword = Body.trim().toUpperCase();
    if (OPT_OUT.has(keyword)) this.unsubscribed.add(From);
    if (OPT_IN.has(keyword)) this.unsubscribed.delete(From);
    return postInboundMessage(
      url,
      this.authToken,
      { From, To, Body, MessageSid: newSid('SM'), AccountSid: this.accountSid },
      options,
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.baseUrl).pathname;
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    const answer = (status: number, json: object, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path, status });
      response
        .writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'twilio-request-id': newSid('RQ'),
          ...headers,
        })
        .end(JSON.stringify(json));
    };
    const fail = (status: number, code: number, message: string, headers?: Record<string, string>) =>
      answer(status, { code, message, more_info: `${TWILIO_ERRORS}/${code}`, status }, headers);

    if (!this.authorized(request.headers.authorization)) {
      return fail(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    const failure = this.failures.shift() ?? (this.flaky || undefined);
    if (failure === 429) return fail(429, 20429, 'Too Many Requests');
    if (failure === 500) return fail(500, 20500, 'Internal Server Error');
    if (failure === 503) return fail(503, 20503, 'Service Unavailable');

    const list = new RegExp(`^/${API_VERSION}/Accounts/(AC[0-9a-f]{32})/Messages\\.json$`).exec(path);
    const one = new RegExp(`^/${API_VERSION}/Accounts/(AC[0-9a-f]{32})/Messages/((?:SM|MM)[0-9a-f]{32})\\.json$`).exec(
      path,
    );
    const accountSid = list?.[1] ?? one?.[1];
    if (!accountSid || accountSid !== this.accountSid || (list && method !== 'POST') || (one && method !== 'GET')) {
      return fail(404, 20404, `The requested resource ${path} was not found`);
    }
    if (one) {
      const message = this.messages.find((candidate) => candidate.sid === one[2]);
      return message
        ? answer(200, publicView(message))
        : fail(404, 20404, `The requested resource ${path} was not found`);
    }

    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return fail(400, 20001, 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(body);
    const to = form.get('To');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    const text = form.get('Body');
    const statusCallback = form.get('StatusCallback');
    if (!to) return fail(400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid) return fail(400, 21603, "A 'From' phone number is required.");
    if (!text) return fail(400, 21602, 'Message body is required.');
    if (!/^\+[1-9]\d{1,14}$/.test(to) || this.invalidNumbers.has(to)) {
      return fail(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    }
    if (this.landlines.has(to)) return fail(400, 21614, `'To' number ${to} is not a valid mobile number`);
    if (this.unsubscribed.has(to)) return fail(400, 21610, 'Attempt to send to unsubscribed recipient');
    if (statusCallback !== null && !URL.canParse(statusCallback)) {
      return fail(400, 21609, 'Invalid StatusCallback url');
    }

    const sid = newSid('SM');
    const now = rfc2822(new Date());
    const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}`;
    const message: FakeTwilioMessage = {
      sid,
      account_sid: accountSid,
      api_version: API_VERSION,
      to,
      from,
      messaging_service_sid: messagingServiceSid,
      body: text,
      // Through a Messaging Service the sender is chosen later: Twilio answers `accepted` without a From.
      status: messagingServiceSid && !from ? 'accepted' : 'queued',
      direction: 'outbound-api',
      num_segments: String(Math.max(1, Math.ceil(text.length / 160))),
      num_media: '0',
      price: null,
      price_unit: 'USD',
      error_code: null,
      error_message: null,
      date_created: now,
      date_updated: now,
      date_sent: null,
      uri: `${uri}.json`,
      subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
      status_callback: statusCallback,
    };
    this.messages.push(message);
    return answer(201, publicView(message));
  }

  private authorized(header: string | undefined): boolean {
    if (!header?.startsWith('Basic ')) return false;
    const [user, ...rest] = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8').split(':');
    return user === this.accountSid && rest.join(':') === this.authToken;
  }
}

/** The status callback Twilio posts to a message's StatusCallback, signed with `authToken`. */
export function postStatusCallback(
  url: string,
  authToken: string,
  params: {
    MessageSid: string;
    MessageStatus: string;
    ErrorCode?: string;
    To: string;
    From: string;
    AccountSid: string;
    MessagingServiceSid?: string;
  },
  options: WebhookOptions = {},
): Promise<WebhookReply> {
  return postSigned(
    url,
    authToken,
    // The legacy names ride along, as in Twilio's real requests.
    { ...params, SmsSid: params.MessageSid, SmsStatus: params.MessageStatus, ApiVersion: API_VERSION },
    options,
  );
}

/** The webhook Twilio posts when a phone texts one of our numbers, signed with `authToken`. */
export function postInboundMessage(
  url: string,
  authToken: string,
  params: { From: string; To: string; Body: string; MessageSid: string; AccountSid: string },
  options: WebhookOptions = {},
): Promise<WebhookReply> {
  return postSigned(
    url,
    authToken,
    {
      ...params,
      SmsMessageSid: params.MessageSid,
      SmsSid: params.MessageSid,
      SmsStatus: 'received',
      NumMedia: '0',
      NumSegments: '1',
      ApiVersion: API_VERSION,
    },
    options,
  );
}

/** X-Twilio-Signature of a request, computed by the SDK exactly as Twilio does. */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

async function postSigned(
  url: string,
  authToken: string,
  params: Record<string, string | undefined>,
  { deliverTo }: WebhookOptions,
): Promise<WebhookReply> {
  const defined = Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = await fetch(deliverTo ?? url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signTwilioRequest(authToken, url, defined),
      'i-twilio-idempotency-token': randomBytes(16).toString('hex'),
      'user-agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(defined).toString(),
  });
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '');
  return { status: response.status, headers: response.headers, body: json && text ? JSON.parse(text) : text };
}

function publicView({
  status_callback: _callback,
  ...message
}: FakeTwilioMessage): Omit<FakeTwilioMessage, 'status_callback'> {
  return message;
}

function newSid(prefix: string): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Twilio's dates: RFC 2822 in UTC, e.g. `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
