import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicBusiness } from '@ontrack/schemas/tenants';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../platform/auth/public.decorator.js';
import { BusinessSlugParamsDto, PublicBusinessDto } from './tenants.dto.js';
import { TenantsService } from './tenants.service.js';

/** What pages shown before sign-in (the client-portal sign-in, the public request form) know of a business. */
@ApiTags('tenants')
@Controller('public/businesses')
export class PublicBusinessController {
  constructor(private readonly tenants: TenantsService) {}

  @Get(':slug')
  @Public()
  @ApiOperation({
    operationId: 'getPublicBusiness',
    summary: 'A business’s name, language and branding, for its client-portal sign-in page (no sign-in needed).',
  })
  @ZodResponse({ status: 200, type: PublicBusinessDto })
  show(@Param() params: BusinessSlugParamsDto): Promise<PublicBusiness> {
    return this.tenants.publicProfile(params.slug);
  }
}
