import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { MessagePage, MessageView, SmsConsentState } from '@ontrack/schemas/messaging';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeTwilio, postInboundMessage, postStatusCallback, TEST_FROM } from '../support/fake-twilio.js';
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { callApi, type RunningApi, startApi } from './start-api.js';

/**
 * The notification service end to end: the API over HTTP with its in-process workers, email through a real
 * SMTP server (smtp-server), SMS through the official Twilio SDK pointed at a local Twilio (FakeTwilio), and
 * Twilio's signed webhooks coming back. Contacts are written as the owner (the contacts API is a later issue).
 */
const PUBLIC_URL = 'https://ontrack.example.com';
const CONSENT_TEXT = 'I agree to receive appointment reminders by text. Reply STOP to opt out.';

let api: RunningApi;
let smtp: SmtpCapture;
let twilio: FakeTwilio;
let owner: DatabaseHandle;
let acme: TestTenant<'admin' | 'office' | 'crew'>;
let rival: TestTenant<'admin'>;

const reminder = {
  template: 'reminder',
  kind: 'visit',
  title: 'Spring clean-up',
  windowStart: '2026-12-01T15:00:00Z',
  windowEnd: '2026-12-01T17:00:00Z',
  address: '12 Oak St, Austin TX',
};

interface ContactInput {
  email?: string;
  phone?: string;
  preferredChannel?: 'email' | 'sms';
  locale?: string;
}

async function createContact(tenantId: string, input: ContactInput): Promise<string> {
  const id = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    await tx.execute(sql`
      insert into contacts (tenant_id, id, display_name, email, phone, preferred_channel, locale)
      values (${tenantId}, ${id}, 'Dana Whitfield', ${input.email ?? null}, ${input.phone ?? null},
              ${input.preferredChannel ?? 'email'}, ${input.locale ?? null})`);
  });
  return id;
}

/** A number of its own for each test: the fake's STOP list and the inbound lookups stay apart. */
function freshPhone(): string {
  return `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
}

function as(user: string, tenant: string) {
  return {
    get: <T>(path: string) => callApi<T>(api, path, { user, tenant }),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      headers
        ? postWithHeaders<T>(path, user, tenant, body, headers)
        : callApi<T>(api, path, { user, tenant, method: 'POST', body }),
  };
}

async function postWithHeaders<T>(
  path: string,
  user: string,
  tenant: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: T }> {
  const { AccessTokens } = await import('../../src/platform/auth/access-token.js');
  const token = await api.app.get(AccessTokens).sign({ sub: user });
  const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-tenant-id': tenant,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function recordConsent(contactId: string, status: 'opted_in' | 'opted_out' = 'opted_in') {
  const reply = await as(acme.users.office, acme.id).post<SmsConsentState>(`/contacts/${contactId}/sms-consent`, {
    status,
    method: 'web_form',
    textShown: CONSENT_TEXT,
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function sendReminder(contactId: string, extra: Record<string, unknown> = {}): Promise<MessageView> {
  const reply = await as(acme.users.office, acme.id).post<MessageView>(`/contacts/${contactId}/messages`, {
    ...reminder,
    ...extra,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(202);
  return reply.body;
}

async function messagesOf(contactId: string): Promise<MessageView[]> {
  const reply = await as(acme.users.admin, acme.id).get<MessagePage>(`/contacts/${contactId}/messages`);
  expect(reply.status).toBe(200);
  return reply.body.items;
}

/** Polls the delivery log until `done` holds (the workers run after the request's commit). */
async function eventually(contactId: string, done: (items: MessageView[]) => boolean): Promise<MessageView[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const items = await messagesOf(contactId);
    if (done(items)) return items;
    if (Date.now() > deadline) throw new Error(`delivery log never settled: ${JSON.stringify(items, null, 2)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Where a webhook signed for the public URL really goes: this test's API. */
const local = (publicUrl: string | null | undefined) => (publicUrl ?? '').replace(PUBLIC_URL, api.baseUrl);

const settled = (items: MessageView[]) =>
  items.length > 0 && items.every((m) => !['queued', 'sending'].includes(m.status));
const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);
const mailTo = (address: string) => smtp.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address));

