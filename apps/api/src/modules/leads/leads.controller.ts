import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LeadBoard, LeadConverted, LeadPage, LeadStageChangeView, LeadView } from '@ontrack/schemas/leads';
import { ZodResponse } from 'nestjs-zod';
import { Idempotent } from '../../platform/http/idempotency.js';
import { IfMatchVersion, Versioned, WithETag } from '../../platform/http/versioning.js';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { LeadPipelineService } from './lead-pipeline.service.js';
import {
  ConvertLeadDto,
  CreateLeadDto,
  LeadBoardDto,
  LeadBoardQueryDto,
  LeadConvertedDto,
  LeadDto,
  LeadIdParamsDto,
  LeadListQueryDto,
  LeadPageDto,
  LeadStageChangeDto,
  MoveLeadDto,
  UpdateLeadDto,
} from './leads.dto.js';
import { LeadsService } from './leads.service.js';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly pipeline: LeadPipelineService,
  ) {}

  @Get()
  @RequirePermission('leads:read')
  @ApiOperation({
    operationId: 'listLeads',
    summary: 'Leads with filters and keyset pagination; `q` searches the requested service and the contact.',
  })
  @ZodResponse({ status: 200, type: LeadPageDto })
  list(@Query() query: LeadListQueryDto): Promise<LeadPage> {
    return this.leads.list(query);
  }

  @Get('board')
  @RequirePermission('leads:read')
  @ApiOperation({
    operationId: 'getLeadBoard',
    summary: 'The pipeline board: every live stage in order with its lead count, value per currency and first leads.',
  })
  @ZodResponse({ status: 200, type: LeadBoardDto })
  board(@Query() query: LeadBoardQueryDto): Promise<LeadBoard> {
    return this.leads.board(query.perStage);
  }

  @Post()
  @RequirePermission('leads:write')
  @Idempotent()
  @WithETag()
  @ApiOperation({
    operationId: 'createLead',
    summary:
      'Create a lead for a contact (and one of their properties); without stageId it lands in the default stage.',
  })
  @ZodResponse({ status: 201, type: LeadDto })
  create(@Body() input: CreateLeadDto): Promise<LeadView> {
    return this.leads.create(input);
  }

  @Get(':id')
  @RequirePermission('leads:read')
  @WithETag()
  @ApiOperation({ operationId: 'getLead', summary: 'One lead (also from the trash).' })
  @ZodResponse({ status: 200, type: LeadDto })
  get(@Param() { id }: LeadIdParamsDto): Promise<LeadView> {
    return this.leads.get(id);
  }

  @Patch(':id')
  @RequirePermission('leads:write')
  @Versioned()
  @ApiOperation({
    operationId: 'updateLead',
    summary: 'Change a lead’s fields; stage moves go through POST /leads/{id}/move.',
  })
  @ZodResponse({ status: 200, type: LeadDto })
  update(
    @Param() { id }: LeadIdParamsDto,
    @IfMatchVersion() version: number,
    @Body() patch: UpdateLeadDto,
  ): Promise<LeadView> {
    return this.leads.update(id, version, patch);
  }

  @Delete(':id')
  @RequirePermission('leads:write')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteLead', summary: 'Move a lead to the trash (restorable).' })
  @ApiNoContentResponse({ description: 'The lead is in the trash.' })
  async remove(@Param() { id }: LeadIdParamsDto): Promise<void> {
    await this.leads.remove(id);
  }

  @Post(':id/restore')
  @RequirePermission('leads:write')
  @HttpCode(200)
  @Idempotent()
  @WithETag()
  @ApiOperation({
    operationId: 'restoreLead',
    summary: 'Bring a lead back from the trash (into the default stage if its stage was archived meanwhile).',
  })
  @ZodResponse({ status: 200, type: LeadDto })
  restore(@Param() { id }: LeadIdParamsDto): Promise<LeadView> {
    return this.leads.restore(id);
  }

  @Post(':id/move')
  @RequirePermission('leads:write')
  @HttpCode(200)
  @Idempotent()
  @Versioned()
  @ApiOperation({
    operationId: 'moveLead',
    summary: 'Move a lead to another stage (a lost stage needs `reason`); recorded in its stage history.',
  })
  @ZodResponse({ status: 200, type: LeadDto })
  move(
    @Param() { id }: LeadIdParamsDto,
    @IfMatchVersion() version: number,
    @Body() body: MoveLeadDto,
  ): Promise<LeadView> {
    return this.pipeline.move(id, version, body);
  }

  @Get(':id/history')
  @RequirePermission('leads:read')
  @ApiOperation({
    operationId: 'listLeadStageChanges',
    summary: 'A lead’s stage history, oldest first, from its creation, with the stages’ names.',
  })
  @ZodResponse({ status: 200, type: [LeadStageChangeDto] })
  history(@Param() { id }: LeadIdParamsDto): Promise<LeadStageChangeView[]> {
    return this.leads.history(id);
  }

  @Post(':id/convert')
  @RequirePermission('leads:write')
  @HttpCode(200)
  @Idempotent()
  @Versioned()
  @ApiOperation({
    operationId: 'convertLead',
    summary:
      'Convert a lead: the first Won stage, converted_at, and its service address when it had none (409 if converted).',
  })
  @ZodResponse({ status: 200, type: LeadConvertedDto })
  convert(
    @Param() { id }: LeadIdParamsDto,
    @IfMatchVersion() version: number,
    @Body() body: ConvertLeadDto,
  ): Promise<LeadConverted> {
    return this.pipeline.convert(id, version, body);
  }
}
