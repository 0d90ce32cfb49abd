import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { defaultLeadStageId } from '@ontrack/db/default-lead-stages';
import { newId } from '@ontrack/db/ids';
import { type LeadPage, publicFormSmsConsentText } from '@ontrack/schemas/leads';
import { PROBLEM_CONTENT_TYPE } from '@ontrack/schemas/problem';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type SmtpCapture, startSmtpCapture } from '../support/smtp-capture.js';
import { caller, fieldsOf, insertContact, ownerRows, type Reply, send } from './leads-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * The public request form's API end to end: no sign-in, the whole write in one transaction, the office and
 * the requester emailed through a real SMTP server (the API's own workers deliver), the honeypot and the rate
 * limits. Clients are told apart by X-Forwarded-For, which the API believes from loopback.
 */
let api: RunningApi;
let smtp: SmtpCapture;
let owner: DatabaseHandle;

type Business = TestTenant<'admin' | 'office' | 'crew' | 'pm'>;
let acme: Business;

async function newBusiness(): Promise<Business> {
  return createTestTenant(inject('ownerDatabaseUrl'), {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
    crew: { roles: ['crew'] },
    pm: { roles: ['property_manager'] },
  });
}

const slugOf = (business: { id: string }) => `rbac-${business.id}`;
const emailOf = (business: Business, member: keyof Business['users']) =>
  `${member}-${business.users[member]}@rbac.test`;

let ipCounter = 0;
/** A client address of its own for each request that should not share a rate-limit count. */
function freshIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

function submit(slug: string, body: Record<string, unknown>, ip = freshIp()): Promise<Reply> {
  return send(api, 'POST', `/public/businesses/${slug}/requests`, { body, headers: { 'x-forwarded-for': ip } });
}

const request = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rosa Díaz',
  email: `rosa-${newId()}@example.com`,
  requestedService: 'Spring clean-up',
  ...overrides,
});

const mailTo = (address: string) => smtp.messages.filter((m) => m.envelope.rcptTo.some((r) => r.address === address));

