import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { seedProperties, seedPropertyManagers } from '@ontrack/db/seed-crm-data';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import type { PropertyManagerView, PropertyView } from '@ontrack/schemas/properties';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { activityOf, address, call, createProperty, grantCustomRole, insertContact } from './properties-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * The properties API over HTTP, without a geocoder (properties-geocoding.e2e.spec.ts has one): CRUD, the
 * contract's validation problems, Idempotency-Key, If-Match, who may see gate codes, and Property Managers.
 * Each business is the test's own; contacts are written as the owner.
 */
type Acme = 'admin' | 'office' | 'crew' | 'pm' | 'otherPm' | 'client' | 'noNotes';
let api: RunningApi;
let owner: DatabaseHandle;
let acme: TestTenant<Acme>;
let rival: TestTenant<'admin'>;
let dana: string;
let harbor: string;
let trashed: string;
let rivalContact: string;

type Page = { items: PropertyView[]; nextCursor: string | null };
const as = (user: Acme) => (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call<PropertyView>(api, acme.users[user], acme.id, method, path, body, headers);
const list = async (user: Acme, query = '') => {
  const reply = await call<Page>(api, acme.users[user], acme.id, 'GET', `/properties${query}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};

beforeAll(async () => {
  owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2, applicationName: 'ontrack-test' });
  acme = await createTestTenant(inject('ownerDatabaseUrl'), {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
    crew: { roles: ['crew'] },
    pm: { roles: ['property_manager'] },
    otherPm: { roles: ['property_manager'] },
    client: { roles: ['client'] },
    noNotes: { roles: ['office_staff'] },
  });
  rival = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });
  // A whole-tenant role that may read and write addresses but not gate codes.
  await grantCustomRole(owner, acme.id, acme.users.noNotes, 'tenant', ['properties:read', 'properties:write']);
  dana = await insertContact(owner, acme.id, 'Dana Whitfield');
  harbor = await insertContact(owner, acme.id, 'Harbor View HOA');
  trashed = await insertContact(owner, acme.id, 'Gone Away', { deleted: true });
  rivalContact = await insertContact(owner, rival.id, 'Rival Customer');
  api = await startApi();
});

afterAll(async () => {
  await api?.close();
  await owner?.close();
});

describe('creating and reading', () => {
  it('creates a property (201, ETag) that reads back with its gate code, stored without coordinates', async () => {
    const created = await as('office')('POST', '/properties', {
      ...address({ label: 'Home', country: 'us' }),
      contactId: dana,
      access: { gateCode: '4321#', accessNotes: 'Dog in the back yard' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      contactId: dana,
      label: 'Home',
      addressLine1: '12 Oak St',
      addressLine2: null,
      country: 'US',
      latitude: null,
      longitude: null,
      // No MAPBOX_ACCESS_TOKEN in this API: stored as is, nothing fails.
      geocodeStatus: 'skipped',
      version: 1,
      deletedAt: null,
      access: { gateCode: '4321#', accessNotes: 'Dog in the back yard' },
    });

    const read = await as('admin')('GET', `/properties/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(created.body);

    const [entry] = await activityOf(owner, acme.id, created.body.id);
    expect(entry?.action).toBe('create');
    expect(entry?.summary).toMatchObject({
      contact: 'Dana Whitfield',
      address: '12 Oak St, Austin, TX 78701',
      gateCode: 'set',
    });
    expect(JSON.stringify(entry?.summary)).not.toContain('4321#');
  });

  it('refuses invalid fields with a problem naming each of them', async () => {
    const reply = await as('admin')('POST', '/properties', {
      contactId: dana,
      addressLine1: '  ',
      city: 'Austin',
      country: 'USA',
      color: 'blue',
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors?.map((error) => error.pointer).sort()).toEqual(['#/addressLine1', '#/color', '#/country']);

    const query = await call(api, acme.users.admin, acme.id, 'GET', '/properties?limit=500&colour=red');
    expect(query.status).toBe(422);
    expect(query.body.errors?.every((error) => error.in === 'query')).toBe(true);
    expect((await as('admin')('GET', '/properties/not-a-uuid')).body.errors?.[0]).toMatchObject({
      in: 'path',
      field: 'id',
    });
  });

  it('refuses a contact that is not a live contact of this business on the field contactId (422, not 500)', async () => {
    for (const contactId of [rivalContact, newId(), trashed]) {
      const reply = await as('admin')('POST', '/properties', { ...address(), contactId });
      expect(reply.status, JSON.stringify(reply.body)).toBe(422);
      expect(reply.body.errors).toEqual([
        expect.objectContaining({ in: 'body', pointer: '#/contactId', field: 'contactId' }),
      ]);
    }
  });

  it('replays a repeated POST with the same Idempotency-Key and refuses the key for another body', async () => {
    const key = `create-${newId()}`;
    const body = { ...address({ addressLine1: '77 Replay Rd' }), contactId: harbor };
    const first = await as('admin')('POST', '/properties', body, { 'idempotency-key': key });
    const again = await as('admin')('POST', '/properties', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await as('admin')('POST', '/properties', { ...body, city: 'Dallas' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0]).toMatchObject({ in: 'header', field: 'Idempotency-Key' });
    const { items } = await list('admin', `?contactId=${harbor}&q=replay`);
    expect(items.map((item) => item.id)).toEqual([first.body.id]);
  });

  it('lists by contact, searches the address word by word, and pages with a cursor', async () => {
    const owner2 = await insertContact(owner, acme.id, 'Pat Pager');
    const maple = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '5 Maple Ave', city: 'Round Rock' }),
      contactId: owner2,
    });
    const elm = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '9 Elm St_' }),
      contactId: owner2,
    });
    expect((await list('admin', `?contactId=${owner2}`)).items.map((item) => item.id)).toEqual([maple.id, elm.id]);
    expect((await list('admin', `?q=${encodeURIComponent('MAPLE round')}`)).items.map((item) => item.id)).toEqual([
      maple.id,
    ]);
    expect((await list('admin', `?q=${encodeURIComponent('maple austin')}`)).items).toEqual([]);
    // `_` and `%` are literal characters, not wildcards.
    expect((await list('admin', `?contactId=${owner2}&q=st_`)).items.map((item) => item.id)).toEqual([elm.id]);

    const first = await list('admin', `?contactId=${owner2}&limit=1`);
    expect(first.items.map((item) => item.id)).toEqual([maple.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list('admin', `?contactId=${owner2}&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([elm.id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('changing', () => {
  it('needs If-Match (428), refuses a stale version (412), and logs gate code changes without the code', async () => {
    const property = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '3 Versioned Way' }),
      contactId: dana,
    });
    const path = `/properties/${property.id}`;
    expect((await as('admin')('PATCH', path, { label: 'Cabin' })).status).toBe(428);
    expect((await as('admin')('PATCH', path, { label: 'Cabin' }, { 'if-match': 'soon' })).status).toBe(400);

    const changed = await as('admin')(
      'PATCH',
      path,
      { label: 'Cabin', access: { gateCode: '2468', accessNotes: null } },
      {
        'if-match': '"1"',
      },
    );
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ label: 'Cabin', version: 2, access: { gateCode: '2468', accessNotes: null } });

    const stale = await as('office')('PATCH', path, { label: 'Lake house' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toMatch(/version 2/);

    const moved = await as('office')(
      'PATCH',
      path,
      { addressLine1: '4 Versioned Way', access: { gateCode: '1357', accessNotes: null } },
      {
        'if-match': '"2"',
      },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ addressLine1: '4 Versioned Way', geocodeStatus: 'skipped', latitude: null });

    const log = await activityOf(owner, acme.id, property.id);
    expect(log.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    expect(log[1]?.summary).toMatchObject({ label: [null, 'Cabin'], gateCode: 'changed' });
    expect(log[2]?.summary).toMatchObject({
      addressLine1: ['3 Versioned Way', '4 Versioned Way'],
      gateCode: 'changed',
    });
    expect(JSON.stringify(log)).not.toMatch(/2468|1357/);
  });

  it('moves to the trash and back; a property in the trash cannot be changed', async () => {
    const property = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '8 Trash Ln' }),
      contactId: dana,
    });
    const path = `/properties/${property.id}`;
    expect((await as('office')('DELETE', path)).status).toBe(204);
    expect((await as('office')('DELETE', path)).status).toBe(204);
    expect((await as('admin')('GET', path)).body.deletedAt).toEqual(expect.any(String));
    expect((await list('admin', `?contactId=${dana}`)).items.map((item) => item.id)).not.toContain(property.id);
    expect((await list('admin', `?deleted=only&q=trash`)).items.map((item) => item.id)).toContain(property.id);
    expect((await as('admin')('PATCH', path, { label: 'x' }, { 'if-match': '"2"' })).status).toBe(409);

    const restored = await as('admin')('POST', `${path}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 3 });
    expect((await activityOf(owner, acme.id, property.id)).map((entry) => entry.action)).toEqual([
      'create',
      'delete',
      'restore',
    ]);
  });
});

