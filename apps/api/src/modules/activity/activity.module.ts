import { Module } from '@nestjs/common';
import { ActivityController, AuditController } from './activity.controller.js';
import { ActivityRepository } from './activity.repository.js';
import { ActivityService } from './activity.service.js';
import { AuditService } from './audit.service.js';
import { AuditKeys } from './audit-keys.js';

/**
 * The activity feed and verification of its hash chain. The chain heads are signed hourly by the
 * `audit.checkpoint` job (jobs/audit-checkpoint.job.ts) in the processes that run workers.
 */
@Module({
  controllers: [ActivityController, AuditController],
  providers: [ActivityService, AuditService, ActivityRepository, AuditKeys],
})
export class ActivityModule {}
