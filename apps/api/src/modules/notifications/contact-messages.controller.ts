import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MessagePage, MessageView, SmsConsentState } from '@ontrack/schemas/messaging';
import { ZodResponse } from 'nestjs-zod';
import { RequirePermission } from '../../platform/rbac/require-permission.decorator.js';
import { ContactMessagesService } from './contact-messages.service.js';
import {
  ContactIdParamsDto,
  MessageDto,
  MessageListQueryDto,
  MessagePageDto,
  RecordSmsConsentDto,
  SendReminderDto,
  SmsConsentStateDto,
} from './notifications.dto.js';
import { SmsConsentService } from './sms-consent.service.js';

@ApiTags('messaging')
@ApiBearerAuth()
@Controller('contacts/:contactId')
export class ContactMessagesController {
  constructor(
    private readonly messages: ContactMessagesService,
    private readonly consent: SmsConsentService,
  ) {}

  @Get('messages')
  @RequirePermission('contacts:read')
  @ApiOperation({
    operationId: 'listContactMessages',
    summary: 'The delivery log of a contact: every email and SMS, newest first, with its status history.',
  })
  @ZodResponse({ status: 200, type: MessagePageDto })
  list(@Param() { contactId }: ContactIdParamsDto, @Query() query: MessageListQueryDto): Promise<MessagePage> {
    return this.messages.list(contactId, query);
  }

  @Post('messages')
  @HttpCode(202)
  @RequirePermission('messages:send')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeat a request with the same key (per contact) and the first message is returned, not sent again.',
  })
  @ApiOperation({
    operationId: 'sendContactReminder',
    summary: 'Send an appointment or visit reminder; the channel follows the contact’s preference and SMS consent.',
  })
  @ZodResponse({ status: 202, type: MessageDto })
  send(
    @Param() { contactId }: ContactIdParamsDto,
    @Body() body: SendReminderDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<MessageView> {
    return this.messages.sendReminder(contactId, body, idempotencyKey?.trim().slice(0, 200) || undefined);
  }

  @Get('sms-consent')
  @RequirePermission('contacts:read')
  @ApiOperation({ operationId: 'getSmsConsent', summary: 'The contact’s SMS consent: current state and every record.' })
  @ZodResponse({ status: 200, type: SmsConsentStateDto })
  consentState(@Param() { contactId }: ContactIdParamsDto): Promise<SmsConsentState> {
    return this.consent.state(contactId);
  }

  @Post('sms-consent')
  @RequirePermission('contacts:write')
  @ApiOperation({
    operationId: 'recordSmsConsent',
    summary: 'Record an SMS opt-in or opt-out with the wording shown (kept as evidence; never edited).',
  })
  @ZodResponse({ status: 201, type: SmsConsentStateDto })
  recordConsent(
    @Param() { contactId }: ContactIdParamsDto,
    @Body() body: RecordSmsConsentDto,
  ): Promise<SmsConsentState> {
    return this.consent.record(contactId, body);
  }
}
