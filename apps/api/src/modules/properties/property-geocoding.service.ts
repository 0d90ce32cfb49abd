import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import {
  GEOCODER,
  type Geocoder,
  type GeocodingAddress,
  PermanentGeocodingError,
} from '../../integrations/geocoding/geocoding.port.js';
import { type GeocodePropertyPayload, geocodeProperty } from '../../jobs/geocode-property.job.js';
import type { JobContext } from '../../platform/outbox/job-definition.js';
import { OutboxService } from '../../platform/outbox/outbox.service.js';
import { enqueueEvent } from '../../platform/outbox/outbox-store.js';
import { addressHash, addressOf } from './property-address.js';
import { PropertyGeocodingRepository } from './property-geocoding.repository.js';

/**
 * Coordinates of service addresses: the `properties.geocode` job's handler, and what a write of an address
 * does about it (schedule the job, or mark the address `skipped` when no geocoder is configured).
 */
@Injectable()
export class PropertyGeocoding {
  private readonly logger = new Logger('Geocoding');

  constructor(
    private readonly repository: PropertyGeocodingRepository,
    private readonly outbox: OutboxService,
    @Inject(GEOCODER) private readonly geocoder: Geocoder | null,
  ) {}

  /** The status a newly written address starts in. */
  get initialStatus(): 'pending' | 'skipped' {
    return this.geocoder ? 'pending' : 'skipped';
  }

  /**
   * After the write, in its transaction: the job runs once the write has committed. `within` names a
   * transaction of its own (the public form's) instead of the request's.
   */
  async schedule(
    propertyId: string,
    address: GeocodingAddress,
    within?: { tx: Database; tenantId: string },
  ): Promise<void> {
    if (!this.geocoder) return;
    const payload = { propertyId, addressHash: addressHash(addressOf(address)) };
    if (within) await enqueueEvent(within.tx, within.tenantId, geocodeProperty, payload);
    else await this.outbox.enqueue(geocodeProperty, payload);
  }

  async geocode(context: JobContext, { propertyId, addressHash: enqueuedFor }: GeocodePropertyPayload): Promise<void> {
    const { tx } = context;
    const target = await this.repository.findTarget(tx, propertyId);
    // Gone, geocoded already, or moved to another address since: that write scheduled its own job.
    if (target?.geocodeStatus !== 'pending' || addressHash(addressOf(target)) !== enqueuedFor) return;
    if (!this.geocoder) {
      // Enqueued by a process that had a token, run by one that has none.
      await this.repository.settle(tx, target, { status: 'skipped' });
      return;
    }
    let found: Awaited<ReturnType<Geocoder['geocode']>>;
    try {
      found = await this.geocoder.geocode(addressOf(target));
    } catch (error) {
      const permanent = error instanceof PermanentGeocodingError;
      if (!permanent && context.attempt < context.maxAttempts) throw error; // the outbox backs off and retries
      this.logger.warn(
        `property ${propertyId} could not be geocoded (attempt ${context.attempt}): ${(error as Error).message}`,
      );
      await this.repository.settle(tx, target, { status: 'failed' });
      return;
    }
    await this.repository.settle(tx, target, found ? { status: 'ok', ...found } : { status: 'failed' });
  }
}
