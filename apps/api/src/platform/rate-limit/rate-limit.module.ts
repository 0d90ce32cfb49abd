import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.js';

/** Makes RateLimiter injectable everywhere (the auth flows and TenantGuard's per-tenant ceiling use it). */
@Global()
@Module({
  providers: [RateLimiter],
  exports: [RateLimiter],
})
export class RateLimitModule {}
