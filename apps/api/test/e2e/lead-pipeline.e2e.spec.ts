import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { defaultLeadStageId } from '@ontrack/db/default-lead-stages';
import { newId } from '@ontrack/db/ids';
import type { ActivityPage } from '@ontrack/schemas/activity';
import type { LeadBoard, LeadConverted, LeadPage, LeadStageChangeView, LeadView } from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caller, fieldsOf, insertContact, insertProperty, leadFactory, ownerRows } from './leads-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * A lead's way through the pipeline over HTTP: stage moves and their history, the board, conversion, and the
 * list's search, filters and pages. Like leads.e2e.spec.ts, in businesses of this file's own.
 */
let api: RunningApi;
let owner: DatabaseHandle;
let acme: TestTenant<'admin' | 'office'>;
let rival: TestTenant<'admin'>;
const stage = (key: string) => defaultLeadStageId(acme.id, key);

let dana: string; // a contact of acme with a property
let danaHome: string;

const as = (user: string, tenant = acme.id) => caller(api, user, tenant);
const admin = () => as(acme.users.admin);
const office = () => as(acme.users.office);

const { createLead, createdLead } = leadFactory(office, () => dana);

beforeAll(async () => {
  const ownerUrl = inject('ownerDatabaseUrl');
  owner = createDatabase(ownerUrl, { max: 2 });
  acme = await createTestTenant(ownerUrl, {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
  });
  rival = await createTestTenant(ownerUrl, { admin: { roles: ['admin'] } });
  dana = await insertContact(owner, acme.id, { displayName: 'Dana Whitfield', email: 'dana@example.com' });
  danaHome = await insertProperty(owner, acme.id, dana, '12 Oak St');
  api = await startApi();
});

afterAll(async () => {
  await api?.close();
  await owner?.close();
});

