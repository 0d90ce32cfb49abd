import type { Database } from '@ontrack/db/client';
import { type SessionContext, sessionContextStatement } from '@ontrack/db/session-context';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * Plans of the request's prepared statements are reused (transaction-local, so jobs and scripts keep the
 * default). PostgreSQL would otherwise plan each statement afresh for its first executions and keep doing so
 * when the custom plan looks cheaper, which it always does under RLS — and planning the policies (0.45 ms for
 * a contacts page) costs four times running the query (0.1 ms); the generic plan uses the same indexes.
 */
const GENERIC_PLANS = sql`set_config('plan_cache_mode', 'force_generic_plan', true)`;

/**
 * The single transaction of one request, on a connection reserved from the pool for the request's
 * lifetime. It is opened by the tenant guard (the first code that needs the database), used by every
 * repository through `db`, and ended by the transaction interceptor (commit after a successful handler,
 * rollback otherwise) or, if the request never reached the handler, by the response hook.
 *
 * Opening costs no round trip of its own: BEGIN and the session settings are written when the first statement
 * is (the first use of `sql` or `db`), not awaited, so they travel in that statement's flight — postgres.js
 * pipelines statements on one connection, in the order they are issued, and writes what was issued in one tick
 * together. The first statement is the tenant guard's session and membership lookups, or, when the guard
 * answered from its cache, the handler's own: a simple read is then ONE round trip. A failed BEGIN or setting
 * surfaces through the statements behind it (they fail too) and again at commit or rollback.
 */
export class RequestTransaction {
  private finished = false;
  private database: Database | undefined;
  /** BEGIN and the settings, once written. */
  private started: Promise<unknown> | undefined;

  private constructor(
    private readonly connection: postgres.ReservedSql,
    private readonly pool: postgres.Sql,
    private readonly context: SessionContext,
  ) {}

  static async open(pool: postgres.Sql, context: SessionContext): Promise<RequestTransaction> {
    return new RequestTransaction(await pool.reserve(), pool, context);
  }

  /** Raw postgres.js access, for the few statements Drizzle cannot express. */
  get sql(): postgres.ReservedSql {
    this.assertOpen();
    this.begin();
    return this.connection;
  }

  /** Drizzle bound to this transaction. */
  get db(): Database {
    this.assertOpen();
    this.begin();
    this.database ??= drizzle({
      client: preparedStatements(this.connection, this.pool),
      casing: 'snake_case',
    }) as unknown as Database;
    return this.database;
  }

  /**
   * Runs a statement built with Drizzle's `sql` and returns postgres.js's rows as they come (alias → value),
   * without Drizzle's decoding: for a hot read whose repository decodes its rows itself (see
   * ContactsRepository.list). postgres.js parses integers and arrays; timestamps stay text (the parsers
   * Drizzle's client installs), or Date if no Drizzle client was made yet.
   */
  rows<Row>(statement: SQL): Promise<Row[]> {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    return this.sql.unsafe<Row[]>(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
  }

  get isOpen(): boolean {
    return !this.finished;
  }

  async applySettings(context: SessionContext): Promise<void> {
    this.begin();
    await this.settingsQuery(context);
  }

  private begin(): void {
    if (this.started !== undefined) return;
    this.started = Promise.all([this.connection`begin`, this.settingsQuery(this.context, GENERIC_PLANS)]);
    // Observed at the end of the transaction; until then the statements queued behind it report the failure.
    this.started.catch(() => undefined);
  }

  /**
   * The settings statement, issued on the raw connection at once (Drizzle would issue it a microtask later,
   * after a statement queued in the meantime — which would then run without the settings RLS needs).
   */
  private settingsQuery(context: SessionContext, extra?: SQL): postgres.PendingQuery<postgres.Row[]> {
    const settings = sessionContextStatement(context);
    const statement = dialect.sqlToQuery(extra ? sql`${settings}, ${extra}` : settings);
    return this.connection.unsafe(statement.sql, statement.params as postgres.ParameterOrJSON<never>[], {
      prepare: true,
    });
  }

  /**
   * Commits. Unless the caller knows nothing was written, the same flight also reads which access the
   * transaction changed (migration 0015's `app.access_changed`: `user:<id>` / `tenant:<id>` keys), for the
   * caller to forget once the COMMIT has succeeded.
   */
  async commit(options: { readOnly?: boolean } = {}): Promise<string[]> {
    if (this.finished) return [];
    const changes =
      options.readOnly || this.started === undefined
        ? undefined
        : this.connection.unsafe<{ changed: string | null }[]>(
            "select current_setting('app.access_changed', true) as changed",
            [],
            { prepare: true },
          );
    changes?.catch(() => undefined); // a failure here fails the COMMIT behind it, which reports it
    await this.end('commit');
    const [row] = (await changes) ?? [];
    return row?.changed ? row.changed.split(',') : [];
  }

  async rollback(): Promise<void> {
    await this.end('rollback');
  }

  private async end(statement: 'commit' | 'rollback'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (this.started === undefined) {
      this.connection.release(); // nothing was sent: there is no transaction to end
      return;
    }
    try {
      await this.connection.unsafe(statement);
      // A COMMIT after a failed BEGIN or setting "succeeds" (there is no transaction): it must not report success.
      if (statement === 'commit') await this.started;
    } finally {
      this.connection.release();
    }
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('the request transaction is already finished');
  }
}

/**
 * The reserved connection as Drizzle should see it. Drizzle runs its queries through `unsafe()` without
 * preparing them, and postgres.js sends an unprepared statement with parameters as Parse + Describe first,
 * waits for the answer, and holds every statement queued behind it: each query then costs two round trips
 * and nothing pipelines (bench/crm-load.ts traced six round trips for one list request). Prepared, a
 * statement is described once per connection and then goes out at once; PostgreSQL also reuses its plan,
 * which matters under RLS, where planning the policies costs more than running a small query.
 *
 * Drizzle also reads (and adjusts) the client's type parsers through `options`, which a reserved connection
 * shares with its pool but does not expose: it gets the pool's.
 */
function preparedStatements(connection: postgres.ReservedSql, pool: postgres.Sql): postgres.ReservedSql {
  const unsafe: postgres.ReservedSql['unsafe'] = (query, parameters, options) =>
    connection.unsafe(query, parameters, { ...options, prepare: true });
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property === 'unsafe') return unsafe;
      if (property === 'options') return pool.options;
      return Reflect.get(target, property, receiver);
    },
  });
}
