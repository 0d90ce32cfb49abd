import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BackgroundJobPage, BackgroundJobView } from '@ontrack/schemas/background-jobs';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import {
  BackgroundJobDto,
  BackgroundJobIdParamsDto,
  BackgroundJobListQueryDto,
  BackgroundJobPageDto,
} from './background-jobs.dto.js';
import { BackgroundJobsService } from './background-jobs.service.js';

@ApiTags('background-jobs')
@ApiBearerAuth()
@Controller('background-jobs')
export class BackgroundJobsController {
  constructor(private readonly backgroundJobs: BackgroundJobsService) {}

  @Get()
  @RequirePermission('background:read')
  @ApiOperation({
    operationId: 'listBackgroundJobs',
    summary: 'The business’s background work in one state (default: the dead letters), newest first.',
  })
  @ZodResponse({ status: 200, type: BackgroundJobPageDto })
  list(@Query() query: BackgroundJobListQueryDto): Promise<BackgroundJobPage> {
    return this.backgroundJobs.list(query);
  }

  @Get(':id')
  @RequirePermission('background:read')
  @ApiOperation({ operationId: 'getBackgroundJob', summary: 'One background job event, with its last error.' })
  @ZodResponse({ status: 200, type: BackgroundJobDto })
  get(@Param() { id }: BackgroundJobIdParamsDto): Promise<BackgroundJobView> {
    return this.backgroundJobs.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('background:retry')
  @ApiOperation({
    operationId: 'retryBackgroundJob',
    summary: 'Runs a dead-lettered event again, now, with a fresh set of attempts (409 unless it is dead).',
  })
  @ZodResponse({ status: 200, type: BackgroundJobDto })
  retry(@Param() { id }: BackgroundJobIdParamsDto): Promise<BackgroundJobView> {
    return this.backgroundJobs.retry(id);
  }
}
