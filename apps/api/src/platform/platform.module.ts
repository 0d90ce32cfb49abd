import { Global, Module } from '@nestjs/common';
import { ActivityRecorder } from './activity/activity-recorder.js';
import { AccessTokens } from './auth/access-token.js';
import { TenancyRepository } from './tenancy/tenancy.repository.js';

/** Cross-cutting services every domain module may inject. */
@Global()
@Module({
  providers: [AccessTokens, TenancyRepository, ActivityRecorder],
  exports: [AccessTokens, TenancyRepository, ActivityRecorder],
})
export class PlatformModule {}
