import { Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { type GeocodingConfig, readGeocodingConfig } from './geocoding.config.js';
import { GEOCODER, type Geocoder } from './geocoding.port.js';
import { MapboxGeocodingAdapter } from './mapbox-geocoding.adapter.js';

/**
 * Mapbox when MAPBOX_ACCESS_TOKEN is set; otherwise no geocoder (null), also in production: coordinates are a
 * convenience, and an address without them is still a valid service address.
 */
export function createGeocoder(config: GeocodingConfig): Geocoder | null {
  if (config.MAPBOX_ACCESS_TOKEN) return MapboxGeocodingAdapter.fromConfig(config);
  new Logger('Geocoding').log('MAPBOX_ACCESS_TOKEN is not set: addresses are stored without coordinates');
  return null;
}

/** Provides GEOCODER (see geocoding.port.ts): a Geocoder, or null when none is configured. */
@Module({
  providers: [
    {
      provide: GEOCODER,
      inject: [APP_CONFIG],
      // configSchema already checked these; parsing again keeps a hand-made AppConfig (tests) to the same rules.
      useFactory: (config: AppConfig): Geocoder | null =>
        createGeocoder(readGeocodingConfig(config as unknown as Record<string, unknown>)),
    },
  ],
  exports: [GEOCODER],
})
export class GeocodingModule {}
