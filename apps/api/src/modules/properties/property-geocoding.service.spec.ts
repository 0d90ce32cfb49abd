import { Logger } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Geocoder, PermanentGeocodingError } from '../../integrations/geocoding/geocoding.port.js';
import type { JobContext } from '../../platform/outbox/job-definition.js';
import type { OutboxService } from '../../platform/outbox/outbox.service.js';
import { addressHash, addressOf } from './property-address.js';
import type { GeocodeOutcome, GeocodeTarget, PropertyGeocodingRepository } from './property-geocoding.repository.js';
import { PropertyGeocoding } from './property-geocoding.service.js';

beforeAll(() => Logger.overrideLogger(false));

const TARGET: GeocodeTarget = {
  id: '01970000-0000-7000-8000-000000030001',
  addressLine1: '12 Oak St',
  addressLine2: null,
  city: 'Austin',
  region: 'TX',
  postalCode: '78701',
  country: 'US',
  geocodeStatus: 'pending',
};
const HASH = addressHash(addressOf(TARGET));

/** `target` null: the property is gone (or not visible). */
function setup(geocoder: Geocoder | null, target: GeocodeTarget | null = TARGET) {
  const settled: GeocodeOutcome[] = [];
  const repository = {
    findTarget: vi.fn(async () => target ?? undefined),
    settle: vi.fn(async (_db: Database, _target: GeocodeTarget, outcome: GeocodeOutcome) => {
      settled.push(outcome);
      return true;
    }),
  };
  const outbox = { enqueue: vi.fn(async () => 'event-id') };
  const service = new PropertyGeocoding(
    repository as unknown as PropertyGeocodingRepository,
    outbox as unknown as OutboxService,
    geocoder,
  );
  return { service, settled, outbox };
}

function context(attempt = 1, maxAttempts = 6): JobContext {
  return {
    tx: {} as Database,
    tenantId: '01970000-0000-7000-8000-000000000001',
    eventId: '01970000-0000-7000-8000-0000000000e1',
    attempt,
    maxAttempts,
    separately: () => Promise.reject(new Error('not used')),
  };
}

const geocoderAnswering = (answer: () => Promise<{ latitude: number; longitude: number } | null>) => ({
  provider: 'test',
  geocode: vi.fn(answer),
});

describe('PropertyGeocoding', () => {
  it('stores the coordinates the geocoder found', async () => {
    const geocoder = geocoderAnswering(async () => ({ latitude: 30.2, longitude: -97.7 }));
    const { service, settled } = setup(geocoder);
    await service.geocode(context(), { propertyId: TARGET.id, addressHash: HASH });
    expect(geocoder.geocode).toHaveBeenCalledWith(addressOf(TARGET));
    expect(settled).toEqual([{ status: 'ok', latitude: 30.2, longitude: -97.7 }]);
  });

  it('marks the address failed when nothing is found, or the provider refuses for good', async () => {
    const nothing = setup(geocoderAnswering(async () => null));
    await nothing.service.geocode(context(), { propertyId: TARGET.id, addressHash: HASH });
    expect(nothing.settled).toEqual([{ status: 'failed' }]);

    const refused = setup(
      geocoderAnswering(async () => {
        throw new PermanentGeocodingError('bad token', 401);
      }),
    );
    await refused.service.geocode(context(1), { propertyId: TARGET.id, addressHash: HASH });
    expect(refused.settled).toEqual([{ status: 'failed' }]);
  });

  it('lets the outbox retry a transient failure, and marks it failed after the last attempt', async () => {
    const flaky = () =>
      geocoderAnswering(async () => {
        throw new Error('Mapbox could not be reached: ECONNRESET');
      });
    const early = setup(flaky());
    await expect(early.service.geocode(context(2, 6), { propertyId: TARGET.id, addressHash: HASH })).rejects.toThrow(
      /ECONNRESET/,
    );
    expect(early.settled).toEqual([]);

    const last = setup(flaky());
    await last.service.geocode(context(6, 6), { propertyId: TARGET.id, addressHash: HASH });
    expect(last.settled).toEqual([{ status: 'failed' }]);
  });

  it('does nothing when the address changed since, the property is gone or already geocoded', async () => {
    const geocoder = geocoderAnswering(async () => ({ latitude: 1, longitude: 2 }));
    const moved = setup(geocoder);
    await moved.service.geocode(context(), { propertyId: TARGET.id, addressHash: 'f'.repeat(64) });
    const gone = setup(geocoder, null);
    await gone.service.geocode(context(), { propertyId: TARGET.id, addressHash: HASH });
    const done = setup(geocoder, { ...TARGET, geocodeStatus: 'ok' });
    await done.service.geocode(context(), { propertyId: TARGET.id, addressHash: HASH });
    expect(geocoder.geocode).not.toHaveBeenCalled();
    expect([...moved.settled, ...gone.settled, ...done.settled]).toEqual([]);
  });

  it('without a geocoder: new addresses start skipped, no job is scheduled, a stray job marks skipped', async () => {
    const { service, settled, outbox } = setup(null);
    expect(service.initialStatus).toBe('skipped');
    await service.schedule(TARGET.id, TARGET);
    expect(outbox.enqueue).not.toHaveBeenCalled();
    await service.geocode(context(), { propertyId: TARGET.id, addressHash: HASH });
    expect(settled).toEqual([{ status: 'skipped' }]);
  });

  it('with a geocoder: new addresses start pending and a job names the address it was scheduled for', async () => {
    const { service, outbox } = setup(geocoderAnswering(async () => null));
    expect(service.initialStatus).toBe('pending');
    await service.schedule(TARGET.id, { ...TARGET, addressLine2: null });
    expect(outbox.enqueue).toHaveBeenCalledWith(expect.objectContaining({ name: 'properties.geocode' }), {
      propertyId: TARGET.id,
      addressHash: HASH,
    });
  });
});
