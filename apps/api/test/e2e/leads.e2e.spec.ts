import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { defaultLeadStageId } from '@ontrack/db/default-lead-stages';
import { newId } from '@ontrack/db/ids';
import type { ActivityPage } from '@ontrack/schemas/activity';
import type { LeadPage, LeadStageChangeView, LeadView } from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caller, fieldsOf, insertContact, insertProperty, leadFactory, ownerRows } from './leads-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * Leads over HTTP: CRUD with the rules the database cannot check (422 on the field), Idempotency-Key,
 * If-Match, soft delete, and who may do what (moves, the board, conversion and the list: lead-pipeline.e2e.spec.ts).
 * Everything happens in businesses of this file's own, so the seeded demo data other files count stays as it is.
 */
let api: RunningApi;
let owner: DatabaseHandle;
let acme: TestTenant<'admin' | 'office' | 'crew' | 'pm' | 'client'>;
let rival: TestTenant<'admin'>;
const stage = (key: string) => defaultLeadStageId(acme.id, key);

let dana: string; // a contact of acme with two properties
let danaHome: string;
let danaCabin: string;
let sam: string; // another contact of acme
let samYard: string; // managed by acme's property manager
let rivalContact: string;
let rivalProperty: string;

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
    crew: { roles: ['crew'] },
    pm: { roles: ['property_manager'] },
    client: { roles: ['client'] },
  });
  rival = await createTestTenant(ownerUrl, { admin: { roles: ['admin'] } });
  dana = await insertContact(owner, acme.id, { displayName: 'Dana Whitfield', email: 'dana@example.com' });
  danaHome = await insertProperty(owner, acme.id, dana, '12 Oak St');
  danaCabin = await insertProperty(owner, acme.id, dana, '4 Lake Rd');
  sam = await insertContact(owner, acme.id, { displayName: 'Sam Åkesson' });
  samYard = await insertProperty(owner, acme.id, sam, '77 Elm Ave', acme.users.pm);
  rivalContact = await insertContact(owner, rival.id, { displayName: 'Rival Customer' });
  rivalProperty = await insertProperty(owner, rival.id, rivalContact, '1 Other St');
  api = await startApi();
});

afterAll(async () => {
  await api?.close();
  await owner?.close();
});

