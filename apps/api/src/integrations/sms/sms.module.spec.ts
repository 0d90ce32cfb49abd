import { Logger } from '@nestjs/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from '../../platform/config/load-config.js';
import { DisabledSmsSender } from './disabled-sms.sender.js';
import { publicUrlFor, readSmsConfig } from './sms.config.js';
import { createSmsSender } from './sms.module.js';
import { isE164, PermanentSmsError, toE164 } from './sms.port.js';
import { TwilioSmsSender } from './twilio-sms.sender.js';

beforeAll(() => Logger.overrideLogger(false));

const SID = `AC${'a'.repeat(32)}`;
const TOKEN = 'secret-auth-token-0123456789abcdef';
const FROM = '+15005550006';
const SERVICE = `MG${'b'.repeat(32)}`;

function problemsOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was expected to be refused');
}

describe('SMS configuration', () => {
  it('is off with no Twilio variable at all', () => {
    expect(readSmsConfig({})).toEqual({});
  });

  it('accepts a complete configuration, with a From number or a Messaging Service', () => {
    expect(readSmsConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: FROM })).toEqual({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM: FROM,
    });
    expect(
      readSmsConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_MESSAGING_SERVICE_SID: SERVICE }),
    ).toMatchObject({ TWILIO_MESSAGING_SERVICE_SID: SERVICE });
  });

  it('names every missing variable of a partial configuration, without echoing the token', () => {
    const onlyToken = problemsOf(() => readSmsConfig({ TWILIO_AUTH_TOKEN: TOKEN }));
    expect(onlyToken).toMatch(/TWILIO_ACCOUNT_SID is missing: is required when TWILIO_AUTH_TOKEN is set/);
    expect(onlyToken).toMatch(/TWILIO_FROM is missing: \(or TWILIO_MESSAGING_SERVICE_SID\) is required/);
    expect(onlyToken).not.toMatch(/- TWILIO_AUTH_TOKEN is/);
    expect(onlyToken).not.toContain(TOKEN);

    const noToken = problemsOf(() => readSmsConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_FROM: FROM }));
    expect(noToken).toMatch(/TWILIO_AUTH_TOKEN is missing/);
    expect(noToken).not.toMatch(/- TWILIO_ACCOUNT_SID is|- TWILIO_FROM is/);

    // The fake server's URL alone is half a configuration too.
    expect(problemsOf(() => readSmsConfig({ TWILIO_API_BASE_URL: 'http://127.0.0.1:9' }))).toMatch(
      /TWILIO_ACCOUNT_SID is missing[\s\S]*TWILIO_AUTH_TOKEN is missing/,
    );
  });

  it('refuses both a From number and a Messaging Service, and malformed values', () => {
    const complete = { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN };
    expect(
      problemsOf(() => readSmsConfig({ ...complete, TWILIO_FROM: FROM, TWILIO_MESSAGING_SERVICE_SID: SERVICE })),
    ).toMatch(/TWILIO_MESSAGING_SERVICE_SID is invalid: cannot be set together with TWILIO_FROM/);
    expect(problemsOf(() => readSmsConfig({ ...complete, TWILIO_FROM: '555-1234' }))).toMatch(
      /TWILIO_FROM is invalid: must be a phone number in E.164 form/,
    );
    expect(problemsOf(() => readSmsConfig({ ...complete, TWILIO_ACCOUNT_SID: 'SK123', TWILIO_FROM: FROM }))).toMatch(
      /TWILIO_ACCOUNT_SID is invalid: must be AC followed by 32 hex digits/,
    );
  });

  it('keeps PUBLIC_URL to an origin', () => {
    expect(readSmsConfig({ PUBLIC_URL: 'https://app.example.com/' }).PUBLIC_URL).toBe('https://app.example.com');
    expect(problemsOf(() => readSmsConfig({ PUBLIC_URL: 'https://app.example.com/ontrack' }))).toMatch(
      /PUBLIC_URL is invalid: must be an origin only/,
    );
    expect(
      publicUrlFor(readSmsConfig({ PUBLIC_URL: 'https://app.example.com' }), '/api/v1/webhooks/twilio/status'),
    ).toBe('https://app.example.com/api/v1/webhooks/twilio/status');
    expect(publicUrlFor({}, '/api/v1/webhooks/twilio/status')).toBeUndefined();
  });

  it('stops the API at start-up on a partial configuration (loadConfig), but never requires SMS', () => {
    const base = { APP_DATABASE_URL: 'postgres://app@127.0.0.1:5432/ontrack' };
    let refused: unknown;
    try {
      loadConfig({ ...base, TWILIO_ACCOUNT_SID: SID, TWILIO_FROM: FROM });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidConfigError);
    expect((refused as InvalidConfigError).problems).toEqual([
      'TWILIO_AUTH_TOKEN is missing: is required when TWILIO_ACCOUNT_SID, TWILIO_FROM are set (set the Twilio variables together, or none)',
    ]);

    const production = loadConfig({
      ...base,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'x'.repeat(32),
      AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      SMTP_URL: 'smtp://127.0.0.1:1025',
    });
    expect(production.TWILIO_ACCOUNT_SID).toBeUndefined();
    expect(createSmsSender(readSmsConfig(production)).configured).toBe(false);
  });
});

describe('createSmsSender', () => {
  it('uses Twilio when configured and the disabled sender otherwise', async () => {
    expect(
      createSmsSender(readSmsConfig({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_FROM: FROM })),
    ).toBeInstanceOf(TwilioSmsSender);
    const disabled = createSmsSender({});
    expect(disabled).toBeInstanceOf(DisabledSmsSender);
    expect(disabled.configured).toBe(false);
    const error = await disabled.send({ to: FROM, body: 'Hi', idempotencyKey: 'k' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PermanentSmsError);
    expect(error).toMatchObject({ reason: 'not-configured', message: 'SMS is not configured' });
  });
});

describe('phone numbers', () => {
  it('recognises E.164 and brings international forms to it', () => {
    expect(isE164('+15551234567')).toBe(true);
    expect(isE164('15551234567')).toBe(false);
    expect(isE164('+05551234567')).toBe(false);
    expect(isE164('+1234567890123456')).toBe(false);
    expect(toE164(' +1 (555) 123-4567 ')).toBe('+15551234567');
    expect(toE164('0044 20 7946 0958')).toBe('+442079460958');
    expect(toE164('+44.20.7946.0958')).toBe('+442079460958');
    expect(toE164('(555) 123-4567')).toBeUndefined();
    expect(toE164('+1 555 CALL NOW')).toBeUndefined();
  });
});
