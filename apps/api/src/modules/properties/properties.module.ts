import { Module } from '@nestjs/common';
import { PropertiesController } from './properties.controller.js';
import { PropertiesRepository } from './properties.repository.js';
import { PropertiesService } from './properties.service.js';
import { PropertyGeocodingModule } from './property-geocoding.module.js';
import { PropertyManagersService } from './property-managers.service.js';

/** Service addresses of contacts, their gate codes, their Property Managers, and their geocoding. */
@Module({
  imports: [PropertyGeocodingModule],
  controllers: [PropertiesController],
  providers: [PropertiesService, PropertyManagersService, PropertiesRepository],
})
export class PropertiesModule {}
