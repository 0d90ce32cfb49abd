import { Body, Controller, HttpCode, Module, Post, UseGuards } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrlFor, SMS_CONFIG, type SmsConfig } from '../../src/integrations/sms/sms.config.js';
import { PermanentSmsError, SMS_SENDER, type SmsSender } from '../../src/integrations/sms/sms.port.js';
import { TwilioSignatureGuard } from '../../src/integrations/sms/twilio-signature.guard.js';
import { Public } from '../../src/platform/auth/public.decorator.js';
import { FakeTwilio, signTwilioRequest, TEST_FROM } from '../support/fake-twilio.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * TwilioSignatureGuard on the real stack (Fastify's form parser, the global guards, the problem filter): a fixture
 * route shaped like the webhook routes — @Public() and guarded by the signature alone — echoes what it received.
 */
@Controller('test-twilio')
class TwilioFixtureController {
  @Public()
  @UseGuards(TwilioSignatureGuard)
  @Post('status')
  @HttpCode(200)
  status(@Body() params: Record<string, unknown>) {
    return { received: params };
  }
}

@Module({ controllers: [TwilioFixtureController] })
class TwilioFixtureModule {}

const PUBLIC_URL = 'https://app.example.com';
const ROUTE = '/api/v1/test-twilio/status';
const PHONE = '+15005550009';

/** A webhook-like POST made by hand, to send what Twilio would not. */
async function post(
  url: string,
  {
    body,
    signature,
    contentType = 'application/x-www-form-urlencoded',
  }: { body: string; signature?: string; contentType?: string },
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(signature !== undefined && { 'x-twilio-signature': signature }) },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

