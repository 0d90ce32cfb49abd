import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PropertyGeocodingModule } from '../properties/property-geocoding.module.js';
import { LeadPipelineService } from './lead-pipeline.service.js';
import { LeadStagesController } from './lead-stages.controller.js';
import { LeadStagesRepository } from './lead-stages.repository.js';
import { LeadStagesService } from './lead-stages.service.js';
import { LeadsController } from './leads.controller.js';
import { LeadsRepository } from './leads.repository.js';
import { LeadsService } from './leads.service.js';
import { PublicRequestsController } from './public-requests.controller.js';
import { PublicRequestsRepository } from './public-requests.repository.js';
import { PublicRequestsService } from './public-requests.service.js';

/** Leads, the pipeline's stages, and the public request form that brings leads in. */
@Module({
  imports: [NotificationsModule, PropertyGeocodingModule],
  controllers: [LeadsController, LeadStagesController, PublicRequestsController],
  providers: [
    LeadsRepository,
    LeadStagesRepository,
    PublicRequestsRepository,
    LeadsService,
    LeadPipelineService,
    LeadStagesService,
    PublicRequestsService,
  ],
})
export class LeadsModule {}
