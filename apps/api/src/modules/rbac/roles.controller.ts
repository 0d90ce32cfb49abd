import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PermissionEntry, RoleView } from '@ontrack/schemas/rbac';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { CreateRoleDto, PermissionEntryDto, RoleDto, RoleIdParamsDto, UpdateRoleDto } from './rbac.dto.js';
import { RolesService } from './roles.service.js';

@ApiTags('roles')
@ApiBearerAuth()
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('permissions')
  @RequirePermission('roles:read')
  @ApiOperation({ operationId: 'listPermissions', summary: 'The catalogue of permissions a role can grant.' })
  @ZodResponse({ status: 200, type: [PermissionEntryDto] })
  permissions(): PermissionEntry[] {
    return this.roles.permissions();
  }

  @Get('roles')
  @RequirePermission('roles:read')
  @ApiOperation({ operationId: 'listRoles', summary: 'The default and custom roles of the business.' })
  @ZodResponse({ status: 200, type: [RoleDto] })
  list(): Promise<RoleView[]> {
    return this.roles.list();
  }

  @Get('roles/:id')
  @RequirePermission('roles:read')
  @ApiOperation({ operationId: 'getRole', summary: 'One role with its permissions and how many people hold it.' })
  @ZodResponse({ status: 200, type: RoleDto })
  get(@Param() params: RoleIdParamsDto): Promise<RoleView> {
    return this.roles.get(params.id);
  }

  @Post('roles')
  @RequirePermission('roles:manage')
  @ApiOperation({
    operationId: 'createRole',
    summary: 'Create a custom role; its key is a slug of the name and must be unique in the business.',
  })
  @ZodResponse({ status: 201, type: RoleDto })
  create(@Body() input: CreateRoleDto): Promise<RoleView> {
    return this.roles.create(input);
  }

  @Patch('roles/:id')
  @RequirePermission('roles:manage')
  @ApiOperation({
    operationId: 'updateRole',
    summary: 'Change a custom role (default roles are read-only); permissions, when given, replace the old ones.',
  })
  @ZodResponse({ status: 200, type: RoleDto })
  update(@Param() params: RoleIdParamsDto, @Body() patch: UpdateRoleDto): Promise<RoleView> {
    return this.roles.update(params.id, patch);
  }

  @Delete('roles/:id')
  @RequirePermission('roles:manage')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteRole', summary: 'Delete a custom role that nobody holds any more.' })
  @ApiNoContentResponse({ description: 'The role is deleted.' })
  async remove(@Param() params: RoleIdParamsDto): Promise<void> {
    await this.roles.remove(params.id);
  }
}