describe('Twilio webhooks over HTTP', () => {
  let fake: FakeTwilio;
  let behindProxy: RunningApi;
  let direct: RunningApi;
  let withoutTwilio: RunningApi;

  beforeAll(async () => {
    fake = await FakeTwilio.start();
    [behindProxy, direct, withoutTwilio] = await Promise.all([
      startApi({ ...fake.env(), PUBLIC_URL }, undefined, [TwilioFixtureModule]),
      startApi(fake.env(), undefined, [TwilioFixtureModule]),
      startApi({}, undefined, [TwilioFixtureModule]),
    ]);
  });
  afterAll(async () => {
    await Promise.all([behindProxy?.close(), direct?.close(), withoutTwilio?.close()]);
    await fake?.close();
  });

  it('sends through the fake Twilio and accepts its signed status callback on the PUBLIC_URL it was given', async () => {
    const app = behindProxy.app;
    const statusCallbackUrl = publicUrlFor(app.get<SmsConfig>(SMS_CONFIG), `${ROUTE}?tenant=t1`);
    expect(statusCallbackUrl).toBe(`${PUBLIC_URL}${ROUTE}?tenant=t1`);
    const sent = await app.get<SmsSender>(SMS_SENDER).send({
      to: PHONE,
      body: 'Crew on the way',
      statusCallbackUrl,
      idempotencyKey: 'e2e:status',
    });

    const reply = await fake.reportStatus(sent.providerMessageId, 'undelivered', {
      errorCode: 30003,
      // Twilio calls the public address; the proxy hands the request to the API on 127.0.0.1.
      deliverTo: `${behindProxy.baseUrl}${ROUTE}?tenant=t1`,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      received: {
        MessageSid: sent.providerMessageId,
        SmsSid: sent.providerMessageId,
        MessageStatus: 'undelivered',
        SmsStatus: 'undelivered',
        ErrorCode: '30003',
        To: PHONE,
        From: TEST_FROM,
        AccountSid: fake.accountSid,
        ApiVersion: '2010-04-01',
      },
    });
  });

  it('accepts a signed inbound STOP, after which Twilio refuses to text that phone (21610)', async () => {
    const reply = await fake.receiveInbound(
      `${PUBLIC_URL}${ROUTE}`,
      { From: PHONE, Body: 'Stop' },
      { deliverTo: `${behindProxy.baseUrl}${ROUTE}` },
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: { From: PHONE, To: TEST_FROM, Body: 'Stop', SmsStatus: 'received' } });

    const refused = await behindProxy.app
      .get<SmsSender>(SMS_SENDER)
      .send({ to: PHONE, body: 'Reminder', idempotencyKey: 'e2e:after-stop' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermanentSmsError);
    expect(refused).toMatchObject({ code: 21610, reason: 'opted-out' });

    await fake.receiveInbound(
      `${PUBLIC_URL}${ROUTE}`,
      { From: PHONE, Body: 'START' },
      { deliverTo: `${behindProxy.baseUrl}${ROUTE}` },
    );
    await expect(
      behindProxy.app
        .get<SmsSender>(SMS_SENDER)
        .send({ to: PHONE, body: 'Reminder', idempotencyKey: 'e2e:after-start' }),
    ).resolves.toMatchObject({ status: 'queued' });
  });

  it('passes the form values through as Twilio sent them', async () => {
    const params = { Body: 'Hi & welcome: 50% off + free 👋', From: PHONE, Empty: '' };
    const url = `${PUBLIC_URL}${ROUTE}?tenant=t1&note=a%20b`;
    const reply = await post(`${behindProxy.baseUrl}${ROUTE}?tenant=t1&note=a%20b`, {
      body: new URLSearchParams(params).toString(),
      signature: signTwilioRequest(fake.authToken, url, params),
    });
    expect(reply).toMatchObject({ status: 200, body: { received: params } });
  });

  describe('refuses with 403 problem+json', () => {
    const params = { MessageSid: `SM${'3'.repeat(32)}`, MessageStatus: 'delivered' };
    const body = new URLSearchParams(params).toString();
    const signedUrl = `${PUBLIC_URL}${ROUTE}`;

    it.each([
      ['no signature', () => ({ body })],
      ['a tampered parameter', () => ({ body: body.replace('delivered', 'failed'), signature: sign(signedUrl) })],
      ['an added parameter', () => ({ body: `${body}&ErrorCode=30007`, signature: sign(signedUrl) })],
      [
        'another URL (the one the API sees, not PUBLIC_URL)',
        () => ({ body, signature: sign(`${behindProxy.baseUrl}${ROUTE}`) }),
      ],
      ['another query', () => ({ body, signature: sign(`${signedUrl}?tenant=other`) })],
      ['another token', () => ({ body, signature: signTwilioRequest('f'.repeat(32), signedUrl, params) })],
      [
        'a JSON body',
        () => ({ body: JSON.stringify(params), signature: sign(signedUrl), contentType: 'application/json' }),
      ],
    ])('%s', async (_case, request) => {
      const reply = await post(`${behindProxy.baseUrl}${ROUTE}`, request());
      expect(reply.status).toBe(403);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({ status: 403, detail: 'invalid Twilio signature', instance: ROUTE });
    });

    function sign(url: string): string {
      return signTwilioRequest(fake.authToken, url, params);
    }

    it('while the same request, correctly signed, passes', async () => {
      const reply = await post(`${behindProxy.baseUrl}${ROUTE}`, { body, signature: sign(signedUrl) });
      expect(reply.status).toBe(200);
    });
  });

  it('without PUBLIC_URL, verifies against the URL the request came to', async () => {
    const params = { MessageSid: `SM${'4'.repeat(32)}`, MessageStatus: 'sent' };
    const body = new URLSearchParams(params).toString();
    const url = `${direct.baseUrl}${ROUTE}`;
    expect((await post(url, { body, signature: signTwilioRequest(fake.authToken, url, params) })).status).toBe(200);
    const publicSignature = signTwilioRequest(fake.authToken, `${PUBLIC_URL}${ROUTE}`, params);
    expect((await post(url, { body, signature: publicSignature })).status).toBe(403);
  });

  it('answers 404 when Twilio is not configured, whatever the signature', async () => {
    const params = { MessageSid: `SM${'5'.repeat(32)}`, MessageStatus: 'sent' };
    const url = `${withoutTwilio.baseUrl}${ROUTE}`;
    const reply = await post(url, {
      body: new URLSearchParams(params).toString(),
      signature: signTwilioRequest(fake.authToken, url, params),
    });
    expect(reply.status).toBe(404);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 404, detail: 'Twilio webhooks are not enabled on this server.' });
  });
});
