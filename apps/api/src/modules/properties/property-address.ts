import { createHash } from 'node:crypto';
import type { GeocodingAddress } from '../../integrations/geocoding/geocoding.port.js';

/** The fields that make up where a property is: changing any of them sends it to geocoding again. */
export const ADDRESS_FIELDS = ['addressLine1', 'addressLine2', 'city', 'region', 'postalCode', 'country'] as const;

export function addressOf(property: GeocodingAddress): GeocodingAddress {
  const { addressLine1, addressLine2, city, region, postalCode, country } = property;
  return { addressLine1, addressLine2, city, region, postalCode, country };
}

/**
 * Identifies an address in a geocoding job's payload: the job geocodes only if the property still has the
 * address it was enqueued for (the label, notes or gate code may have changed meanwhile; those do not count).
 */
export function addressHash(address: GeocodingAddress): string {
  const fields = ADDRESS_FIELDS.map((field) => address[field]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
