import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { renderEmail } from '@ontrack/emails/render';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { SMTPServerEnvelope } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { type RunningMailDev, startMailDev } from '../../../../scripts/lib/maildev.mjs';
import { EmailModule } from '../../src/integrations/email/email.module.js';
import {
  EMAIL_SENDER,
  type EmailSender,
  messageIdFor,
  PermanentEmailError,
} from '../../src/integrations/email/email.port.js';
import { SmtpEmailSender } from '../../src/integrations/email/smtp-email.sender.js';
import { ConfigModule } from '../../src/platform/config/config.module.js';
import { loadConfig } from '../../src/platform/config/load-config.js';
import { startSmtpCapture as startCapture } from '../support/smtp-capture.js';

const tenant = {
  name: 'Evergreen Landscaping',
  branding: { primaryColor: '#0F3659', accentColor: '#9FE870' },
  timeZone: 'America/Chicago',
  currency: 'USD',
};
const link = 'https://app.ontrack.test/auth/magic?token=tok_abc123&next=%2Fjobs';

describe('email over SMTP', () => {
  let capture: Awaited<ReturnType<typeof startCapture>>;
  let sender: SmtpEmailSender;

  beforeAll(async () => {
    capture = await startCapture();
    sender = new SmtpEmailSender(capture.url, 'OnTrack <no-reply@ontrack.local>');
  });
  afterAll(async () => {
    sender.close();
    await capture.close();
  });

  async function lastParsed(): Promise<{ mail: ParsedMail; envelope: SMTPServerEnvelope }> {
    const last = capture.messages.at(-1);
    if (!last) throw new Error('nothing was captured');
    return { mail: await simpleParser(last.raw), envelope: last.envelope };
  }

  it('delivers a rendered magic-link email with both parts, the link and its identity', async () => {
    const rendered = await renderEmail('magic-link', { locale: 'en', tenant, data: { url: link } });
    const sent = await sender.send({
      to: 'Dana Ortiz <dana@customer.test>',
      replyTo: 'office@evergreen.test',
      ...rendered,
      idempotencyKey: 'outbox:0190a3c2-7e41-7000-8000-000000000001',
    });

    const { mail, envelope } = await lastParsed();
    expect(envelope.mailFrom).toMatchObject({ address: 'no-reply@ontrack.local' });
    expect(envelope.rcptTo.map((recipient) => recipient.address)).toEqual(['dana@customer.test']);
    expect(mail.from?.value).toEqual([{ name: 'OnTrack', address: 'no-reply@ontrack.local' }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: 'Dana Ortiz', address: 'dana@customer.test' }]);
    expect(mail.replyTo?.value[0]?.address).toBe('office@evergreen.test');
    expect(mail.subject).toBe('Your sign-in link for Evergreen Landscaping');

    // multipart/alternative: an HTML part and a plain-text part, both carrying the link.
    expect(mail.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(mail.html).toContain('lang="en"');
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('10 minutes');
    expect(mail.text).not.toContain('<');

    const expectedId = messageIdFor('outbox:0190a3c2-7e41-7000-8000-000000000001', 'no-reply@ontrack.local');
    expect(mail.messageId).toBe(expectedId);
    expect(sent.providerMessageId).toBe(expectedId);
    expect(mail.headers.get('x-entity-ref-id')).toBe('outbox:0190a3c2-7e41-7000-8000-000000000001');
  });

  it('gives a resend the same Message-ID and another message a different one', async () => {
    const rendered = await renderEmail('magic-link', { locale: 'es', tenant, data: { url: link } });
    const message = { to: 'sam@customer.test', ...rendered, idempotencyKey: 'outbox:retry-me' };
    const first = await sender.send(message);
    const firstMail = (await lastParsed()).mail;
    const again = await sender.send(message);
    const againMail = (await lastParsed()).mail;
    const other = await sender.send({ ...message, idempotencyKey: 'outbox:another' });

    expect(againMail.messageId).toBe(firstMail.messageId);
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
    expect(firstMail.subject).toBe('Tu enlace para iniciar sesión en Evergreen Landscaping');
    expect(firstMail.html).toContain('lang="es"');
  });

  it('keeps a caller from overriding the identity headers', async () => {
    await sender.send({
      to: 'sam@customer.test',
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
      headers: { 'X-Entity-Ref-ID': 'forged', 'X-OnTrack-Tenant': 'demo' },
      idempotencyKey: 'outbox:headers',
    });
    const { mail } = await lastParsed();
    expect(mail.headers.get('x-entity-ref-id')).toBe('outbox:headers');
    expect(mail.headers.get('x-ontrack-tenant')).toBe('demo');
  });

  it('reports a refused recipient as permanent, so the job stops retrying', async () => {
    const failure = sender.send({
      to: 'nobody@refused.test',
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
      idempotencyKey: 'outbox:refused',
    });
    await expect(failure).rejects.toBeInstanceOf(PermanentEmailError);
    await expect(failure).rejects.toMatchObject({ responseCode: 550 });
  });

  it('refuses an idempotency key that cannot go into a header', async () => {
    await expect(
      sender.send({ to: 'sam@customer.test', subject: 'x', html: 'x', text: 'x', idempotencyKey: 'two\r\nlines' }),
    ).rejects.toThrow(/idempotencyKey/);
  });
});

