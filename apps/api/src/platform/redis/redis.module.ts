import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';

/** Injection token of the shared Redis client, or `null` when REDIS_URL is not set (the embedded default). */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis | null => {
        if (!config.REDIS_URL) return null;
        const redis = new Redis(config.REDIS_URL, {
          lazyConnect: true,
          // Fail fast instead of queueing commands forever while Redis is down; readiness reports it.
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectionName: 'ontrack-api',
        });
        // ioredis reconnects by itself; without a listener every failed attempt is an "unhandled error event".
        redis.on('error', () => {});
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') {
      await this.redis.quit().catch(() => this.redis?.disconnect());
    }
  }
}
