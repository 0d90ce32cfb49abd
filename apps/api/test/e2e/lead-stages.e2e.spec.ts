import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { defaultLeadStageId } from '@ontrack/db/default-lead-stages';
import type { ActivityPage } from '@ontrack/schemas/activity';
import type { LeadStageView, LeadView } from '@ontrack/schemas/leads';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caller, fieldsOf, insertContact } from './leads-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * The pipeline settings over HTTP: every business starts with the six default stages; an admin (tenant:manage)
 * adds, renames, reorders, changes the default and archives them. Each test works in a business of its own.
 */
let api: RunningApi;
let owner: DatabaseHandle;
let rival: TestTenant<'admin'>;

type Business = TestTenant<'admin' | 'office' | 'crew' | 'pm'>;

async function newBusiness(): Promise<Business> {
  return createTestTenant(inject('ownerDatabaseUrl'), {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
    crew: { roles: ['crew'] },
    pm: { roles: ['property_manager'] },
  });
}

const adminOf = (business: Business) => caller(api, business.users.admin, business.id);

async function stagesOf(business: Business, query = ''): Promise<LeadStageView[]> {
  const reply = await adminOf(business).get<LeadStageView[]>(`/lead-stages${query}`);
  expect(reply.status).toBe(200);
  return reply.body;
}

const names = (stages: LeadStageView[]) => stages.map((stage) => stage.name);
const positions = (stages: LeadStageView[]) => stages.map((stage) => stage.position);

beforeAll(async () => {
  owner = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
  rival = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
  api = await startApi();
});

afterAll(async () => {
  await api?.close();
  await owner?.close();
});

