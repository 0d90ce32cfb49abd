import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { loadSigningKey } from '@ontrack/db/activity-checkpoints';
import type { DatabaseHandle } from '@ontrack/db/client';
import type { Redis } from 'ioredis';
import { type JobDependencies, jobCatalog } from '../../jobs/job-catalog.js';
import { scheduleCatalog } from '../../jobs/schedule-catalog.js';
import { AuthMail } from '../../modules/auth/auth-mail.service.js';
import { MessageDelivery } from '../../modules/notifications/message-delivery.service.js';
import { PropertyGeocoding } from '../../modules/properties/property-geocoding.service.js';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';
import { DATABASE } from '../db/database.module.js';
import { REDIS } from '../redis/redis.module.js';
import { type JobDefinition, JobRegistry } from './job-definition.js';
import { OUTBOX_CHANNEL, OutboxRunner, warnUnlessNoEviction } from './outbox-runner.js';
import { Scheduler } from './scheduler.js';

/**
 * Starts the relay, the handlers and the scheduler (every SCHEDULER_TICK_MS) in this process when RUN_WORKERS
 * says so (see config.schema.ts).
 */
@Injectable()
export class OutboxWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private runner: OutboxRunner | undefined;
  private scheduler: Scheduler | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly moduleRef: ModuleRef,
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
    const deps = this.jobDependencies();
    const jobs = onlyJobs(jobCatalog(deps), this.config.OUTBOX_JOBS);
    this.runner = new OutboxRunner(this.database.db, new JobRegistry(jobs), {
      pollMs: this.config.OUTBOX_POLL_MS,
      leaseMs: this.config.OUTBOX_LEASE_MS,
      concurrency: this.config.OUTBOX_CONCURRENCY,
      backoffBaseMs: this.config.OUTBOX_BACKOFF_MS,
      redisUrl: this.config.REDIS_URL,
      queueName: this.config.OUTBOX_QUEUE,
      tenants: this.config.OUTBOX_TENANTS,
      listen: async (onCommitted) => {
        // postgres.js keeps LISTEN on a connection of its own (outside the pool) and re-listens after a reconnect.
        const { unlisten } = await this.database.sql.listen(OUTBOX_CHANNEL, onCommitted);
        return unlisten;
      },
      onError: (error, where) => this.logger.error({ err: error }, `${where} failed`),
      onProcessed: (event, outcome) => {
        if (outcome === 'dead') this.logger.warn(`outbox event ${event.id} is dead-lettered`);
      },
    });
    this.runner.start();
    this.logger.log(`workers running in this process (${this.config.REDIS_URL ? 'BullMQ' : 'in-process'} transport)`);
    const runs = new Set(jobs.map((job) => job.name));
    const schedules = scheduleCatalog(deps).filter((schedule) => runs.has(schedule.job.name));
    this.scheduler = new Scheduler(this.database.db, schedules, {
      onError: (error, where) => this.logger.error({ err: error }, `${where} failed`),
    });
    this.scheduler.start(this.config.SCHEDULER_TICK_MS);
  }

  private jobDependencies(): JobDependencies {
    const auditSigningKey = this.config.AUDIT_SIGNING_KEY ? loadSigningKey(this.config.AUDIT_SIGNING_KEY) : undefined;
    if (!auditSigningKey) {
      this.logger.warn(
        'AUDIT_SIGNING_KEY is not set: activity-log checkpoints are not signed, so a rewrite of the log by ' +
          'someone with database superuser access would go unnoticed (see docs/audit.md)',
      );
    }
    // Handlers live in their domain modules; the platform finds them at start-up instead of importing them.
    const messageDelivery = this.moduleRef.get(MessageDelivery, { strict: false });
    const authMail = this.moduleRef.get(AuthMail, { strict: false });
    const propertyGeocoding = this.moduleRef.get(PropertyGeocoding, { strict: false });
    return { auditSigningKey, messageDelivery, authMail, propertyGeocoding };
  }

  // Before the database pool closes (onApplicationShutdown): running handlers finish first.
  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler?.stop();
    await this.runner?.stop();
  }
}

/** OUTBOX_JOBS narrows the jobs (and so the schedules) of this process; unset, it runs every job it knows. */
function onlyJobs(jobs: readonly JobDefinition<never>[], names: readonly string[] | undefined) {
  return names ? jobs.filter((job) => names.includes(job.name)) : jobs;
}
