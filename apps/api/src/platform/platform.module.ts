import { Global, Module } from '@nestjs/common';
import { ActivityRecorder } from './activity/activity-recorder.js';
import { AccessTokens } from './auth/access-token.js';
import { AccessCache } from './tenancy/access-cache.js';
import { TenancyRepository } from './tenancy/tenancy.repository.js';

/** Cross-cutting services every domain module may inject. */
@Global()
@Module({
  providers: [AccessTokens, TenancyRepository, ActivityRecorder, AccessCache],
  exports: [AccessTokens, TenancyRepository, ActivityRecorder, AccessCache],
})
export class PlatformModule {}
