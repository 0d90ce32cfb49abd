import { Module } from '@nestjs/common';
import { ActivityController, AuditController } from './activity.controller.js';
import { ActivityRepository } from './activity.repository.js';
import { ActivityService } from './activity.service.js';
import { AuditService } from './audit.service.js';
import { AuditKeys } from './audit-keys.js';
import { CheckpointScheduler } from './checkpoint-scheduler.js';

/** The activity feed, verification of its hash chain, and the periodic signing of chain checkpoints. */
@Module({
  controllers: [ActivityController, AuditController],
  providers: [ActivityService, AuditService, ActivityRepository, AuditKeys, CheckpointScheduler],
})
export class ActivityModule {}
