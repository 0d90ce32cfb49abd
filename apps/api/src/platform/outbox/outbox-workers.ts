import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { DatabaseHandle } from '@ontrack/db/client';
import type { Redis } from 'ioredis';
import { JOB_CATALOG } from '../../jobs/job-catalog.js';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';
import { DATABASE } from '../db/database.module.js';
import { REDIS } from '../redis/redis.module.js';
import { JobRegistry } from './job-definition.js';
import { OutboxRunner, warnUnlessNoEviction } from './outbox-runner.js';

/** Starts the relay and handlers in this process when RUN_WORKERS says so (see config.schema.ts). */
@Injectable()
export class OutboxWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private runner: OutboxRunner | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  get enabled(): boolean {
    const setting = this.config.RUN_WORKERS;
    return setting === 'true' || (setting === 'auto' && !this.config.REDIS_URL);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.redis) {
      await warnUnlessNoEviction(this.redis, (message) => this.logger.warn(message)).catch((error: unknown) =>
        this.logger.warn(`could not read Redis maxmemory-policy: ${String(error)}`),
      );
    }
    if (!this.enabled) return;
    this.runner = new OutboxRunner(this.database.db, new JobRegistry(JOB_CATALOG), {
      pollMs: this.config.OUTBOX_POLL_MS,
      leaseMs: this.config.OUTBOX_LEASE_MS,
      concurrency: this.config.OUTBOX_CONCURRENCY,
      backoffBaseMs: this.config.OUTBOX_BACKOFF_MS,
      redisUrl: this.config.REDIS_URL,
      queueName: this.config.OUTBOX_QUEUE,
      onError: (error, where) => this.logger.error({ err: error }, `${where} failed`),
      onProcessed: (event, outcome) => {
        if (outcome === 'dead') this.logger.warn(`outbox event ${event.id} is dead-lettered`);
      },
    });
    this.runner.start();
    this.logger.log(`workers running in this process (${this.config.REDIS_URL ? 'BullMQ' : 'in-process'} transport)`);
  }

  // Before the database pool closes (onApplicationShutdown): running handlers finish first.
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
