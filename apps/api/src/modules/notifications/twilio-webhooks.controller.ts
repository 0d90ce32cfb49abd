import { Body, Controller, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TwilioSignatureGuard } from '../../integrations/sms/twilio-signature.guard.js';
import { Public } from '../../platform/auth/public.decorator.js';
import { TwilioWebhooksService } from './twilio-webhooks.service.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio calls these: no access token, so @Public(), and authenticated by TwilioSignatureGuard (the SDK's own
 * validator over the exact URL and form parameters). Not in the OpenAPI document: they are Twilio's contract,
 * not ours. Answers are TwiML (inbound) or empty, 200 — anything else makes Twilio retry or alert.
 */
@ApiExcludeController()
@Public()
@UseGuards(TwilioSignatureGuard)
@Controller('webhooks/twilio')
export class TwilioWebhooksController {
  constructor(private readonly webhooks: TwilioWebhooksService) {}

  /** A text to our number: STOP / START (and synonyms) change consent; Twilio itself sends the confirmation. */
  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async inbound(@Body() params: Record<string, string>): Promise<string> {
    await this.webhooks.inbound(params);
    return EMPTY_TWIML;
  }

  /** The delivery status of a message we sent (its StatusCallback URL names the tenant and the message). */
  @Post('status/:tenantId/:messageId')
  @HttpCode(204)
  async status(
    @Param('tenantId') tenantId: string,
    @Param('messageId') messageId: string,
    @Body() params: Record<string, string>,
  ): Promise<void> {
    await this.webhooks.status(tenantId, messageId, params);
  }
}
