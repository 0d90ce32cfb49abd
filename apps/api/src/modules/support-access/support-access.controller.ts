import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SupportAccessGrantView, SupportAccessPage } from '@ontrack/schemas/support-access';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { OperatorRoute } from '../../platform/tenancy/tenant-mode.decorator.js';
import {
  SupportAccessGrantDto,
  SupportAccessIdParamsDto,
  SupportAccessListQueryDto,
  SupportAccessPageDto,
  SupportAccessRequestDto,
} from './support-access.dto.js';
import { SupportAccessService } from './support-access.service.js';

@ApiTags('support-access')
@ApiBearerAuth()
@Controller('support-access')
export class SupportAccessController {
  constructor(private readonly supportAccess: SupportAccessService) {}

  @Post('requests')
  @OperatorRoute()
  @ApiHeader({ name: 'X-Tenant-ID', required: true, description: 'The id (UUID) of the business to ask.' })
  @ApiOperation({
    operationId: 'requestSupportAccess',
    summary: 'A platform operator asks a business for time-boxed, read-only access (operators only).',
  })
  @ZodResponse({ status: 201, type: SupportAccessGrantDto })
  request(@Body() body: SupportAccessRequestDto): Promise<SupportAccessGrantView> {
    return this.supportAccess.request(body);
  }

  @Get()
  @RequirePermission('support:grant')
  @ApiOperation({ operationId: 'listSupportAccess', summary: 'Support access requests and grants, newest first.' })
  @ZodResponse({ status: 200, type: SupportAccessPageDto })
  list(@Query() query: SupportAccessListQueryDto): Promise<SupportAccessPage> {
    return this.supportAccess.list(query);
  }

  @Post(':id/grant')
  @HttpCode(200)
  @RequirePermission('support:grant')
  @ApiOperation({ operationId: 'grantSupportAccess', summary: 'Grant a requested access, from now for its minutes.' })
  @ZodResponse({ status: 200, type: SupportAccessGrantDto })
  grant(@Param() { id }: SupportAccessIdParamsDto): Promise<SupportAccessGrantView> {
    return this.supportAccess.grant(id);
  }

  @Post(':id/deny')
  @HttpCode(200)
  @RequirePermission('support:grant')
  @ApiOperation({ operationId: 'denySupportAccess', summary: 'Refuse a requested access.' })
  @ZodResponse({ status: 200, type: SupportAccessGrantDto })
  deny(@Param() { id }: SupportAccessIdParamsDto): Promise<SupportAccessGrantView> {
    return this.supportAccess.deny(id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequirePermission('support:grant')
  @ApiOperation({ operationId: 'revokeSupportAccess', summary: 'End a granted access now.' })
  @ZodResponse({ status: 200, type: SupportAccessGrantDto })
  revoke(@Param() { id }: SupportAccessIdParamsDto): Promise<SupportAccessGrantView> {
    return this.supportAccess.revoke(id);
  }
}