async function mailEventually(address: string, count = 1) {
  const deadline = Date.now() + 10_000;
  while (mailTo(address).length < count) {
    if (Date.now() > deadline) throw new Error(`no email for ${address} (got ${smtp.messages.length} in all)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Promise.all(mailTo(address).map((mail) => simpleParser(mail.raw)));
}

beforeAll(async () => {
  owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2 });
  smtp = await startSmtpCapture();
  acme = await newBusiness();
  api = await startApi({
    SMTP_URL: smtp.url,
    APP_URL: 'https://app.ontrack.test',
    RUN_WORKERS: 'true',
    // Other test files share this database: this API delivers only messages, and only its business's
    // (notifications.e2e.spec.ts delivers to an SMTP server of its own).
    OUTBOX_JOBS: 'notifications.deliver',
    OUTBOX_TENANTS: acme.id,
    OUTBOX_POLL_MS: '20',
    OUTBOX_BACKOFF_MS: '20',
    RATE_LIMITS: JSON.stringify({
      'public-request:ip': { points: 3, duration: 60 },
      'public-request:business': { points: 5, duration: 60 },
    }),
  });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([smtp?.close(), owner?.close()]);
});

describe('the public request form', () => {
  it('creates the contact, address and web-form lead, records the SMS opt-in, and emails the office and the requester', async () => {
    const body = request({
      phone: '(512) 555-0142',
      addressLine1: '12 Oak St',
      city: 'Austin',
      postalCode: '78704',
      message: 'The back yard too, please.',
      smsConsent: true,
    });
    const ip = freshIp();
    const reply = await submit(slugOf(acme), body, ip);
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    expect(reply.body).toEqual({ received: true });

    const [contact] = await ownerRows<{ id: string; display_name: string; phone: string; preferred_channel: string }>(
      owner,
      sql`select id, display_name, phone, preferred_channel from contacts
          where tenant_id = ${acme.id} and email = ${body.email}`,
    );
    expect(contact).toMatchObject({ display_name: 'Rosa Díaz', phone: '+15125550142', preferred_channel: 'sms' });
    const leads = await ownerRows<Record<string, unknown>>(
      owner,
      sql`select l.id, l.source, l.stage_id, l.notes, l.created_by_user_id, p.address_line1, p.city, p.geocode_status
          from leads l left join properties p on p.tenant_id = l.tenant_id and p.id = l.property_id
          where l.tenant_id = ${acme.id} and l.contact_id = ${contact?.id}`,
    );
    expect(leads).toEqual([
      expect.objectContaining({
        source: 'web_form',
        stage_id: defaultLeadStageId(acme.id, 'new'),
        notes: 'The back yard too, please.',
        created_by_user_id: null,
        address_line1: '12 Oak St',
        city: 'Austin',
        geocode_status: 'skipped',
      }),
    ]);
    const leadId = leads[0]?.id as string;
    const history = await ownerRows(
      owner,
      sql`select from_stage_id, changed_by_user_id from lead_stage_changes
          where tenant_id = ${acme.id} and lead_id = ${leadId}`,
    );
    expect(history).toEqual([{ from_stage_id: null, changed_by_user_id: null }]);
    const consents = await ownerRows<{ phone: string; method: string; text_shown: string; evidence: { ip?: string } }>(
      owner,
      sql`select phone, method, text_shown, evidence from sms_consents
          where tenant_id = ${acme.id} and contact_id = ${contact?.id}`,
    );
    expect(consents).toEqual([
      {
        phone: '+15125550142',
        method: 'web_form',
        text_shown: publicFormSmsConsentText('RBAC Test Co'),
        evidence: expect.objectContaining({ ip }),
      },
    ]);
    const activity = await ownerRows<{ actor_type: string; actor_label: string; entity_type: string; action: string }>(
      owner,
      sql`select actor_type, actor_label, entity_type, action, summary from activity_log
          where tenant_id = ${acme.id} and summary ->> 'contact' = 'Rosa Díaz' order by seq`,
    );
    expect(activity.map((entry) => [entry.entity_type, entry.action])).toEqual([
      ['contact', 'create'],
      ['property', 'create'],
      ['lead', 'create'],
      ['contact', 'sms_opt_in'],
    ]);
    expect(new Set(activity.map((entry) => `${entry.actor_type}:${entry.actor_label}`))).toEqual(
      new Set(['system:public request form']),
    );

    // The office sees it on the board like any lead.
    const listed = await caller(api, acme.users.office, acme.id).get<LeadPage>('/leads?source=web_form');
    expect(listed.body.items.map((lead) => [lead.id, lead.contact.displayName])).toContainEqual([leadId, 'Rosa Díaz']);

    // Members who work the whole pipeline hear of it; the crew and the property manager do not.
    for (const member of ['admin', 'office'] as const) {
      const [mail] = await mailEventually(emailOf(acme, member));
      expect(mail?.subject).toBe('New request from Rosa Díaz: Spring clean-up');
      expect(mail?.text).toContain('The back yard too, please.');
      expect(mail?.text).toContain(`https://app.ontrack.test/leads/${leadId}`);
    }
    // No SMS provider here: the acknowledgement falls back to the email they gave.
    const [ack] = await mailEventually(body.email);
    expect(ack?.subject).toBe('RBAC Test Co received your request');
    expect(ack?.text).toContain('Spring clean-up');
    expect(ack?.text).toContain('12 Oak St, Austin, 78704');
    expect(mailTo(emailOf(acme, 'crew'))).toEqual([]);
    expect(mailTo(emailOf(acme, 'pm'))).toEqual([]);
  });

  it('adds the request to the contact who already has that phone or email', async () => {
    const business = await newBusiness();
    const known = await insertContact(owner, business.id, { displayName: 'Known Kim', phone: '+15125550177' });
    const reply = await submit(
      slugOf(business),
      request({ name: 'Kim', email: null, phone: '512.555.0177', requestedService: 'Gutter cleaning' }),
    );
    expect(reply.status).toBe(202);
    const leads = await ownerRows<{ contact_id: string; requested_service: string }>(
      owner,
      sql`select contact_id, requested_service from leads where tenant_id = ${business.id}`,
    );
    expect(leads).toEqual([{ contact_id: known, requested_service: 'Gutter cleaning' }]);
    const [{ n }] = (await ownerRows<{ n: number }>(
      owner,
      sql`select count(*)::int as n from contacts where tenant_id = ${business.id}`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('answers a filled honeypot exactly like a success, and keeps nothing', async () => {
    const business = await newBusiness();
    const body = request({ website: 'https://cheap-seo.example' });
    const reply = await submit(slugOf(business), body);
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ received: true });
    const counts = await ownerRows(
      owner,
      sql`select (select count(*)::int from contacts where tenant_id = ${business.id}) as contacts,
                 (select count(*)::int from leads where tenant_id = ${business.id}) as leads,
                 (select count(*)::int from messages where tenant_id = ${business.id}) as messages,
                 (select count(*)::int from activity_log where tenant_id = ${business.id}) as activity`,
    );
    expect(counts).toEqual([{ contacts: 0, leads: 0, messages: 0, activity: 0 }]);
  });

  it('answers 404 for an unknown business and 422 naming the fields to fix', async () => {
    const unknown = await submit('no-such-business', request());
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)).toBe(true);

    const invalid = await submit(slugOf(acme), {
      name: '',
      requestedService: 'x',
      smsConsent: true,
      addressLine1: '1 Main St',
      extra: 1,
    });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid)).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'city', 'extra']));
    expect(invalid.body.errors?.find((error) => error.field === 'email')).toMatchObject({
      in: 'body',
      pointer: '#/email',
      detail: 'give an email or a phone number',
    });
  });

  it('limits requests per client address (429 with Retry-After), honeypot hits included', async () => {
    const business = await newBusiness();
    const ip = freshIp();
    expect((await submit(slugOf(business), request(), ip)).status).toBe(202);
    expect((await submit(slugOf(business), request({ website: 'spam' }), ip)).status).toBe(202);
    expect((await submit(slugOf(business), request(), ip)).status).toBe(202);
    const refused = await submit(slugOf(business), request(), ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await submit(slugOf(business), request(), freshIp())).status).toBe(202);
    const [{ n }] = (await ownerRows<{ n: number }>(
      owner,
      sql`select count(*)::int as n from leads where tenant_id = ${business.id}`,
    )) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('limits requests per business across addresses', async () => {
    const business = await newBusiness();
    for (let n = 0; n < 5; n += 1) expect((await submit(slugOf(business), request())).status).toBe(202);
    expect((await submit(slugOf(business), request())).status).toBe(429);
    // Another business is not affected.
    const other = await newBusiness();
    expect((await submit(slugOf(other), request())).status).toBe(202);
  });
});
