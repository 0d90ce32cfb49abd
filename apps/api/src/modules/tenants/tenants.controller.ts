import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TenantSecurity } from '@ontrack/schemas/auth-mfa';
import type { Me, MyAccess, TenantView } from '@ontrack/schemas/tenants';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { NoTenant } from '../../platform/tenancy/tenant-mode.decorator.js';
import {
  MeDto,
  MyAccessDto,
  TenantDto,
  TenantSecurityDto,
  UpdateMeDto,
  UpdateTenantDto,
  UpdateTenantSecurityDto,
} from './tenants.dto.js';
import { TenantsService } from './tenants.service.js';

@ApiTags('tenants')
@ApiBearerAuth()
@Controller()
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get('me')
  @NoTenant()
  @ApiOperation({
    operationId: 'getMe',
    summary: 'The signed-in user and their memberships (for the tenant switcher).',
  })
  @ZodResponse({ status: 200, type: MeDto })
  me(): Promise<Me> {
    return this.tenants.me();
  }

  @Patch('me')
  @NoTenant()
  @ApiOperation({
    operationId: 'updateMe',
    summary: 'Change your name or language (null: follow each business’s language). Email: PATCH /me/email.',
  })
  @ZodResponse({ status: 200, type: MeDto })
  updateMe(@Body() patch: UpdateMeDto): Promise<Me> {
    return this.tenants.updateMe(patch);
  }

  @Get('me/access')
  @ApiOperation({
    operationId: 'getMyAccess',
    summary: 'Your roles, scopes and permissions in the business the request works in (X-Tenant-ID).',
  })
  @ZodResponse({ status: 200, type: MyAccessDto })
  access(): MyAccess {
    return this.tenants.access();
  }

  @Get('tenant')
  @RequirePermission('tenant:read')
  @ApiOperation({ operationId: 'getTenant', summary: 'The business the request works in (X-Tenant-ID).' })
  @ZodResponse({ status: 200, type: TenantDto })
  current(): Promise<TenantView> {
    return this.tenants.current();
  }

  @Patch('tenant')
  @RequirePermission('tenant:manage')
  @ApiOperation({ operationId: 'updateTenant', summary: 'Change the business profile, locale, currency or branding.' })
  @ZodResponse({ status: 200, type: TenantDto })
  update(@Body() patch: UpdateTenantDto): Promise<TenantView> {
    return this.tenants.update(patch);
  }

  @Get('tenant/security')
  @RequirePermission('tenant:read')
  @ApiOperation({
    operationId: 'getTenantSecurity',
    summary: 'The business’s sign-in rules (second factor for staff).',
  })
  @ZodResponse({ status: 200, type: TenantSecurityDto })
  security(): Promise<TenantSecurity> {
    return this.tenants.security();
  }

  @Patch('tenant/security')
  @RequirePermission('tenant:manage')
  @ApiOperation({
    operationId: 'updateTenantSecurity',
    summary: 'Require a second factor of all staff (Admins always need one); staff owing one enrol at next sign-in.',
  })
  @ZodResponse({ status: 200, type: TenantSecurityDto })
  updateSecurity(@Body() body: UpdateTenantSecurityDto): Promise<TenantSecurity> {
    return this.tenants.updateSecurity(body);
  }
}
