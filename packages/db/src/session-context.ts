import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * What row-level security policies read, set once at the start of a transaction and transaction-local
 * (`set_config(..., true)`), so it can never leak to the next user of a pooled connection.
 *   app.tenant_id  the tenant whose rows are visible ('' = none)
 *   app.user_id    the acting user ('' = none)
 *   app.scopes     comma-separated role scopes of that user in that tenant (tenant, assigned, ...)
 *   app.role       comma-separated role keys, for logs and policies that name a role
 *   app.context    'request' for user requests, 'system:<name>' for named system work (seed, jobs)
 */
export interface SessionContext {
  tenantId?: string;
  userId?: string;
  roles?: readonly string[];
  scopes?: readonly string[];
  /** Name of the system task, for work outside a request (never set from a request). */
  system?: string;
}

type Executor = Pick<PgDatabase<PgQueryResultHKT>, 'execute'>;

export function sessionContextStatement(context: SessionContext) {
  return sql`select
    set_config('app.tenant_id', ${context.tenantId ?? ''}, true),
    set_config('app.user_id', ${context.userId ?? ''}, true),
    set_config('app.role', ${(context.roles ?? []).join(',')}, true),
    set_config('app.scopes', ${(context.scopes ?? []).join(',')}, true),
    set_config('app.context', ${context.system ? `system:${context.system}` : 'request'}, true)`;
}

export async function applySessionContext(tx: Executor, context: SessionContext): Promise<void> {
  await tx.execute(sessionContextStatement(context));
}
