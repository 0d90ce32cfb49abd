import type { Database } from '@ontrack/db/client';
import { type SessionContext, sessionContextStatement } from '@ontrack/db/session-context';
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';

/**
 * The single transaction of one request, on a connection reserved from the pool for the request's
 * lifetime. It is opened by the tenant guard (the first code that needs the database), used by every
 * repository through `db`, and ended by the transaction interceptor (commit after a successful handler,
 * rollback otherwise) or, if the request never reached the handler, by the response hook.
 *
 * BEGIN and the session settings are sent without waiting for each other: postgres.js pipelines
 * statements on one connection, so opening the transaction costs no extra round trip before the first query.
 */
export class RequestTransaction {
  private finished = false;
  private database: Database | undefined;

  private constructor(
    private readonly connection: postgres.ReservedSql,
    private readonly pool: postgres.Sql,
  ) {}

  static async open(pool: postgres.Sql, context: SessionContext): Promise<RequestTransaction> {
    const connection = await pool.reserve();
    const transaction = new RequestTransaction(connection, pool);
    try {
      await Promise.all([connection`begin`, transaction.applySettings(context)]);
    } catch (error) {
      await transaction.rollback();
      throw error;
    }
    return transaction;
  }

  /** Raw postgres.js access, for the few statements Drizzle cannot express. */
  get sql(): postgres.ReservedSql {
    this.assertOpen();
    return this.connection;
  }

  /** Drizzle bound to this transaction. */
  get db(): Database {
    this.assertOpen();
    // Drizzle reads (and adjusts) the client's type parsers through `options`, which a reserved connection
    // shares with its pool but does not expose: hand it the pool's.
    this.database ??= drizzle({
      client: Object.assign(this.connection, { options: this.pool.options }),
      casing: 'snake_case',
    }) as unknown as Database;
    return this.database;
  }

  get isOpen(): boolean {
    return !this.finished;
  }

  async applySettings(context: SessionContext): Promise<void> {
    await this.db.execute(sessionContextStatement(context));
  }

  async commit(): Promise<void> {
    await this.end('commit');
  }

  async rollback(): Promise<void> {
    await this.end('rollback');
  }

  private async end(statement: 'commit' | 'rollback'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.connection.unsafe(statement);
    } finally {
      this.connection.release();
    }
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('the request transaction is already finished');
  }
}
