import { Global, Logger, Module } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { DisabledSmsSender } from './disabled-sms.sender.js';
import { isTwilioConfigured, readSmsConfig, SMS_CONFIG, type SmsConfig } from './sms.config.js';
import { SMS_SENDER, type SmsSender } from './sms.port.js';
import { TwilioSmsSender } from './twilio-sms.sender.js';
import { TwilioWebhookVerifier } from './twilio-webhook.verifier.js';

/** Twilio when configured; otherwise the disabled sender, also in production: SMS is optional, email is not. */
export function createSmsSender(sms: SmsConfig): SmsSender {
  if (isTwilioConfigured(sms)) return TwilioSmsSender.fromConfig(sms);
  new Logger('Sms').log('TWILIO_* is not set: SMS is disabled, notifications go by email');
  return new DisabledSmsSender();
}

/**
 * Provides SMS_SENDER (see sms.port.ts), SMS_CONFIG and TwilioWebhookVerifier (which TwilioSignatureGuard needs)
 * to every module; register it in the API and the worker.
 */
@Global()
@Module({
  providers: [
    {
      provide: SMS_CONFIG,
      inject: [APP_CONFIG],
      // configSchema already checked these; parsing again keeps a hand-made AppConfig (tests) to the same rules.
      useFactory: (config: AppConfig): SmsConfig => readSmsConfig(config),
    },
    {
      provide: SMS_SENDER,
      inject: [SMS_CONFIG],
      useFactory: createSmsSender,
    },
    TwilioWebhookVerifier,
  ],
  exports: [SMS_CONFIG, SMS_SENDER, TwilioWebhookVerifier],
})
export class SmsModule {}
