import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { InvitationAccepted, InvitationList, InvitationView } from '@ontrack/schemas/auth';
import type { FastifyReply } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { Public } from '../../platform/auth/public.decorator.js';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import {
  InvitationAcceptDto,
  InvitationAcceptedDto,
  InvitationCreateDto,
  InvitationIdParamsDto,
  InvitationListDto,
  InvitationViewDto,
} from './auth.dto.js';
import { respondWithSession } from './auth-cookies.js';
import { InvitationsService } from './invitations.service.js';
import { clientInfo } from './magic-link.controller.js';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @RequirePermission('users:invite')
  @ApiOperation({
    operationId: 'createInvitation',
    summary:
      'Invites someone by email with one of this business’s roles (a client role needs `contactId`). The link ' +
      'is emailed and valid for 7 days; inviting the same address again replaces the pending invitation. 409 ' +
      'when they are already an active member; 403 for a role with permissions you do not hold.',
  })
  @ZodResponse({ status: 201, type: InvitationViewDto })
  create(@Body() body: InvitationCreateDto): Promise<InvitationView> {
    return this.invitations.invite(body);
  }

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({
    operationId: 'listInvitations',
    summary: 'Pending invitations (not accepted, withdrawn or expired).',
  })
  @ZodResponse({ status: 200, type: InvitationListDto })
  list(): Promise<InvitationList> {
    return this.invitations.listPending();
  }

  @Delete(':id')
  @RequirePermission('users:invite')
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeInvitation', summary: 'Withdraws a pending invitation: its link stops working.' })
  revoke(@Param() { id }: InvitationIdParamsDto): Promise<void> {
    return this.invitations.revoke(id);
  }
}

@ApiTags('auth')
@Public()
@Controller('auth/invitations')
export class InvitationAcceptanceController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptInvitation',
    summary:
      'Accepts an invitation by its emailed token: creates the account if needed and the membership with the ' +
      'role, and signs in (session cookies, or the refresh token in the body with `mode: "bearer"`). 410 when ' +
      'it was already accepted, withdrawn or has expired; 400 for an unknown token.',
  })
  @ZodResponse({ status: 200, type: InvitationAcceptedDto })
  async accept(
    @Body() body: InvitationAcceptDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InvitationAccepted> {
    const { issued, tenantId, user } = await this.invitations.accept(body.token, clientInfo());
    return { ...respondWithSession(reply, issued, body.mode), user, tenantId };
  }
}
