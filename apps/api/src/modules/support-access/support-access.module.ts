import { Module } from '@nestjs/common';
import { SupportAccessController } from './support-access.controller.js';
import { SupportAccessRepository } from './support-access.repository.js';
import { SupportAccessService } from './support-access.service.js';

/** Platform operators' time-boxed, audited, read-only access to a business, granted by its admins. */
@Module({ controllers: [SupportAccessController], providers: [SupportAccessService, SupportAccessRepository] })
export class SupportAccessModule {}