beforeAll(async () => {
  owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2 });
  [smtp, twilio] = await Promise.all([startSmtpCapture(), FakeTwilio.start()]);
  acme = await createTestTenant(inject('ownerDatabaseUrl'), {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
    crew: { roles: ['crew'] },
  });
  rival = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
  api = await startApi({
    ...twilio.env(),
    SMTP_URL: smtp.url,
    PUBLIC_URL,
    RUN_WORKERS: 'true',
    // Other test files share this database: this API works only its own kind of job.
    OUTBOX_JOBS: 'notifications.deliver',
    // …and only its own businesses' (public-requests.e2e.spec.ts delivers too, to an SMTP server of its own).
    OUTBOX_TENANTS: `${acme.id},${rival.id}`,
    OUTBOX_POLL_MS: '20',
    OUTBOX_BACKOFF_MS: '20',
  });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([smtp?.close(), twilio?.close(), owner?.close()]);
});

describe('notifications: channel by preference and consent, one delivery log per contact', () => {
  it('emails a contact who prefers email, through real SMTP, and logs queued → sent', async () => {
    const address = `dana-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address });
    const queued = await sendReminder(contact);
    expect(queued).toMatchObject({ channel: 'email', recipient: address, status: 'queued', contactId: contact });

    const [message] = await eventually(contact, settled);
    expect(message).toMatchObject({ id: queued.id, status: 'sent', provider: 'email', attempts: 1 });
    expect(message?.summary).toContain('Reminder');
    expect(message?.events.map((e) => e.status)).toEqual(['queued', 'sent']);
    const [mail] = mailTo(address);
    expect(mailTo(address)).toHaveLength(1);
    const parsed = await simpleParser(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(message?.summary);
    expect(parsed.text).toContain('12 Oak St');
    expect(parsed.messageId).toBe(message?.providerMessageId);
  });

  it('texts a contact who prefers SMS and opted in, then records Twilio’s signed delivery report', async () => {
    const phone = freshPhone();
    const contact = await createContact(acme.id, { email: `t-${newId()}@example.com`, phone, preferredChannel: 'sms' });
    const consent = await recordConsent(contact);
    expect(consent).toMatchObject({
      status: 'opted_in',
      phone,
      current: { method: 'web_form', textShown: CONSENT_TEXT },
    });

    const queued = await sendReminder(contact);
    expect(queued).toMatchObject({ channel: 'sms', recipient: phone });
    const [sent] = await eventually(contact, settled);
    expect(sent).toMatchObject({ status: 'sent', provider: 'twilio' });
    const [sms] = smsTo(phone);
    expect(smsTo(phone)).toHaveLength(1);
    expect(sms?.sid).toBe(sent?.providerMessageId);
    expect(sms?.from).toBe(TEST_FROM);
    expect(sms?.body).toMatch(/^RBAC Test Co: reminder of your visit \(Spring clean-up\)/);
    expect(sms?.status_callback).toBe(`${PUBLIC_URL}/api/v1/webhooks/twilio/status/${acme.id}/${sent?.id}`);

    const reply = await twilio.reportStatus(sms?.sid ?? '', 'delivered', { deliverTo: local(sms?.status_callback) });
    expect(reply.status).toBe(204);
    // A late "sent" after "delivered" is recorded but does not move the message back.
    await twilio.reportStatus(sms?.sid ?? '', 'sent', { deliverTo: local(sms?.status_callback) });
    const [delivered] = await messagesOf(contact);
    expect(delivered).toMatchObject({ status: 'delivered' });
    expect(delivered?.deliveredAt).not.toBeNull();
    expect(delivered?.events.map((e) => [e.status, e.providerStatus])).toEqual([
      ['queued', null],
      ['sent', 'queued'],
      ['delivered', 'delivered'],
      ['delivered', 'sent'],
    ]);
  });

  it('falls back to email, and says why, when an SMS-preferring contact has no consent', async () => {
    const phone = freshPhone();
    const address = `noconsent-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address, phone, preferredChannel: 'sms' });
    const queued = await sendReminder(contact);
    expect(queued).toMatchObject({ channel: 'email', recipient: address });
    expect(queued.events[0]?.detail).toBe('SMS not possible: no SMS consent recorded for this number');
    await eventually(contact, settled);
    expect(smsTo(phone)).toHaveLength(0);
    expect(mailTo(address)).toHaveLength(1);
  });

  it('falls back to email once when Twilio refuses the number (21610, opted out at the carrier)', async () => {
    const phone = freshPhone();
    const address = `refused-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address, phone, preferredChannel: 'sms' });
    await recordConsent(contact);
    twilio.unsubscribed.add(phone);
    const queued = await sendReminder(contact);

    const items = await eventually(contact, (list) => list.length === 2 && settled(list));
    const sms = items.find((m) => m.channel === 'sms');
    const email = items.find((m) => m.channel === 'email');
    expect(sms).toMatchObject({ id: queued.id, status: 'failed', errorCode: '21610', attempts: 1 });
    expect(email).toMatchObject({ status: 'sent', fallbackForId: queued.id, recipient: address });
    expect(mailTo(address)).toHaveLength(1);
    expect(twilio.requests.filter((r) => r.status === 400).length).toBeGreaterThan(0);
  });

  it('falls back to email when Twilio reports the SMS undelivered', async () => {
    const phone = freshPhone();
    const address = `undelivered-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address, phone, preferredChannel: 'sms' });
    await recordConsent(contact);
    const queued = await sendReminder(contact);
    await eventually(contact, settled);
    const [sms] = smsTo(phone);
    expect(
      (
        await twilio.reportStatus(sms?.sid ?? '', 'undelivered', {
          errorCode: 30003,
          deliverTo: local(sms?.status_callback),
        })
      ).status,
    ).toBe(204);
    // Twilio retries callbacks: the same report again must not make a second fallback.
    await twilio.reportStatus(sms?.sid ?? '', 'undelivered', {
      errorCode: 30003,
      deliverTo: local(sms?.status_callback),
    });
    const items = await eventually(contact, (list) => list.length === 2 && settled(list));
    expect(items.find((m) => m.id === queued.id)).toMatchObject({ status: 'failed', errorCode: '30003' });
    expect(items.find((m) => m.channel === 'email')).toMatchObject({ status: 'sent', fallbackForId: queued.id });
    expect(mailTo(address)).toHaveLength(1);
  });

  it('retries a transient failure with backoff and still sends exactly once', async () => {
    const phone = freshPhone();
    const contact = await createContact(acme.id, { phone, preferredChannel: 'sms' });
    await recordConsent(contact);
    twilio.failNext(503, 2);
    await sendReminder(contact);
    const [message] = await eventually(contact, settled);
    expect(message).toMatchObject({ status: 'sent', attempts: 3 });
    expect(message?.events.map((e) => e.status)).toEqual(['queued', 'queued', 'queued', 'sent']);
    expect(smsTo(phone)).toHaveLength(1);

    const address = `deferred-${newId()}@example.com`;
    const mailContact = await createContact(acme.id, { email: address });
    smtp.deferNext(1);
    await sendReminder(mailContact);
    const [mail] = await eventually(mailContact, settled);
    expect(mail).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailTo(address)).toHaveLength(1);
  });

  it('sends nothing twice: an Idempotency-Key repeat returns the first message', async () => {
    const address = `idem-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address });
    const key = newId();
    const office = as(acme.users.office, acme.id);
    const first = await office.post<MessageView>(`/contacts/${contact}/messages`, reminder, { 'Idempotency-Key': key });
    const again = await office.post<MessageView>(`/contacts/${contact}/messages`, reminder, { 'Idempotency-Key': key });
    expect(first.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    await eventually(contact, settled);
    expect(await messagesOf(contact)).toHaveLength(1);
    expect(mailTo(address)).toHaveLength(1);
  });

  it('does not resend a message whose earlier attempt was cut off mid-send: it is marked failed, outcome unknown', async () => {
    const address = `cutoff-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address });
    // A worker claimed it (sending) and died before recording the answer; the outbox event comes back.
    const messageId = newId();
    await owner.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: acme.id, system: 'test' });
      await tx.execute(sql`
        insert into messages (tenant_id, id, contact_id, channel, template, recipient, payload, summary, dedupe_key, status, attempts)
        values (${acme.id}, ${messageId}, ${contact}, 'email', 'reminder', ${address},
          ${JSON.stringify({ locale: 'en', data: { customerName: 'Dana', ...reminder, template: undefined } })}::jsonb,
          'reminder', ${`cutoff:${messageId}`}, 'sending', 1)`);
      await tx.execute(sql`
        insert into outbox (tenant_id, id, job, version, payload)
        values (${acme.id}, ${newId()}, 'notifications.deliver', 1, ${JSON.stringify({ messageId })}::jsonb)`);
    });
    const [message] = await eventually(contact, settled);
    expect(message).toMatchObject({ id: messageId, status: 'failed' });
    expect(message?.error).toMatch(/outcome is unknown/);
    expect(mailTo(address)).toHaveLength(0);
  });
});