describe('the pipeline', () => {
  it('moves a lead between stages: lost needs a reason, leaving lost clears it, history names the stages', async () => {
    const lead = await createdLead();
    const path = `/leads/${lead.id}/move`;
    const noReason = await office().post(path, { stageId: stage('lost') }, { 'if-match': '"1"' });
    expect(noReason.status).toBe(422);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    expect(noReason.body.errors?.[0]).toMatchObject({ pointer: '#/reason', code: 'required' });
    expect((await office().post(path, { stageId: stage('contacted') })).status).toBe(428);
    expect(
      (await office().post(path, { stageId: defaultLeadStageId(rival.id, 'won') }, { 'if-match': '"1"' })).status,
    ).toBe(422);

    const lost = await office().post<LeadView>(
      path,
      { stageId: stage('lost'), reason: 'Went with a cheaper crew.' },
      { 'if-match': '"1"' },
    );
    expect(lost.status).toBe(200);
    expect(lost.headers.get('etag')).toBe('"2"');
    expect(lost.body).toMatchObject({ stageId: stage('lost'), lostReason: 'Went with a cheaper crew.', version: 2 });
    expect((await office().post(path, { stageId: stage('contacted') }, { 'if-match': '"1"' })).status).toBe(412);

    const back = await office().post<LeadView>(path, { stageId: stage('contacted') }, { 'if-match': '"2"' });
    expect(back.body).toMatchObject({ stageId: stage('contacted'), lostReason: null, version: 3 });

    const history = await office().get<LeadStageChangeView[]>(`/leads/${lead.id}/history`);
    expect(history.body.map((change) => [change.fromStageName, change.toStageName, change.reason])).toEqual([
      [null, 'New', null],
      ['New', 'Lost', 'Went with a cheaper crew.'],
      ['Lost', 'Contacted', null],
    ]);
    const log = await admin().get<ActivityPage>(`/activity?entityType=lead&entityId=${lead.id}&action=move`);
    expect(log.body.items.map((item) => item.summary)).toEqual([
      {
        lead: 'Weekly mowing — Dana Whitfield',
        stage: ['Lost', 'Contacted'],
        lostReason: ['Went with a cheaper crew.', null],
      },
      { lead: 'Weekly mowing — Dana Whitfield', stage: ['New', 'Lost'], reason: 'Went with a cheaper crew.' },
    ]);
  });

  it('shows the board: live stages in order, counts and money per currency, the first leads, and a cursor to go on', async () => {
    const tenant = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
    const boss = as(tenant.users.admin, tenant.id);
    const contact = await insertContact(owner, tenant.id, { displayName: 'Board Contact' });
    const values = [
      { amountMinor: 10_000, currency: 'USD' },
      { amountMinor: 2_500, currency: 'USD' },
      { amountMinor: 7_000, currency: 'EUR' },
      null,
    ];
    const ids: string[] = [];
    for (const estimatedValue of values) {
      const reply = await boss.post<LeadView>('/leads', {
        source: 'referral',
        requestedService: 'Board lead',
        contactId: contact,
        estimatedValue,
      });
      expect(reply.status).toBe(201);
      ids.push(reply.body.id);
    }
    const trashed = ids[0] as string;
    expect((await boss.delete(`/leads/${trashed}`)).status).toBe(204);

    const board = await boss.get<LeadBoard>('/leads/board?perStage=2');
    expect(board.status).toBe(200);
    expect(board.body.columns.map((column) => column.stage.name)).toEqual([
      'New',
      'Contacted',
      'Site visit scheduled',
      'Estimate sent',
      'Won',
      'Lost',
    ]);
    const [first, second] = board.body.columns;
    expect(first).toMatchObject({
      count: 3,
      totals: [
        { currency: 'EUR', amountMinor: 7_000 },
        { currency: 'USD', amountMinor: 2_500 },
      ],
    });
    // Most recently touched first; the third lead is behind the column's cursor.
    expect(first?.leads.map((lead) => lead.id)).toEqual([ids[3], ids[2]]);
    expect(second).toMatchObject({ count: 0, totals: [], leads: [], nextCursor: null });
    const more = await boss.get<LeadPage>(
      `/leads?stageId=${first?.stage.id}&sort=updated&limit=10&cursor=${first?.nextCursor}`,
    );
    expect(more.body.items.map((lead) => lead.id)).toEqual([ids[1]]);
    expect(more.body.nextCursor).toBeNull();
    expect((await boss.get('/leads/board?perStage=0')).status).toBe(422);
  });

  it('converts a lead once: Won stage, converted_at, and a new property for its contact', async () => {
    const contact = await insertContact(owner, acme.id, { displayName: 'Convertible Carla' });
    const lead = await createdLead({ contactId: contact, requestedService: 'Patio' });
    const path = `/leads/${lead.id}/convert`;
    expect((await office().post(path, {})).status).toBe(428);
    const badAddress = await office().post(
      path,
      { property: { addressLine1: '', city: 'Austin' } },
      { 'if-match': '"1"' },
    );
    expect(badAddress.status).toBe(422);
    expect(fieldsOf(badAddress)).toEqual(['property.addressLine1']);

    const key = `convert-${newId()}`;
    const body = { property: { addressLine1: '9 Patio Way', city: 'Austin', region: 'TX', postalCode: '78701' } };
    const converted = await office().post<LeadConverted>(path, body, { 'if-match': '"1"', 'idempotency-key': key });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(converted.headers.get('etag')).toBe('"2"');
    expect(converted.body.contactId).toBe(contact);
    expect(converted.body.propertyId).toEqual(expect.any(String));
    expect(converted.body.lead).toMatchObject({
      stageId: stage('won'),
      propertyId: converted.body.propertyId,
      version: 2,
    });
    expect(converted.body.lead.convertedAt).not.toBeNull();
    const [property] = await ownerRows<{ contact_id: string; address_line1: string }>(
      owner,
      sql`select contact_id, address_line1 from properties
          where tenant_id = ${acme.id} and id = ${converted.body.propertyId}`,
    );
    expect(property).toEqual({ contact_id: contact, address_line1: '9 Patio Way' });

    const replay = await office().post<LeadConverted>(path, body, { 'if-match': '"1"', 'idempotency-key': key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(converted.body);
    const twice = await office().post(path, {}, { 'if-match': '"2"' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('already converted');

    const history = await office().get<LeadStageChangeView[]>(`/leads/${lead.id}/history`);
    expect(history.body.at(-1)).toMatchObject({ fromStageName: 'New', toStageName: 'Won', reason: 'Converted' });
    const log = await admin().get<ActivityPage>(`/activity?entityType=lead&entityId=${lead.id}&action=convert`);
    expect(log.body.items[0]?.summary).toMatchObject({
      contact: 'Convertible Carla',
      stage: ['New', 'Won'],
      property: '9 Patio Way, Austin',
    });
  });

  it('refuses a property on conversion when the lead has one', async () => {
    const lead = await createdLead({ propertyId: danaHome });
    const reply = await office().post(
      `/leads/${lead.id}/convert`,
      { property: { addressLine1: '1 Elsewhere', city: 'Austin' } },
      { 'if-match': '"1"' },
    );
    expect(reply.status).toBe(422);
    expect(fieldsOf(reply)).toEqual(['property']);
  });
});

describe('the list', () => {
  it('searches the requested service and the contact, filters, and pages without repeats', async () => {
    const tenant = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
    const boss = as(tenant.users.admin, tenant.id);
    const zoe = await insertContact(owner, tenant.id, { displayName: 'Zoë Müller', email: 'zoe@example.com' });
    const max = await insertContact(owner, tenant.id, { displayName: 'Max Power' });
    const created: LeadView[] = [];
    for (const [contactId, requestedService, source] of [
      [zoe, 'Irrigation repair', 'web_form'],
      [zoe, 'Lawn aeration', 'phone'],
      [max, 'Irrigation install', 'referral'],
      [max, '50% off promo', 'email'],
    ] as const) {
      const reply = await boss.post<LeadView>('/leads', { source, requestedService, contactId });
      expect(reply.status).toBe(201);
      created.push(reply.body);
    }
    const ids = async (query: string) => (await boss.get<LeadPage>(`/leads?${query}`)).body.items.map((l) => l.id);

    expect(await ids('q=irrigation&sort=created')).toEqual([created[0]?.id, created[2]?.id]);
    expect(await ids('q=zoe&sort=created')).toEqual([created[0]?.id, created[1]?.id]);
    expect(await ids('q=50%25')).toEqual([created[3]?.id]);
    expect(await ids('q=%25')).toEqual([created[3]?.id]);
    expect(await ids('source=referral')).toEqual([created[2]?.id]);
    expect(await ids(`contactId=${max}&sort=created`)).toEqual([created[2]?.id, created[3]?.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: LeadPage = (
        await boss.get<LeadPage>(`/leads?sort=-created&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...page.items.map((lead) => lead.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((lead) => lead.id).reverse());

    const bad = await boss.get('/leads?sort=price&cursor=nope&stageId=x&colour=red');
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['sort', 'cursor', 'stageId']));
  });
});
