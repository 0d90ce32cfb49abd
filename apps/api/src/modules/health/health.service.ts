import { Inject, Injectable } from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import type { DependencyCheck, Readiness } from '@ontrack/schemas/health';
import type { Redis } from 'ioredis';
import { DATABASE } from '../../platform/db/database.module.js';
import { REDIS } from '../../platform/redis/redis.module.js';

/** A dependency that does not answer within this time counts as down: a load balancer should not wait longer. */
const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  async readiness(): Promise<Readiness> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const ready = database.status === 'up' && redis.status !== 'down';
    return { status: ready ? 'ready' : 'not_ready', checks: { database, redis } };
  }

  private checkDatabase(): Promise<DependencyCheck> {
    return timeCheck(async () => {
      await this.database.sql`select 1`;
    });
  }

  private checkRedis(): Promise<DependencyCheck> {
    const redis = this.redis;
    if (!redis) return Promise.resolve({ status: 'not_configured' });
    return timeCheck(async () => {
      if (redis.status === 'wait') await redis.connect();
      await redis.ping();
    });
  }
}

async function timeCheck(probe: () => Promise<void>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

// Only the error's code and message: never a connection string (it may carry a password).
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return 'unknown error';
}