describe('SMS consent and Twilio’s inbound STOP / START', () => {
  it('keeps every consent record as evidence, newest first, with who recorded it', async () => {
    const phone = freshPhone();
    const contact = await createContact(acme.id, { phone });
    expect(
      (await as(acme.users.admin, acme.id).get<SmsConsentState>(`/contacts/${contact}/sms-consent`)).body,
    ).toMatchObject({
      status: 'none',
      current: null,
      history: [],
    });
    await recordConsent(contact, 'opted_in');
    const state = await recordConsent(contact, 'opted_out');
    expect(state.status).toBe('opted_out');
    expect(state.history.map((r) => r.status)).toEqual(['opted_out', 'opted_in']);
    expect(state.history[0]?.recordedByUserId).toBe(acme.users.office);
  });

  it('STOP from a phone opts it out in every business that has it; START opts it back in; replays change nothing', async () => {
    const phone = freshPhone();
    const contact = await createContact(acme.id, {
      email: `stop-${newId()}@example.com`,
      phone,
      preferredChannel: 'sms',
    });
    const rivalContact = await createContact(rival.id, { phone });
    await recordConsent(contact);
    const inbound = (body: string, sid = `SM${newId().replace(/-/g, '')}`) =>
      postInboundMessage(
        `${PUBLIC_URL}/api/v1/webhooks/twilio/inbound`,
        twilio.authToken,
        { From: phone, To: TEST_FROM, Body: body, MessageSid: sid, AccountSid: twilio.accountSid },
        { deliverTo: local(`${PUBLIC_URL}/api/v1/webhooks/twilio/inbound`) },
      );

    const stopSid = `SM${newId().replace(/-/g, '')}`;
    const stop = await inbound('  Stop ', stopSid);
    expect(stop.status).toBe(200);
    expect(stop.headers.get('content-type')).toContain('text/xml');
    expect(String(stop.body)).toContain('<Response>');
    await inbound('  Stop ', stopSid); // Twilio retrying the same webhook

    const state = (await as(acme.users.admin, acme.id).get<SmsConsentState>(`/contacts/${contact}/sms-consent`)).body;
    expect(state).toMatchObject({
      status: 'opted_out',
      current: { method: 'sms_keyword', textShown: 'Stop', recordedByUserId: null },
    });
    expect(state.history).toHaveLength(2);
    const rivalState = (
      await as(rival.users.admin, rival.id).get<SmsConsentState>(`/contacts/${rivalContact}/sms-consent`)
    ).body;
    expect(rivalState.status).toBe('opted_out');

    // Opted out: the next reminder goes by email.
    const message = await sendReminder(contact);
    expect(message.channel).toBe('email');

    await inbound('START');
    expect(
      (await as(acme.users.admin, acme.id).get<SmsConsentState>(`/contacts/${contact}/sms-consent`)).body.status,
    ).toBe('opted_in');
    // Anything else is not a keyword.
    await inbound('stop by at 5?');
    expect(
      (await as(acme.users.admin, acme.id).get<SmsConsentState>(`/contacts/${contact}/sms-consent`)).body.history,
    ).toHaveLength(3);
  });

  it('refuses webhooks whose Twilio signature does not match, and callbacks naming another message', async () => {
    const forged = await postInboundMessage(
      `${PUBLIC_URL}/api/v1/webhooks/twilio/inbound`,
      'not-the-auth-token-000000000000',
      {
        From: '+15125550000',
        To: TEST_FROM,
        Body: 'STOP',
        MessageSid: `SM${'b'.repeat(32)}`,
        AccountSid: twilio.accountSid,
      },
      { deliverTo: local(`${PUBLIC_URL}/api/v1/webhooks/twilio/inbound`) },
    );
    expect(forged.status).toBe(403);

    const address = `other-${newId()}@example.com`;
    const contact = await createContact(acme.id, { email: address });
    const message = await sendReminder(contact);
    const path = `/api/v1/webhooks/twilio/status/${acme.id}/${message.id}`;
    const reply = await postStatusCallback(
      `${PUBLIC_URL}${path}`,
      twilio.authToken,
      {
        MessageSid: `SM${'c'.repeat(32)}`,
        MessageStatus: 'delivered',
        To: '+1',
        From: TEST_FROM,
        AccountSid: twilio.accountSid,
      },
      { deliverTo: local(`${PUBLIC_URL}${path}`) },
    );
    expect(reply.status).toBe(404);
  });
});