describe('who may do what', () => {
  let home: PropertyView;
  let managed: PropertyView;

  beforeAll(async () => {
    home = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '1 Private Rd' }),
      contactId: dana,
      access: { gateCode: '1111', accessNotes: null },
    });
    managed = await createProperty(api, acme.users.admin, acme.id, {
      ...address({ addressLine1: '200 Harbor Blvd' }),
      contactId: harbor,
      access: { gateCode: '9090', accessNotes: 'Key at the clubhouse' },
    });
  });

  it('keeps another business’s properties out of reach (404) and its users out of manager lists (422)', async () => {
    const path = `/properties/${home.id}`;
    const rivalCall = (method: string, suffix = '', body?: unknown, headers?: Record<string, string>) =>
      call(api, rival.users.admin, rival.id, method, `${path}${suffix}`, body, headers);
    expect((await rivalCall('GET')).status).toBe(404);
    expect((await rivalCall('PATCH', '', { label: 'Mine' }, { 'if-match': '"1"' })).status).toBe(404);
    expect((await rivalCall('DELETE')).status).toBe(404);
    expect((await rivalCall('POST', '/restore')).status).toBe(404);
    expect((await rivalCall('GET', '/managers')).status).toBe(404);
    expect((await rivalCall('PUT', '/managers', { userIds: [] })).status).toBe(404);

    const foreign = await as('admin')('PUT', `/properties/${managed.id}/managers`, { userIds: [rival.users.admin] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors?.[0]).toMatchObject({ pointer: '#/userIds/0', code: 'no_such_member' });
  });

  it('lets Crew read nothing yet and write nothing (403); Clients have no properties:read', async () => {
    expect((await list('crew')).items).toEqual([]);
    expect((await as('crew')('GET', `/properties/${home.id}`)).status).toBe(404);
    expect((await as('crew')('POST', '/properties', { ...address(), contactId: dana })).status).toBe(403);
    expect((await as('crew')('PATCH', `/properties/${home.id}`, { label: 'x' }, { 'if-match': '"1"' })).status).toBe(
      403,
    );
    expect((await as('crew')('DELETE', `/properties/${home.id}`)).status).toBe(403);
    expect((await as('crew')('PUT', `/properties/${home.id}/managers`, { userIds: [] })).status).toBe(403);
    expect((await as('client')('GET', '/properties')).status).toBe(403);
    expect((await as('client')('GET', `/properties/${home.id}`)).status).toBe(403);
  });

  it('shows gate codes to Admin and Office Staff, and leaves the field out for a role without access notes', async () => {
    for (const user of ['admin', 'office'] as const) {
      expect((await as(user)('GET', `/properties/${home.id}`)).body.access).toMatchObject({ gateCode: '1111' });
    }
    const withoutNotes = await as('noNotes')('GET', `/properties/${home.id}`);
    expect(withoutNotes.status).toBe(200);
    expect(withoutNotes.body.addressLine1).toBe('1 Private Rd');
    expect(withoutNotes.body).not.toHaveProperty('access');
    expect((await list('noNotes', `?contactId=${dana}`)).items.every((item) => !('access' in item))).toBe(true);

    const write = await as('noNotes')(
      'PATCH',
      `/properties/${home.id}`,
      { access: { gateCode: '0000', accessNotes: null } },
      {
        'if-match': '"1"',
      },
    );
    expect(write.status).toBe(403);
    expect(write.body.errors?.[0]).toMatchObject({ in: 'body', pointer: '#/access', field: 'access' });
    const create = await as('noNotes')('POST', '/properties', {
      ...address(),
      contactId: dana,
      access: { gateCode: '1', accessNotes: null },
    });
    expect(create.status).toBe(403);
    expect(create.body.errors?.[0]?.field).toBe('access');
  });

  it('links Property Managers, who then see only the properties they manage, with their gate codes', async () => {
    const managersPath = `/properties/${managed.id}/managers`;
    const notAManager = await as('admin')('PUT', managersPath, { userIds: [acme.users.pm, acme.users.office] });
    expect(notAManager.status).toBe(422);
    expect(notAManager.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/userIds/1', code: 'not_a_property_manager' }),
    ]);

    const set = await call<{ items: PropertyManagerView[] }>(api, acme.users.admin, acme.id, 'PUT', managersPath, {
      userIds: [acme.users.pm, acme.users.otherPm],
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.items.map((manager) => manager.userId).sort()).toEqual([acme.users.pm, acme.users.otherPm].sort());
    const narrowed = await call<{ items: PropertyManagerView[] }>(api, acme.users.admin, acme.id, 'PUT', managersPath, {
      userIds: [acme.users.pm],
    });
    expect(narrowed.body.items.map((manager) => manager.userId)).toEqual([acme.users.pm]);
    const log = await activityOf(owner, acme.id, managed.id);
    expect(log.at(-1)?.summary).toMatchObject({
      managers: { added: [], removed: [expect.stringContaining('otherPm')] },
    });

    expect((await list('pm')).items.map((item) => item.id)).toEqual([managed.id]);
    const seen = await as('pm')('GET', `/properties/${managed.id}`);
    expect(seen.body.access).toMatchObject({ gateCode: '9090', accessNotes: 'Key at the clubhouse' });
    expect((await as('pm')('GET', `/properties/${home.id}`)).status).toBe(404);
    expect((await list('otherPm')).items).toEqual([]);
    const own = await call<{ items: PropertyManagerView[] }>(api, acme.users.pm, acme.id, 'GET', managersPath);
    expect(own.body.items.map((manager) => manager.userId)).toEqual([acme.users.pm]);
    expect((await as('pm')('POST', '/properties', { ...address(), contactId: harbor })).status).toBe(403);
  });
});

