import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  postInboundMessage,
  postStatusCallback,
  signTwilioRequest,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  TEST_FROM,
} from '../../../test/support/fake-twilio.js';
import { readSmsConfig } from './sms.config.js';
import { TwilioWebhookVerifier } from './twilio-webhook.verifier.js';

const configured = readSmsConfig({
  TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
  TWILIO_FROM: TEST_FROM,
  PUBLIC_URL: 'https://app.example.com',
});
const verifier = new TwilioWebhookVerifier(configured);

const URL_SIGNED = 'https://app.example.com/api/v1/webhooks/twilio/status?tenant=7c1e';
const PARAMS = {
  MessageSid: `SM${'1'.repeat(32)}`,
  MessageStatus: 'delivered',
  To: '+15005550009',
  From: TEST_FROM,
  AccountSid: TEST_ACCOUNT_SID,
};

interface Captured {
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
}

/** Receives one webhook as our API would (a form body, every value a string) and answers 200. */
async function captureOne(send: (url: string) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured = {
        url: request.url ?? '',
        headers: request.headers,
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      };
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
  if (!captured) throw new Error('no webhook arrived');
  return captured;
}

describe('TwilioWebhookVerifier', () => {
  const signature = signTwilioRequest(TEST_AUTH_TOKEN, URL_SIGNED, PARAMS);

  it('accepts the signature Twilio would send', () => {
    expect(verifier.configured).toBe(true);
    expect(verifier.verify({ url: URL_SIGNED, params: PARAMS, signature })).toBe(true);
    // Twilio may sign the URL with or without the default port; the SDK accepts both.
    expect(
      verifier.verify({
        url: 'https://app.example.com:443/api/v1/webhooks/twilio/status?tenant=7c1e',
        params: PARAMS,
        signature,
      }),
    ).toBe(true);
  });

  it('refuses a tampered parameter, an added one, another URL, another token and a missing signature', () => {
    expect(verifier.verify({ url: URL_SIGNED, params: { ...PARAMS, MessageStatus: 'failed' }, signature })).toBe(false);
    expect(verifier.verify({ url: URL_SIGNED, params: { ...PARAMS, ErrorCode: '30007' }, signature })).toBe(false);
    expect(verifier.verify({ url: URL_SIGNED.replace('tenant=7c1e', 'tenant=9f00'), params: PARAMS, signature })).toBe(
      false,
    );
    expect(verifier.verify({ url: URL_SIGNED.replace('https:', 'http:'), params: PARAMS, signature })).toBe(false);
    expect(
      verifier.verify({
        url: 'https://evil.example/api/v1/webhooks/twilio/status?tenant=7c1e',
        params: PARAMS,
        signature,
      }),
    ).toBe(false);
    const forged = signTwilioRequest('ffffffffffffffffffffffffffffffff', URL_SIGNED, PARAMS);
    expect(verifier.verify({ url: URL_SIGNED, params: PARAMS, signature: forged })).toBe(false);
    expect(verifier.verify({ url: URL_SIGNED, params: PARAMS, signature: undefined })).toBe(false);
    expect(verifier.verify({ url: URL_SIGNED, params: PARAMS, signature: '' })).toBe(false);
    expect(verifier.verify({ url: 'not a url', params: PARAMS, signature })).toBe(false);
  });

  it('verifies nothing when Twilio is not configured', () => {
    const off = new TwilioWebhookVerifier(readSmsConfig({}));
    expect(off.configured).toBe(false);
    expect(off.verify({ url: URL_SIGNED, params: PARAMS, signature })).toBe(false);
  });

  it('accepts the status callback and inbound message the fake Twilio signs, as received over HTTP', async () => {
    const status = await captureOne((origin) =>
      postStatusCallback(`${origin}/api/v1/webhooks/twilio/status?tenant=7c1e`, TEST_AUTH_TOKEN, {
        ...PARAMS,
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
      }),
    );
    expect(status.params).toMatchObject({ MessageStatus: 'undelivered', ErrorCode: '30003', SmsStatus: 'undelivered' });
    const statusUrl = `http://${status.headers.host}${status.url}`;
    const statusSignature = status.headers['x-twilio-signature'] as string;
    expect(verifier.verify({ url: statusUrl, params: status.params, signature: statusSignature })).toBe(true);
    expect(
      verifier.verify({ url: statusUrl, params: { ...status.params, ErrorCode: '30007' }, signature: statusSignature }),
    ).toBe(false);

    const inbound = await captureOne((origin) =>
      postInboundMessage(`${origin}/api/v1/webhooks/twilio/inbound`, TEST_AUTH_TOKEN, {
        From: '+15005550009',
        To: TEST_FROM,
        Body: 'STOP please & thanks 👋 +1',
        MessageSid: `SM${'2'.repeat(32)}`,
        AccountSid: TEST_ACCOUNT_SID,
      }),
    );
    expect(inbound.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(inbound.params.Body).toBe('STOP please & thanks 👋 +1');
    expect(
      verifier.verify({
        url: `http://${inbound.headers.host}${inbound.url}`,
        params: inbound.params,
        signature: inbound.headers['x-twilio-signature'] as string,
      }),
    ).toBe(true);
  });

  it('signs the public URL when asked to deliver elsewhere (a proxy in front of the API)', async () => {
    const received = await captureOne((origin) =>
      postStatusCallback(URL_SIGNED, TEST_AUTH_TOKEN, PARAMS, {
        deliverTo: `${origin}/api/v1/webhooks/twilio/status?tenant=7c1e`,
      }),
    );
    const signatureSeen = received.headers['x-twilio-signature'] as string;
    const asReceived = { originalUrl: received.url, protocol: 'http', host: received.headers.host ?? '' };
    // The URL the API saw does not verify; the one rebuilt from PUBLIC_URL does.
    expect(
      verifier.verify({
        url: `http://${asReceived.host}${asReceived.originalUrl}`,
        params: received.params,
        signature: signatureSeen,
      }),
    ).toBe(false);
    expect(verifier.urlFor(asReceived)).toBe(URL_SIGNED);
    expect(
      verifier.verify({ url: verifier.urlFor(asReceived), params: received.params, signature: signatureSeen }),
    ).toBe(true);
  });

  it('rebuilds the URL from PUBLIC_URL, or from the request without it', () => {
    const request = {
      originalUrl: '/api/v1/webhooks/twilio/status?tenant=7c1e&x=%27a%27',
      protocol: 'http',
      host: '127.0.0.1:4000',
    };
    expect(verifier.urlFor(request)).toBe(
      'https://app.example.com/api/v1/webhooks/twilio/status?tenant=7c1e&x=%27a%27',
    );
    const direct = new TwilioWebhookVerifier(readSmsConfig({}));
    expect(direct.urlFor({ ...request, protocol: 'https', host: 'hooks.example.com' })).toBe(
      'https://hooks.example.com/api/v1/webhooks/twilio/status?tenant=7c1e&x=%27a%27',
    );
  });
});
