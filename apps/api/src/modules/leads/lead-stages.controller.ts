import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LeadStageView } from '@ontrack/schemas/leads';
import { ZodResponse } from 'nestjs-zod';
import { Idempotent } from '../../platform/http/idempotency.js';
import { IfMatchVersion, Versioned, WithETag } from '../../platform/http/versioning.js';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { LeadStagesService } from './lead-stages.service.js';
import {
  CreateLeadStageDto,
  LeadStageDto,
  LeadStageIdParamsDto,
  LeadStageListQueryDto,
  UpdateLeadStageDto,
} from './leads.dto.js';

/** The pipeline's stages. Everyone who works leads reads them; changing them is business settings (tenant:manage). */
@ApiTags('leads')
@ApiBearerAuth()
@Controller('lead-stages')
export class LeadStagesController {
  constructor(private readonly stages: LeadStagesService) {}

  @Get()
  @RequirePermission('leads:read')
  @ApiOperation({
    operationId: 'listLeadStages',
    summary: 'The pipeline’s stages in board order (archived ones with archived=include).',
  })
  @ZodResponse({ status: 200, type: [LeadStageDto] })
  list(@Query() query: LeadStageListQueryDto): Promise<LeadStageView[]> {
    return this.stages.list(query.archived === 'include');
  }

  @Post()
  @RequirePermission('tenant:manage')
  @Idempotent()
  @WithETag()
  @ApiOperation({
    operationId: 'createLeadStage',
    summary: 'Add a stage to the pipeline (at `position`, moving the later ones along; default: last).',
  })
  @ZodResponse({ status: 201, type: LeadStageDto })
  create(@Body() input: CreateLeadStageDto): Promise<LeadStageView> {
    return this.stages.create(input);
  }

  @Patch(':id')
  @RequirePermission('tenant:manage')
  @Versioned()
  @ApiOperation({
    operationId: 'updateLeadStage',
    summary: 'Rename, reorder, make default, archive (only when it holds no live lead) or restore a stage.',
  })
  @ZodResponse({ status: 200, type: LeadStageDto })
  update(
    @Param() { id }: LeadStageIdParamsDto,
    @IfMatchVersion() version: number,
    @Body() patch: UpdateLeadStageDto,
  ): Promise<LeadStageView> {
    return this.stages.update(id, version, patch);
  }
}
