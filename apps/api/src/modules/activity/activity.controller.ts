import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActivityPage, AuditVerifyResult } from '@ontrack/schemas/activity';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import {
  ActivityFeedQueryDto,
  ActivityPageDto,
  AuditVerifyResultDto,
  EntityTimelineParamsDto,
  EntityTimelineQueryDto,
} from './activity.dto.js';
import { ActivityService } from './activity.service.js';
import { AuditService } from './audit.service.js';

@ApiTags('activity')
@ApiBearerAuth()
@Controller('activity')
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @Get()
  @RequirePermission('activity:read')
  @ApiOperation({
    operationId: 'listActivity',
    summary: 'The business’s activity log, newest first, with filters and cursor pagination.',
  })
  @ZodResponse({ status: 200, type: ActivityPageDto })
  feed(@Query() query: ActivityFeedQueryDto): Promise<ActivityPage> {
    return this.activity.feed(query);
  }

  @Get('entities/:entityType/:entityId')
  @RequirePermission('activity:read')
  @ApiOperation({ operationId: 'getEntityTimeline', summary: 'Everything that happened to one record, newest first.' })
  @ZodResponse({ status: 200, type: ActivityPageDto })
  timeline(@Param() params: EntityTimelineParamsDto, @Query() query: EntityTimelineQueryDto): Promise<ActivityPage> {
    return this.activity.timeline(params, query);
  }
}

@ApiTags('activity')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Post('verify')
  @HttpCode(200)
  @RequirePermission('audit:verify')
  @ApiOperation({
    operationId: 'verifyAuditChain',
    summary: 'Checks the activity log’s hash chain and signed checkpoints; recorded as a sensitive read.',
  })
  @ZodResponse({ status: 200, type: AuditVerifyResultDto })
  verify(): Promise<AuditVerifyResult> {
    return this.audit.verify();
  }
}
