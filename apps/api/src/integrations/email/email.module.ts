import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/config.schema.js';
import { APP_CONFIG } from '../../platform/config/load-config.js';
import { type EmailConfig, readEmailConfig } from './email.config.js';
import { EMAIL_SENDER, type EmailSender } from './email.port.js';
import { LogEmailSender } from './log-email.sender.js';
import { SmtpEmailSender } from './smtp-email.sender.js';

/** Injection token of the parsed email settings (SMTP_URL, EMAIL_FROM). */
export const EMAIL_CONFIG = Symbol('EMAIL_CONFIG');

/** SMTP when SMTP_URL is set; otherwise the in-memory log sender, which production refuses. */
export function createEmailSender(email: EmailConfig, nodeEnv: AppConfig['NODE_ENV']): EmailSender {
  if (email.SMTP_URL) return SmtpEmailSender.fromConfig(email);
  if (nodeEnv === 'production') {
    // Silently dropping sign-in links and invoices would be worse than not starting.
    throw new Error('SMTP_URL is required when NODE_ENV=production (npm start sets it to its local MailDev)');
  }
  new Logger('Email').warn('SMTP_URL is not set: emails are logged and kept in memory, not sent');
  return new LogEmailSender(email.EMAIL_FROM);
}

/** Provides EMAIL_SENDER (see email.port.ts) to every module; register it in the API and the worker. */
@Global()
@Module({
  providers: [
    {
      provide: EMAIL_CONFIG,
      inject: [APP_CONFIG],
      // Once the email settings are merged into configSchema, APP_CONFIG carries them (EMAIL_FROM has a
      // default, so it is always there); until then they are read from the environment with the same schema.
      useFactory: (config: AppConfig): EmailConfig =>
        readEmailConfig('EMAIL_FROM' in config ? (config as Record<string, unknown>) : process.env),
    },
    {
      provide: EMAIL_SENDER,
      inject: [EMAIL_CONFIG, APP_CONFIG],
      useFactory: (email: EmailConfig, config: AppConfig): EmailSender => createEmailSender(email, config.NODE_ENV),
    },
  ],
  exports: [EMAIL_CONFIG, EMAIL_SENDER],
})
export class EmailModule implements OnApplicationShutdown {
  constructor(@Inject(EMAIL_SENDER) private readonly sender: EmailSender) {}

  onApplicationShutdown(): void {
    // Pooled SMTP connections would otherwise keep the process alive after SIGTERM.
    if (this.sender instanceof SmtpEmailSender) this.sender.close();
  }
}
