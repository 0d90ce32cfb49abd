import { Module } from '@nestjs/common';
import { GeocodingModule } from '../../integrations/geocoding/geocoding.module.js';
import { PropertyGeocodingRepository } from './property-geocoding.repository.js';
import { PropertyGeocoding } from './property-geocoding.service.js';

/**
 * The geocoding of properties on its own, so that the worker process (worker.ts) can run the job without the
 * HTTP side of properties.
 */
@Module({
  imports: [GeocodingModule],
  providers: [PropertyGeocoding, PropertyGeocodingRepository],
  exports: [PropertyGeocoding],
})
export class PropertyGeocodingModule {}