describe('EmailModule', () => {
  afterEach(() => vi.unstubAllEnvs());

  async function senderFrom(env: Record<string, string>): Promise<{ sender: EmailSender; close(): Promise<void> }> {
    // Set both ways: read from APP_CONFIG once the settings are merged into configSchema, from the env until then.
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const config = loadConfig({ NODE_ENV: 'test', APP_DATABASE_URL: inject('appDatabaseUrl'), ...env });
    @Module({ imports: [ConfigModule.forRoot(config), EmailModule] })
    class TestModule {}
    const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    return { sender: app.get<EmailSender>(EMAIL_SENDER), close: () => app.close() };
  }

  it('provides the SMTP sender when SMTP_URL is set, with EMAIL_FROM as the default From', async () => {
    const capture = await startCapture();
    const { sender, close } = await senderFrom({
      SMTP_URL: capture.url,
      EMAIL_FROM: 'Evergreen <mail@evergreen.test>',
    });
    try {
      expect(sender).toBeInstanceOf(SmtpEmailSender);
      await sender.send({
        to: 'sam@customer.test',
        subject: 'Hi',
        html: '<p>Hi</p>',
        text: 'Hi',
        idempotencyKey: 'k1',
      });
      const mail = await simpleParser(capture.messages[0]?.raw ?? Buffer.alloc(0));
      expect(mail.from?.value).toEqual([{ name: 'Evergreen', address: 'mail@evergreen.test' }]);
      expect(mail.messageId).toBe(messageIdFor('k1', 'mail@evergreen.test'));
    } finally {
      await close();
      await capture.close();
    }
  });

  it('keeps messages in memory without SMTP_URL outside production', async () => {
    vi.stubEnv('SMTP_URL', undefined);
    const { sender, close } = await senderFrom({});
    try {
      expect(sender).not.toBeInstanceOf(SmtpEmailSender);
      const sent = await sender.send({ to: 'a@b.test', subject: 's', html: 'h', text: 't', idempotencyKey: 'k2' });
      expect(sent.providerMessageId).toBe(messageIdFor('k2', 'no-reply@ontrack.local'));
    } finally {
      await close();
    }
  });
});

describe('MailDev, the catcher of npm start', () => {
  let maildev: RunningMailDev;
  beforeAll(async () => {
    maildev = await startMailDev({ smtpPort: 0, webPort: 0 });
  });
  afterAll(() => maildev.stop());

  it('catches what the SMTP adapter sends and shows it in its inbox and REST API', async () => {
    const sender = new SmtpEmailSender(maildev.smtpUrl, 'OnTrack <no-reply@ontrack.local>');
    try {
      const rendered = await renderEmail('magic-link', { locale: 'en', tenant, data: { url: link } });
      await sender.send({ to: 'dana@customer.test', ...rendered, idempotencyKey: 'outbox:maildev' });
    } finally {
      sender.close();
    }
    const response = await fetch(`${maildev.apiUrl}/email`);
    expect(response.status).toBe(200);
    const caught = (await response.json()) as {
      subject: string;
      to: { address: string }[];
      html: string;
      text: string;
      headers: Record<string, string>;
    }[];
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatchObject({
      subject: 'Your sign-in link for Evergreen Landscaping',
      to: [{ address: 'dana@customer.test' }],
      headers: { 'x-entity-ref-id': 'outbox:maildev' },
    });
    expect(caught[0]?.text).toContain(link);
    expect(caught[0]?.html).toContain('lang="en"');
    const inbox = await fetch(maildev.inboxUrl, { headers: { accept: 'text/html' } });
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('<!doctype html>');
  });
});
