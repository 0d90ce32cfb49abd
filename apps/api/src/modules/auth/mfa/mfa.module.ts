import { Module } from '@nestjs/common';
import { AccountEmailService } from './account-email.service.js';
import { MfaController } from './mfa.controller.js';
import { MfaRepository } from './mfa.repository.js';
import { MfaService } from './mfa.service.js';
import { RecentAuth } from './recent-auth.js';
import { SecretBox } from './secret-box.js';

/**
 * TOTP second factor, recovery codes and re-authentication. Needs SessionService (AuthModule) and
 * RateLimiter (RateLimitModule), both global.
 */
@Module({
  controllers: [MfaController],
  providers: [MfaService, AccountEmailService, MfaRepository, RecentAuth, SecretBox],
  exports: [RecentAuth],
})
export class MfaModule {}
