import { z } from 'zod';
import type { JobDefinition, JobKey } from '../platform/outbox/job-definition.js';

const payload = z.object({
  propertyId: z.uuid(),
  /** SHA-256 of the address the job was enqueued for (addressHash in modules/properties/property-address.ts). */
  addressHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type GeocodePropertyPayload = z.infer<typeof payload>;

/**
 * Fills a property's coordinates after its address was written. Enqueued by PropertiesService in the
 * transaction of the write; the handler is PropertyGeocoding.geocode (modules/properties), which does nothing
 * when the address changed again since (the newer write enqueued its own job).
 */
export const geocodeProperty: JobKey<GeocodePropertyPayload> = {
  name: 'properties.geocode',
  version: 1,
  payload,
  // Network trouble, 429 and 5xx back off 1 s, 2 s, 4 s …; after the last attempt the property is marked
  // failed rather than dead-lettered, so it never stays "pending" for ever.
  maxAttempts: 6,
};

export function geocodePropertyJob(handler: {
  geocode: JobDefinition<GeocodePropertyPayload>['handle'];
}): JobDefinition<GeocodePropertyPayload> {
  return { ...geocodeProperty, handle: (context, p) => handler.geocode(context, p) };
}