describe('creating a lead', () => {
  it('lands in the default stage, answers 201 with its ETag, and starts its history', async () => {
    const reply = await createLead({
      propertyId: danaHome,
      assigneeUserId: acme.users.office,
      estimatedValue: { amountMinor: 125_000, currency: 'USD' },
      nextFollowUpOn: '2026-12-01',
      notes: 'Gate on the left.',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body).toMatchObject({
      source: 'phone',
      requestedService: 'Weekly mowing',
      contact: { id: dana, displayName: 'Dana Whitfield' },
      propertyId: danaHome,
      stageId: stage('new'),
      assigneeUserId: acme.users.office,
      estimatedValue: { amountMinor: 125_000, currency: 'USD' },
      nextFollowUpOn: '2026-12-01',
      lostReason: null,
      convertedAt: null,
      version: 1,
      deletedAt: null,
    });

    const fetched = await admin().get<LeadView>(`/leads/${reply.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('etag')).toBe('"1"');
    expect(fetched.body).toEqual(reply.body);

    const history = await admin().get<LeadStageChangeView[]>(`/leads/${reply.body.id}/history`);
    expect(history.body).toEqual([
      expect.objectContaining({
        fromStageId: null,
        fromStageName: null,
        toStageId: stage('new'),
        toStageName: 'New',
        changedByUserId: acme.users.office,
        changedByName: 'office',
        reason: null,
      }),
    ]);

    const log = await admin().get<ActivityPage>(`/activity?entityType=lead&entityId=${reply.body.id}`);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        action: 'create',
        actorUserId: acme.users.office,
        summary: expect.objectContaining({
          contact: 'Dana Whitfield',
          stage: 'New',
          assignee: 'office',
          property: '12 Oak St, Austin',
        }),
      }),
    ]);
  });

  it('refuses invalid fields with 422 naming each one', async () => {
    const reply = await office().post('/leads', {
      source: 'fax',
      requestedService: '',
      contactId: 'not-an-id',
      estimatedValue: { amountMinor: 10.5, currency: 'usd' },
      colour: 'red',
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(reply)).toEqual(
      expect.arrayContaining([
        'source',
        'requestedService',
        'contactId',
        'estimatedValue.amountMinor',
        'estimatedValue.currency',
        'colour',
      ]),
    );
    expect(reply.body.errors?.find((error) => error.field === 'estimatedValue.currency')?.pointer).toBe(
      '#/estimatedValue/currency',
    );
  });

  it('checks what the database cannot: visible contact, the contact’s property, an assignee who works leads, a live stage', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ contactId: rivalContact }, 'contactId'],
      [{ contactId: newId() }, 'contactId'],
      [{ propertyId: samYard }, 'propertyId'],
      [{ propertyId: rivalProperty }, 'propertyId'],
      [{ assigneeUserId: acme.users.crew }, 'assigneeUserId'],
      [{ assigneeUserId: rival.users.admin }, 'assigneeUserId'],
      [{ stageId: defaultLeadStageId(rival.id, 'new') }, 'stageId'],
      [{ stageId: stage('lost') }, 'stageId'],
    ];
    for (const [body, field] of cases) {
      const reply = await createLead(body);
      expect(reply.status, `${JSON.stringify(body)} → ${JSON.stringify(reply.body)}`).toBe(422);
      expect(fieldsOf(reply)).toEqual([field]);
      expect(reply.body.errors?.[0]?.pointer).toBe(`#/${field}`);
    }
  });

  it('replays the first answer for a repeated Idempotency-Key, and refuses the key with another body', async () => {
    const key = `lead-${newId()}`;
    const first = await createLead({ requestedService: 'Hedge trimming' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const again = await createLead({ requestedService: 'Hedge trimming' }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const [count] = await ownerRows<{ n: number }>(
      owner,
      sql`select count(*)::int as n from leads where tenant_id = ${acme.id} and requested_service = 'Hedge trimming'`,
    );
    expect(count?.n).toBe(1);

    const other = await createLead({ requestedService: 'Tree removal' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(fieldsOf(other)).toEqual(['Idempotency-Key']);
  });
});

describe('who may do what', () => {
  it('refuses Crew and Clients (no leads permissions) with 403, reads and writes alike', async () => {
    const lead = await createdLead();
    for (const user of [acme.users.crew, acme.users.client]) {
      expect((await as(user).get('/leads')).status).toBe(403);
      expect((await as(user).get(`/leads/${lead.id}`)).status).toBe(403);
      expect((await as(user).post('/leads', { source: 'phone', requestedService: 'x', contactId: dana })).status).toBe(
        403,
      );
      expect((await as(user).patch(`/leads/${lead.id}`, { notes: 'x' }, { 'if-match': '"1"' })).status).toBe(403);
      expect(
        (await as(user).post(`/leads/${lead.id}/move`, { stageId: stage('won') }, { 'if-match': '"1"' })).status,
      ).toBe(403);
      expect((await as(user).delete(`/leads/${lead.id}`)).status).toBe(403);
    }
  });

  it('answers 404 for another business’s lead, whatever the verb', async () => {
    const lead = await createdLead();
    const outsider = as(rival.users.admin, rival.id);
    expect((await outsider.get(`/leads/${lead.id}`)).status).toBe(404);
    expect((await outsider.get(`/leads/${lead.id}/history`)).status).toBe(404);
    expect((await outsider.patch(`/leads/${lead.id}`, { notes: 'x' }, { 'if-match': '"1"' })).status).toBe(404);
    expect(
      (
        await outsider.post(
          `/leads/${lead.id}/move`,
          { stageId: defaultLeadStageId(rival.id, 'won') },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(404);
    expect((await outsider.post(`/leads/${lead.id}/convert`, {}, { 'if-match': '"1"' })).status).toBe(404);
    expect((await outsider.delete(`/leads/${lead.id}`)).status).toBe(404);
    expect((await outsider.post(`/leads/${lead.id}/restore`)).status).toBe(404);
    expect((await as(acme.users.admin).get(`/leads/${lead.id}`)).status).toBe(200);
  });

  it('lets a Property Manager work only leads on the properties they manage', async () => {
    const pm = as(acme.users.pm);
    const mine = await pm.post<LeadView>('/leads', {
      source: 'phone',
      requestedService: 'Replace dead shrubs',
      contactId: sam,
      propertyId: samYard,
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const withoutProperty = await pm.post('/leads', { source: 'phone', requestedService: 'x', contactId: sam });
    expect(withoutProperty.status).toBe(422);
    expect(fieldsOf(withoutProperty)).toEqual(['propertyId']);
    // Dana's properties are not theirs: neither her contact nor her leads are visible to them.
    expect(fieldsOf(await pm.post('/leads', { source: 'phone', requestedService: 'x', contactId: dana }))).toEqual([
      'contactId',
    ]);
    const others = await createdLead();
    expect((await pm.get(`/leads/${others.id}`)).status).toBe(404);
    const page = await pm.get<LeadPage>('/leads?limit=100');
    expect(page.body.items.map((lead) => lead.propertyId)).toEqual(page.body.items.map(() => samYard));
    expect(page.body.items.map((lead) => lead.id)).toContain(mine.body.id);
  });
});

describe('changing a lead', () => {
  it('needs If-Match (428), refuses a stale version (412), and logs the changes by name', async () => {
    const lead = await createdLead({ propertyId: danaHome });
    const path = `/leads/${lead.id}`;
    expect((await office().patch(path, { notes: 'x' })).status).toBe(428);
    expect((await office().patch(path, { notes: 'x' }, { 'if-match': 'yesterday' })).status).toBe(400);
    const stale = await office().patch(path, { notes: 'x' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain('version 1');

    const reply = await office().patch<LeadView>(
      path,
      {
        assigneeUserId: acme.users.admin,
        propertyId: danaCabin,
        estimatedValue: { amountMinor: 5_000, currency: 'EUR' },
      },
      { 'if-match': '"1"' },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.headers.get('etag')).toBe('"2"');
    expect(reply.body).toMatchObject({ version: 2, propertyId: danaCabin, assigneeUserId: acme.users.admin });
    const log = await admin().get<ActivityPage>(`/activity?entityType=lead&entityId=${lead.id}&action=update`);
    expect(log.body.items[0]?.summary).toEqual({
      lead: 'Weekly mowing — Dana Whitfield',
      assigneeUserId: [null, 'admin'],
      propertyId: ['12 Oak St, Austin', '4 Lake Rd, Austin'],
      estimatedValue: [null, { amountMinor: 5_000, currency: 'EUR' }],
    });
    expect((await office().patch(path, { notes: 'y' }, { 'if-match': '"1"' })).status).toBe(412);
  });

  it('keeps the property with its contact when the contact changes', async () => {
    const lead = await createdLead({ propertyId: danaHome });
    const moved = await office().patch(`/leads/${lead.id}`, { contactId: sam }, { 'if-match': '"1"' });
    expect(moved.status).toBe(422);
    expect(fieldsOf(moved)).toEqual(['propertyId']);
    const both = await office().patch<LeadView>(
      `/leads/${lead.id}`,
      { contactId: sam, propertyId: samYard },
      { 'if-match': '"1"' },
    );
    expect(both.status).toBe(200);
    expect(both.body.contact).toEqual({ id: sam, displayName: 'Sam Åkesson' });
  });

  it('moves to the trash and back; a lead in the trash cannot be changed', async () => {
    const lead = await createdLead({ requestedService: 'Trash me' });
    expect((await office().delete(`/leads/${lead.id}`)).status).toBe(204);
    expect((await office().delete(`/leads/${lead.id}`)).status).toBe(204);
    const trashed = await office().get<LeadView>(`/leads/${lead.id}`);
    expect(trashed.body.deletedAt).not.toBeNull();
    const live = await office().get<LeadPage>('/leads?q=trash%20me');
    expect(live.body.items).toEqual([]);
    const trash = await office().get<LeadPage>('/leads?deleted=only&q=trash%20me');
    expect(trash.body.items.map((item) => item.id)).toEqual([lead.id]);
    expect(
      (await office().patch(`/leads/${lead.id}`, { notes: 'x' }, { 'if-match': `"${trashed.body.version}"` })).status,
    ).toBe(409);

    const restored = await office().post<LeadView>(`/leads/${lead.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: trashed.body.version + 1 });
    const log = await admin().get<ActivityPage>(`/activity?entityType=lead&entityId=${lead.id}`);
    expect(log.body.items.map((item) => item.action)).toEqual(['restore', 'delete', 'create']);
  });
});
