import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Database = PostgresJsDatabase;

export interface DatabaseHandle {
  db: Database;
  /** The underlying postgres.js client, for health checks and the rare statement Drizzle cannot express. */
  sql: postgres.Sql;
  close(timeoutSeconds?: number): Promise<void>;
}

export interface DatabaseOptions {
  /** Pool size. The API keeps it small: one transaction per request, and Postgres prefers few connections. */
  max?: number;
  applicationName?: string;
  /**
   * PostgreSQL's statement_timeout for every connection of the pool (ms; 0 or absent: none). A statement that
   * runs longer is cancelled with SQLSTATE 57014 and its transaction rolls back, so one runaway query cannot
   * hold a pooled connection for good.
   */
  statementTimeoutMs?: number;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    connection: {
      application_name: options.applicationName ?? 'ontrack',
      ...(options.statementTimeoutMs && { statement_timeout: options.statementTimeoutMs }),
    },
    // Notices (e.g. "relation already exists, skipping") are expected from idempotent DDL; not worth a log line.
    onnotice: () => {},
  });
  const db = drizzle({ client: sql, casing: 'snake_case' });
  return {
    db,
    sql,
    close: (timeoutSeconds = 5) => sql.end({ timeout: timeoutSeconds }),
  };
}