describe('the seeded demo business', () => {
  it('pm@demo.test sees exactly the properties they manage, with their gate codes; other businesses see none', async () => {
    const managedIds = seedPropertyManagers.map((link) => link.propertyId).sort();
    const page = await call<Page>(api, SEED_USER_IDS.demoPm, DEMO_TENANT_ID, 'GET', '/properties');
    expect(page.status).toBe(200);
    expect(page.body.items.map((item) => item.id).sort()).toEqual(managedIds);
    for (const item of page.body.items) {
      const seeded = seedProperties.find((property) => property.id === item.id);
      expect(item.access?.gateCode ?? null).toBe(seeded?.gateCode ?? null);
      expect(item).toMatchObject({ geocodeStatus: 'ok', latitude: Number(seeded?.latitude) });
    }

    const gated = seedProperties.find((property) => property.tenantId === DEMO_TENANT_ID && property.gateCode);
    if (!gated) throw new Error('the seed has a demo property with a gate code');
    const admin = await call<PropertyView>(
      api,
      SEED_USER_IDS.demoAdmin,
      DEMO_TENANT_ID,
      'GET',
      `/properties/${gated.id}`,
    );
    expect(admin.body.access?.gateCode).toBe(gated.gateCode);
    const otherAdmin = await call(api, SEED_USER_IDS.otherAdmin, OTHER_TENANT_ID, 'GET', `/properties/${gated.id}`);
    expect(otherAdmin.status).toBe(404);
  });
});
