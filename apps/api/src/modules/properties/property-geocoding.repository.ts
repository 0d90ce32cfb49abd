import { Injectable } from '@nestjs/common';
import type { Database } from '@ontrack/db/client';
import { type GeocodeStatus, properties } from '@ontrack/db/schema/properties';
import { and, eq, sql } from 'drizzle-orm';
import type { GeocodingAddress } from '../../integrations/geocoding/geocoding.port.js';

export interface GeocodeTarget extends GeocodingAddress {
  id: string;
  geocodeStatus: GeocodeStatus;
}

export type GeocodeOutcome =
  | { status: 'ok'; latitude: number; longitude: number }
  | { status: 'failed' }
  | { status: 'skipped' };

/**
 * The geocoding job's reads and writes, in the job's transaction (the tenant's system context
 * `job:properties.geocode`, which sees the whole tenant), not the request's.
 */
@Injectable()
export class PropertyGeocodingRepository {
  async findTarget(db: Database, id: string): Promise<GeocodeTarget | undefined> {
    const [row] = await db
      .select({
        id: properties.id,
        addressLine1: properties.addressLine1,
        addressLine2: properties.addressLine2,
        city: properties.city,
        region: properties.region,
        postalCode: properties.postalCode,
        country: properties.country,
        geocodeStatus: properties.geocodeStatus,
      })
      .from(properties)
      .where(eq(properties.id, id));
    return row;
  }

  /**
   * Records the outcome if the property still waits for it at the same address: the provider was asked
   * without holding a row lock (a user's edit must not wait for Mapbox), so an edit may have come between.
   * Neither `version` nor `updated_at` move: coordinates are not a user's change, and bumping the ETag would
   * make the next edit of whoever just created the property fail with 412.
   */
  async settle(db: Database, target: GeocodeTarget, outcome: GeocodeOutcome): Promise<boolean> {
    const coordinates =
      outcome.status === 'ok'
        ? { latitude: outcome.latitude.toFixed(6), longitude: outcome.longitude.toFixed(6) }
        : { latitude: null, longitude: null };
    const updated = await db
      .update(properties)
      .set({
        ...coordinates,
        geocodeStatus: outcome.status,
        geocodedAt: outcome.status === 'skipped' ? null : sql`now()`,
      })
      .where(
        and(
          eq(properties.id, target.id),
          eq(properties.geocodeStatus, 'pending'),
          eq(properties.addressLine1, target.addressLine1),
          sql`${properties.addressLine2} is not distinct from ${target.addressLine2}`,
          eq(properties.city, target.city),
          sql`${properties.region} is not distinct from ${target.region}`,
          sql`${properties.postalCode} is not distinct from ${target.postalCode}`,
          eq(properties.country, target.country),
        ),
      )
      .returning({ id: properties.id });
    return updated.length > 0;
  }
}
