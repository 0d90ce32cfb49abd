import { Module } from '@nestjs/common';
import { BackgroundJobsController } from './background-jobs.controller.js';
import { BackgroundJobsRepository } from './background-jobs.repository.js';
import { BackgroundJobsService } from './background-jobs.service.js';

/** The business's background work as its admins see it: the dead letters of the outbox, and retrying them. */
@Module({ controllers: [BackgroundJobsController], providers: [BackgroundJobsService, BackgroundJobsRepository] })
export class BackgroundJobsModule {}
