import { type SQL, sql } from 'drizzle-orm';

/**
 * A per-tenant advisory lock between checkpoint signing (exclusive) and verification (shared), held until
 * the end of the transaction. The API verifies inside the request transaction, at READ COMMITTED, where each
 * statement sees a fresh snapshot: without the lock, a checkpoint signed while a long walk is under way
 * could be read after the walk's last batch of entries and name a seq the walk never saw, which would look
 * like a truncated chain. (The CLI walks in one REPEATABLE READ snapshot instead; a request cannot, because
 * its transaction has already run statements and must append the verification to the log at commit.)
 */
export function checkpointLock(tenantId: string, mode: 'shared' | 'exclusive'): SQL {
  const key = sql`hashtextextended('activity_checkpoints:' || ${tenantId}::uuid, 0)`;
  return mode === 'shared'
    ? sql`select pg_advisory_xact_lock_shared(${key})`
    : sql`select pg_advisory_xact_lock(${key})`;
}
