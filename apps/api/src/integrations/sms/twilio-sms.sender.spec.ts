import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeTwilio, TEST_FROM } from '../../../test/support/fake-twilio.js';
import { readSmsConfig } from './sms.config.js';
import { PermanentSmsError } from './sms.port.js';
import { TwilioSmsSender } from './twilio-sms.sender.js';

// The sender logs through Nest's static logger; keep the test output to the test results.
beforeAll(() => Logger.overrideLogger(false));

const MOBILE = '+15005550009';
const SERVICE_SID = `MG${'9'.repeat(32)}`;

/** The real SDK, configured exactly as the API configures it, against the fake server. */
function senderFor(fake: FakeTwilio, env: Record<string, string> = fake.env()): TwilioSmsSender {
  return TwilioSmsSender.fromConfig(readSmsConfig(env));
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('the send was expected to fail');
  return outcome;
}

describe('TwilioSmsSender against the fake Twilio API', () => {
  let fake: FakeTwilio;

  beforeAll(async () => {
    fake = await FakeTwilio.start();
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.flaky = false;
  });

  it('sends To, From, Body and StatusCallback with the account credentials, and returns Twilio’s sid', async () => {
    const sent = await senderFor(fake).send({
      to: MOBILE,
      body: 'Your crew arrives tomorrow 8–10 am & brings the tiles (+2 boxes).',
      statusCallbackUrl: 'https://app.example.com/api/v1/webhooks/twilio/status?tenant=t1',
      idempotencyKey: 'outbox:sms-1',
    });

    const message = fake.messages.at(-1);
    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      sid: sent.providerMessageId,
      to: MOBILE,
      from: TEST_FROM,
      messaging_service_sid: null,
      body: 'Your crew arrives tomorrow 8–10 am & brings the tiles (+2 boxes).',
      status_callback: 'https://app.example.com/api/v1/webhooks/twilio/status?tenant=t1',
      account_sid: fake.accountSid,
    });
    expect(sent.status).toBe('queued');
    // The SDK's GET reads back what the POST created: the fake keeps what it accepted.
    const fetched = await fetch(`${fake.baseUrl}${message?.uri}`, {
      headers: { authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}` },
    });
    expect(await fetched.json()).toMatchObject({ sid: sent.providerMessageId, status: 'queued' });
  });

  it('sends through a Messaging Service instead of a From number when configured so', async () => {
    const sender = senderFor(fake, fake.env({ messagingServiceSid: SERVICE_SID }));
    const sent = await sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: 'outbox:sms-2' });
    expect(sent.status).toBe('accepted');
    expect(fake.messages.at(-1)).toMatchObject({
      from: null,
      messaging_service_sid: SERVICE_SID,
      status_callback: null,
    });
  });

  it('is refused with wrong credentials, permanently, and sends nothing', async () => {
    const before = fake.messages.length;
    const sender = senderFor(fake, { ...fake.env(), TWILIO_AUTH_TOKEN: '00000000000000000000000000000000' });
    const error = await failureOf(sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: 'outbox:sms-3' }));
    expect(error).toBeInstanceOf(PermanentSmsError);
    expect(error).toMatchObject({ reason: 'rejected', code: 20003 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', status: 401 });
    expect(fake.messages).toHaveLength(before);
  });

  it.each([
    ['invalidNumbers', '+15005550001', 21211, 'invalid-recipient'],
    ['unsubscribed', '+15005550002', 21610, 'opted-out'],
    ['landlines', '+15005550003', 21614, 'invalid-recipient'],
  ] as const)('turns Twilio’s 400 for %s into a PermanentSmsError with code %i', async (list, to, code, reason) => {
    fake[list].add(to);
    const error = await failureOf(senderFor(fake).send({ to, body: 'Hi', idempotencyKey: `outbox:${code}` }));
    expect(error).toBeInstanceOf(PermanentSmsError);
    expect(error).toMatchObject({ code, reason });
    expect(error.message).toContain(String(code));
    expect(fake.messages.some((message) => message.to === to)).toBe(false);
  });

  it('refuses a number that is not E.164 without calling Twilio', async () => {
    const requests = fake.requests.length;
    const error = await failureOf(
      senderFor(fake).send({ to: '(555) 123-4567', body: 'Hi', idempotencyKey: 'outbox:national' }),
    );
    expect(error).toMatchObject({ name: 'PermanentSmsError', reason: 'invalid-recipient' });
    expect(fake.requests).toHaveLength(requests);
  });

  it.each([503, 500, 429] as const)('treats HTTP %i as transient: a retry can succeed', async (status) => {
    const sender = senderFor(fake);
    fake.failNext(status);
    const error = await failureOf(sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: `outbox:${status}` }));
    expect(error).not.toBeInstanceOf(PermanentSmsError);
    expect(error.message).toContain(`HTTP ${status}`);
    await expect(sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: `outbox:${status}` })).resolves.toMatchObject({
      status: 'queued',
    });
  });

  it('keeps failing transiently while Twilio is down', async () => {
    fake.flaky = 503;
    const sender = senderFor(fake);
    for (const attempt of [1, 2]) {
      const error = await failureOf(sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: `outbox:down-${attempt}` }));
      expect(error).not.toBeInstanceOf(PermanentSmsError);
    }
  });

  it('treats an unreachable Twilio as transient, without the credentials in the error', async () => {
    const gone = await FakeTwilio.start();
    const sender = senderFor(gone);
    await gone.close();
    const error = await failureOf(sender.send({ to: MOBILE, body: 'Hi', idempotencyKey: 'outbox:unreachable' }));
    expect(error).not.toBeInstanceOf(PermanentSmsError);
    expect(error.message).toMatch(/^Twilio could not be reached: .*ECONNREFUSED/);
    // The SDK's own error carries the Authorization header; it must not travel on as the cause.
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(gone.authToken);
  });

  it('checks the idempotency key like the email port', async () => {
    await expect(senderFor(fake).send({ to: MOBILE, body: 'Hi', idempotencyKey: 'has space' })).rejects.toThrow(
      TypeError,
    );
  });
});
