import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import type { PropertyView } from '@ontrack/schemas/properties';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeMapbox } from '../support/fake-mapbox.js';
import { address, call, createProperty, insertContact } from './properties-helpers.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * Geocoding end to end: the API with MAPBOX_ACCESS_TOKEN pointed at a local Geocoding v5 server (the official
 * SDK talks to it), its in-process workers running the `properties.geocode` job after each write. Without a
 * token, see properties.e2e.spec.ts (`skipped`).
 */
let api: RunningApi;
let mapbox: FakeMapbox;
let owner: DatabaseHandle;
let acme: TestTenant<'office'>;
let contactId: string;

const create = (body: Record<string, unknown>) =>
  createProperty(api, acme.users.office, acme.id, { ...address(body), contactId });

/** Polls the property until the job has settled it (the job runs after the request's commit). */
async function geocoded(id: string): Promise<PropertyView> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const reply = await call<PropertyView>(api, acme.users.office, acme.id, 'GET', `/properties/${id}`);
    expect(reply.status).toBe(200);
    if (reply.body.geocodeStatus !== 'pending') return reply.body;
    if (Date.now() > deadline) throw new Error(`property ${id} is still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  mapbox = await new FakeMapbox().start();
  mapbox
    .place('12 oak st', 30.267153, -97.743057)
    .place('600 congress ave', 30.26874, -97.742538)
    .place('55 flaky ct', 30.5, -97.6);
  owner = createDatabase(inject('ownerDatabaseUrl'), { max: 1, applicationName: 'ontrack-test' });
  acme = await createTestTenant(inject('ownerDatabaseUrl'), { office: { roles: ['office_staff'] } });
  contactId = await insertContact(owner, acme.id, 'Dana Whitfield');
  api = await startApi({
    ...mapbox.env(),
    RUN_WORKERS: 'true',
    // Only this job: other files' events are not this API's business.
    OUTBOX_JOBS: 'properties.geocode',
    OUTBOX_POLL_MS: '20',
    OUTBOX_BACKOFF_MS: '20',
  });
});

afterAll(async () => {
  await api?.close();
  await mapbox?.stop();
  await owner?.close();
});

describe('geocoding a property after the write', () => {
  it('fills latitude and longitude once the job has run, without changing the version', async () => {
    const property = await create({ addressLine1: '12 Oak St' });
    expect(property).toMatchObject({ geocodeStatus: 'pending', latitude: null, longitude: null, geocodedAt: null });

    const done = await geocoded(property.id);
    expect(done).toMatchObject({ geocodeStatus: 'ok', latitude: 30.267153, longitude: -97.743057, version: 1 });
    expect(done.geocodedAt).toEqual(expect.any(String));
    const [request] = mapbox.requestsFor('12 Oak St');
    expect(request?.query).toBe('12 Oak St, Austin, TX 78701');
    expect(request?.params.get('country')).toBe('us');

    // The ETag the creator holds is still good: coordinates are not an edit.
    const edit = await call(
      api,
      acme.users.office,
      acme.id,
      'PATCH',
      `/properties/${property.id}`,
      { notes: 'Corner lot' },
      {
        'if-match': '"1"',
      },
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ geocodeStatus: 'ok', latitude: 30.267153 });
  });

  it('marks an address Mapbox does not know as failed', async () => {
    const property = await create({ addressLine1: '1 Nowhere Ln' });
    expect(await geocoded(property.id)).toMatchObject({ geocodeStatus: 'failed', latitude: null, longitude: null });
    expect(mapbox.requestsFor('1 Nowhere Ln')).toHaveLength(1);
  });

  it('retries transient failures (503) and then stores the coordinates', async () => {
    mapbox.failNext(503, 2);
    const property = await create({ addressLine1: '55 Flaky Ct' });
    expect(await geocoded(property.id)).toMatchObject({ geocodeStatus: 'ok', latitude: 30.5, longitude: -97.6 });
    expect(mapbox.requestsFor('55 Flaky Ct').map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('does not retry a request Mapbox refuses for good (422)', async () => {
    mapbox.failNext(422, 1, 'Query too long');
    const property = await create({ addressLine1: '13 Refused Rd' });
    expect(await geocoded(property.id)).toMatchObject({ geocodeStatus: 'failed' });
    expect(mapbox.requestsFor('13 Refused Rd').map((request) => request.status)).toEqual([422]);
  });

  it('geocodes a changed address again, dropping the old coordinates meanwhile', async () => {
    const property = await create({ addressLine1: '12 Oak St', label: 'Moving' });
    await geocoded(property.id);
    const moved = await call<PropertyView>(
      api,
      acme.users.office,
      acme.id,
      'PATCH',
      `/properties/${property.id}`,
      {
        addressLine1: '600 Congress Ave',
      },
      { 'if-match': '"1"' },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ geocodeStatus: 'pending', latitude: null, longitude: null, geocodedAt: null });
    expect(await geocoded(property.id)).toMatchObject({
      geocodeStatus: 'ok',
      latitude: 30.26874,
      longitude: -97.742538,
    });
  });
});
