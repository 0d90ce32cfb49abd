import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger, LoggerModule } from 'nestjs-pino';
import { EmailModule } from './integrations/email/email.module.js';
import { SmsModule } from './integrations/sms/sms.module.js';
import { AuthMailModule } from './modules/auth/auth-mail.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { PropertyGeocodingModule } from './modules/properties/property-geocoding.module.js';
import { ConfigModule } from './platform/config/config.module.js';
import { InvalidConfigError, loadConfig } from './platform/config/load-config.js';
import { DatabaseModule } from './platform/db/database.module.js';
import { OutboxModule } from './platform/outbox/outbox.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { RedisModule } from './platform/redis/redis.module.js';

/**
 * `node dist/worker.js`: the outbox relay and job handlers without the HTTP server, for deployments with
 * Redis (BullMQ) where workers scale apart from the API. It connects as ontrack_app like the API.
 * SIGTERM stops leasing, lets running handlers finish, then closes the pools; anything unfinished is
 * leased again later by another worker, and its effects commit at most once.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = { ...loadConfig(), RUN_WORKERS: 'true' };
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      console.error(`${error.message}\nSee .env.example and the README for every variable.`);
      process.exit(78);
    }
    throw error;
  }

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
      DatabaseModule,
      RedisModule,
      OutboxModule,
      EmailModule,
      SmsModule,
      PlatformModule,
      // Job handlers live in their domain modules (the deliver-message handler is in NotificationsModule).
      NotificationsModule,
      AuthMailModule,
      PropertyGeocodingModule,
    ],
  })
  class WorkerModule {}

  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  app.get(Logger).log('OnTrack worker started', 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