describe('who may see and send', () => {
  it('crew cannot read the delivery log; office staff can send; admins of another business see nothing', async () => {
    const contact = await createContact(acme.id, { email: `who-${newId()}@example.com` });
    expect((await as(acme.users.crew, acme.id).get(`/contacts/${contact}/messages`)).status).toBe(403);
    expect((await as(acme.users.crew, acme.id).post(`/contacts/${contact}/messages`, reminder)).status).toBe(403);
    expect((await as(rival.users.admin, rival.id).get(`/contacts/${contact}/messages`)).status).toBe(404);
    expect((await as(rival.users.admin, rival.id).get(`/contacts/${contact}/sms-consent`)).status).toBe(404);
    expect((await as(rival.users.admin, rival.id).post(`/contacts/${contact}/messages`, reminder)).status).toBe(404);
    // Naming the contact's business in the header does not help a non-member.
    expect((await as(rival.users.admin, acme.id).get(`/contacts/${contact}/messages`)).status).toBe(403);
  });

  it('answers 422 naming the field for a bad reminder or consent, and writes nothing', async () => {
    const contact = await createContact(acme.id, { email: `bad-${newId()}@example.com` });
    const bad = await as(acme.users.office, acme.id).post<{ errors: { field: string }[] }>(
      `/contacts/${contact}/messages`,
      {
        ...reminder,
        windowEnd: '2026-12-01T14:00:00Z',
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.field)).toContain('windowEnd');
    const consent = await as(acme.users.office, acme.id).post<{ errors: { field: string }[] }>(
      `/contacts/${contact}/sms-consent`,
      {
        status: 'opted_in',
        method: 'sms_keyword',
        textShown: 'short',
      },
    );
    expect(consent.status).toBe(422);
    expect(consent.body.errors.map((e) => e.field).sort()).toEqual(['method', 'textShown']);
    const noPhone = await as(acme.users.office, acme.id).post<{ errors: { field: string }[] }>(
      `/contacts/${contact}/sms-consent`,
      {
        status: 'opted_in',
        method: 'verbal',
        textShown: CONSENT_TEXT,
      },
    );
    expect(noPhone.status).toBe(422);
    expect(noPhone.body.errors[0]?.field).toBe('phone');
    expect(await messagesOf(contact)).toEqual([]);
  });
});
