/** A postal address as the geocoder reads it (a property's address fields). */
export interface GeocodingAddress {
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

/** WGS 84, in degrees. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface Geocoder {
  /** Who answered (for logs): `mapbox`. */
  readonly provider: string;
  /**
   * The coordinates of the address, or null when the provider knows no such place (retrying will not help).
   * Throws PermanentGeocodingError when the provider refuses the request for good (bad token, malformed
   * query), and any other error when it might work later (network, time-out, 429, 5xx).
   */
  geocode(address: GeocodingAddress): Promise<Coordinates | null>;
}

/** Injection token of the configured Geocoder, or null when none is configured (no MAPBOX_ACCESS_TOKEN). */
export const GEOCODER = Symbol('GEOCODER');

/** The provider refused the request and would refuse it again: the job stops retrying. */
export class PermanentGeocodingError extends Error {
  constructor(
    message: string,
    /** The provider's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PermanentGeocodingError';
  }
}

/** "12 Oak St, Unit 2, Austin, TX 78701": one line, the way people and geocoders read an address. */
export function formatAddress(address: GeocodingAddress): string {
  const regionAndCode = [address.region, address.postalCode].filter(Boolean).join(' ');
  return [address.addressLine1, address.addressLine2, address.city, regionAndCode].filter(Boolean).join(', ');
}
