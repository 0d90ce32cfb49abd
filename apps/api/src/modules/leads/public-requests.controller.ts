import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../platform/auth/public.decorator.js';
import { BusinessSlugParamsDto } from '../tenants/tenants.dto.js';
import { PublicLeadRequestDto, PublicRequestReceivedDto } from './leads.dto.js';
import { PublicRequestsService } from './public-requests.service.js';

/** The public request form's endpoint: no sign-in, spam-protected by a honeypot field and rate limits. */
@ApiTags('leads')
@Controller('public/businesses')
export class PublicRequestsController {
  constructor(private readonly requests: PublicRequestsService) {}

  @Post(':slug/requests')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'submitPublicRequest',
    summary:
      'Ask a business for work (its request form at /r/{slug}): creates or matches the contact and a new lead, and emails the office and the requester.',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address, or to this business, for now.' })
  @ZodResponse({ status: 202, type: PublicRequestReceivedDto })
  submit(@Param() { slug }: BusinessSlugParamsDto, @Body() body: PublicLeadRequestDto): Promise<{ received: true }> {
    return this.requests.submit(slug, body);
  }
}
