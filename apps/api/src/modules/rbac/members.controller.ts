import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberView } from '@ontrack/schemas/rbac';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { MembersService } from './members.service.js';
import { MemberDto, MemberIdParamsDto, UpdateMemberDto } from './rbac.dto.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ operationId: 'listMembers', summary: 'The people of the business, their status and roles.' })
  @ZodResponse({ status: 200, type: [MemberDto] })
  list(): Promise<MemberView[]> {
    return this.members.list();
  }

  @Patch(':userId')
  @RequirePermission('users:manage')
  @ApiOperation({
    operationId: 'updateMember',
    summary:
      'Suspend or reactivate a member and/or replace their roles. The business always keeps an active administrator.',
  })
  @ZodResponse({ status: 200, type: MemberDto })
  update(@Param() params: MemberIdParamsDto, @Body() patch: UpdateMemberDto): Promise<MemberView> {
    return this.members.update(params.userId, patch);
  }
}
