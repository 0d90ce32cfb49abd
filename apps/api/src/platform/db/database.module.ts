import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import type { AppConfig } from '../config/config.schema.js';
import { APP_CONFIG } from '../config/load-config.js';

/** Injection token of the pool connected as the application role. */
export const DATABASE = Symbol('DATABASE');

@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [APP_CONFIG],
      // postgres.js connects lazily: building the app (e.g. to write the OpenAPI spec) opens no connection.
      useFactory: (config: AppConfig): DatabaseHandle =>
        createDatabase(config.APP_DATABASE_URL, {
          max: config.DATABASE_POOL_MAX,
          applicationName: 'ontrack-api',
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
        }),
    },
  ],
  exports: [DATABASE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  // Runs after the HTTP server stopped accepting and drained its requests, so no query is cut off.
  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