describe('lead stages', () => {
  it('starts every business with the default pipeline, which every lead worker reads', async () => {
    const business = await newBusiness();
    const stages = await stagesOf(business);
    expect(stages.map((stage) => [stage.key, stage.name, stage.position, stage.kind, stage.isDefault])).toEqual([
      ['new', 'New', 1, 'open', true],
      ['contacted', 'Contacted', 2, 'open', false],
      ['site_visit_scheduled', 'Site visit scheduled', 3, 'open', false],
      ['estimate_sent', 'Estimate sent', 4, 'open', false],
      ['won', 'Won', 5, 'won', false],
      ['lost', 'Lost', 6, 'lost', false],
    ]);
    expect(stages[0]?.id).toBe(defaultLeadStageId(business.id, 'new'));
    for (const user of [business.users.office, business.users.pm]) {
      expect((await caller(api, user, business.id).get('/lead-stages')).status).toBe(200);
    }
    expect((await caller(api, business.users.crew, business.id).get('/lead-stages')).status).toBe(403);
  });

  it('adds a stage at a position, moving the later ones along; only with tenant:manage', async () => {
    const business = await newBusiness();
    const body = { name: 'Follow-up call', position: 2 };
    for (const user of [business.users.office, business.users.crew, business.users.pm]) {
      expect((await caller(api, user, business.id).post('/lead-stages', body)).status).toBe(403);
    }
    const reply = await adminOf(business).post<LeadStageView>('/lead-stages', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.body).toMatchObject({
      key: null,
      name: 'Follow-up call',
      position: 2,
      kind: 'open',
      isDefault: false,
    });
    const stages = await stagesOf(business);
    expect(names(stages)).toEqual([
      'New',
      'Follow-up call',
      'Contacted',
      'Site visit scheduled',
      'Estimate sent',
      'Won',
      'Lost',
    ]);
    expect(positions(stages)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const last = await adminOf(business).post<LeadStageView>('/lead-stages', {
      name: 'Lost to weather',
      kind: 'lost',
      position: 99,
    });
    expect(last.body).toMatchObject({ position: 8, kind: 'lost' });

    const taken = await adminOf(business).post('/lead-stages', { name: 'contacted' });
    expect(taken.status).toBe(422);
    expect(fieldsOf(taken)).toEqual(['name']);
    const invalid = await adminOf(business).post('/lead-stages', { name: ' ', kind: 'maybe' });
    expect(invalid.status).toBe(422);
    expect(fieldsOf(invalid)).toEqual(expect.arrayContaining(['name', 'kind']));
  });

  it('renames and reorders with If-Match, shifting the others, and logs it by name', async () => {
    const business = await newBusiness();
    const won = defaultLeadStageId(business.id, 'won');
    const path = `/lead-stages/${won}`;
    expect((await adminOf(business).patch(path, { name: 'Booked' })).status).toBe(428);
    expect((await adminOf(business).patch(path, { name: 'Booked' }, { 'if-match': '"3"' })).status).toBe(412);
    expect(
      (await caller(api, business.users.office, business.id).patch(path, { name: 'x' }, { 'if-match': '"1"' })).status,
    ).toBe(403);

    const renamed = await adminOf(business).patch<LeadStageView>(
      path,
      { name: 'Booked', position: 2 },
      { 'if-match': '"1"' },
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(renamed.body).toMatchObject({ name: 'Booked', position: 2, version: 2 });
    const stages = await stagesOf(business);
    expect(names(stages)).toEqual(['New', 'Booked', 'Contacted', 'Site visit scheduled', 'Estimate sent', 'Lost']);
    expect(positions(stages)).toEqual([1, 2, 3, 4, 5, 6]);

    const down = await adminOf(business).patch<LeadStageView>(path, { position: 6 }, { 'if-match': '"2"' });
    expect(down.body.position).toBe(6);
    expect(names(await stagesOf(business))).toEqual([
      'New',
      'Contacted',
      'Site visit scheduled',
      'Estimate sent',
      'Lost',
      'Booked',
    ]);
    expect(positions(await stagesOf(business))).toEqual([1, 2, 3, 4, 5, 6]);

    const log = await adminOf(business).get<ActivityPage>(`/activity?entityType=lead_stage&entityId=${won}`);
    expect(log.body.items.map((item) => item.summary)).toEqual([
      { stage: 'Booked', position: [2, 6] },
      { stage: 'Won', name: ['Won', 'Booked'], position: [5, 2] },
    ]);
  });

  it('makes another open stage the default, never a won or lost one', async () => {
    const business = await newBusiness();
    const contacted = defaultLeadStageId(business.id, 'contacted');
    const lost = defaultLeadStageId(business.id, 'lost');
    const refused = await adminOf(business).patch(`/lead-stages/${lost}`, { isDefault: true }, { 'if-match': '"1"' });
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused)).toEqual(['isDefault']);

    const reply = await adminOf(business).patch<LeadStageView>(
      `/lead-stages/${contacted}`,
      { isDefault: true },
      { 'if-match': '"1"' },
    );
    expect(reply.status).toBe(200);
    const stages = await stagesOf(business);
    expect(stages.filter((stage) => stage.isDefault).map((stage) => stage.name)).toEqual(['Contacted']);
    // New leads land there now.
    const contact = await insertContact(owner, business.id, { displayName: 'Default Dan' });
    const lead = await adminOf(business).post<LeadView>('/leads', {
      source: 'phone',
      requestedService: 'x',
      contactId: contact,
    });
    expect(lead.body.stageId).toBe(contacted);
  });

  it('archives a stage only once it holds no live lead, and never the default', async () => {
    const business = await newBusiness();
    const visit = defaultLeadStageId(business.id, 'site_visit_scheduled');
    const contact = await insertContact(owner, business.id, { displayName: 'Archie' });
    const leads: LeadView[] = [];
    for (const requestedService of ['One', 'Two']) {
      const reply = await adminOf(business).post<LeadView>('/leads', {
        source: 'phone',
        requestedService,
        contactId: contact,
        stageId: visit,
      });
      leads.push(reply.body);
    }
    const path = `/lead-stages/${visit}`;
    const busy = await adminOf(business).patch(path, { archived: true }, { 'if-match': '"1"' });
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toContain('"Site visit scheduled" still holds 2 live leads');

    const [one, two] = leads as [LeadView, LeadView];
    expect((await adminOf(business).delete(`/leads/${one.id}`)).status).toBe(204);
    const moved = await adminOf(business).post(
      `/leads/${two.id}/move`,
      { stageId: defaultLeadStageId(business.id, 'contacted') },
      { 'if-match': '"1"' },
    );
    expect(moved.status).toBe(200);
    const archived = await adminOf(business).patch<LeadStageView>(path, { archived: true }, { 'if-match': '"1"' });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(names(await stagesOf(business))).not.toContain('Site visit scheduled');
    expect(names(await stagesOf(business, '?archived=include'))).toContain('Site visit scheduled');

    // An archived stage takes no lead; one restored from the trash goes to the default stage instead.
    const refused = await adminOf(business).post('/leads', {
      source: 'phone',
      requestedService: 'x',
      contactId: contact,
      stageId: visit,
    });
    expect(fieldsOf(refused)).toEqual(['stageId']);
    const restored = await adminOf(business).post<LeadView>(`/leads/${one.id}/restore`);
    expect(restored.body.stageId).toBe(defaultLeadStageId(business.id, 'new'));

    const newStage = defaultLeadStageId(business.id, 'new');
    const isDefault = await adminOf(business).patch(
      `/lead-stages/${newStage}`,
      { archived: true },
      { 'if-match': '"1"' },
    );
    expect(isDefault.status).toBe(409);
    expect(isDefault.body.detail).toContain('default');

    const back = await adminOf(business).patch<LeadStageView>(path, { archived: false }, { 'if-match': '"2"' });
    expect(back.body).toMatchObject({ archivedAt: null, version: 3 });
  });

  it('answers 404 for another business’s stage', async () => {
    const business = await newBusiness();
    const theirs = defaultLeadStageId(rival.id, 'won');
    const reply = await adminOf(business).patch(`/lead-stages/${theirs}`, { name: 'Mine now' }, { 'if-match': '"1"' });
    expect(reply.status).toBe(404);
    const untouched = await caller(api, rival.users.admin, rival.id).get<LeadStageView[]>('/lead-stages');
    expect(untouched.body.find((stage) => stage.id === theirs)?.name).toBe('Won');
  });
});
