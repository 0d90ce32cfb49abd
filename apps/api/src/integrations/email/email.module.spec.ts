import { Logger } from '@nestjs/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEmailConfig } from './email.config.js';
import { createEmailSender } from './email.module.js';
import { messageIdFor } from './email.port.js';
import { LogEmailSender } from './log-email.sender.js';
import { SmtpEmailSender } from './smtp-email.sender.js';

// The senders log through Nest's static logger; keep the test output to the test results.
beforeAll(() => Logger.overrideLogger(false));

describe('email configuration', () => {
  it('defaults EMAIL_FROM and leaves SMTP_URL unset', () => {
    expect(readEmailConfig({})).toEqual({ EMAIL_FROM: 'OnTrack <no-reply@ontrack.local>' });
  });

  it('names a wrong variable without echoing its value', () => {
    expect(() => readEmailConfig({ SMTP_URL: 'http://user:secret@relay' })).toThrow(/SMTP_URL is invalid/);
    expect(() => readEmailConfig({ SMTP_URL: 'http://user:secret@relay' })).not.toThrow(/secret/);
    expect(() => readEmailConfig({ EMAIL_FROM: 'not an address' })).toThrow(/EMAIL_FROM/);
    expect(readEmailConfig({ EMAIL_FROM: 'ops@evergreen.test' }).EMAIL_FROM).toBe('ops@evergreen.test');
  });

  it('chooses SMTP when configured, the in-memory sender otherwise, and nothing silent in production', () => {
    const smtp = createEmailSender(readEmailConfig({ SMTP_URL: 'smtp://127.0.0.1:1025' }), 'production');
    expect(smtp).toBeInstanceOf(SmtpEmailSender);
    (smtp as SmtpEmailSender).close();
    expect(createEmailSender(readEmailConfig({}), 'development')).toBeInstanceOf(LogEmailSender);
    expect(() => createEmailSender(readEmailConfig({}), 'production')).toThrow(/SMTP_URL is required/);
  });
});

describe('LogEmailSender', () => {
  it('keeps what it was asked to send, with the Message-ID an SMTP relay would have got', async () => {
    const sender = new LogEmailSender('OnTrack <no-reply@ontrack.local>');
    const sent = await sender.send({
      to: 'a@b.test',
      subject: 'Hi',
      html: '<p>Hi</p>',
      text: 'Hi',
      idempotencyKey: 'k',
    });
    expect(sent.providerMessageId).toBe(messageIdFor('k', 'OnTrack <no-reply@ontrack.local>'));
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({ to: 'a@b.test', from: 'OnTrack <no-reply@ontrack.local>', text: 'Hi' });
  });
});

describe('messageIdFor', () => {
  it('is stable per key, differs between keys and uses the sender domain', () => {
    const id = messageIdFor('outbox:1', 'OnTrack <no-reply@ontrack.local>');
    expect(id).toMatch(/^<[0-9a-f]{32}@ontrack\.local>$/);
    expect(messageIdFor('outbox:1', 'no-reply@ontrack.local')).toBe(id);
    expect(messageIdFor('outbox:2', 'no-reply@ontrack.local')).not.toBe(id);
  });
});
