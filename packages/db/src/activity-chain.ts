import { createHash } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type { PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import { newId } from './ids.js';
import { type ActivityRow, activityLog } from './schema/activity.js';

/** A Drizzle transaction (or database) on postgres.js, as `db.transaction()` hands it to its callback. */
export type ActivityExecutor = PgDatabase<PostgresJsQueryResultHKT>;

/** `prev_hash` of a tenant's first entry (seq 1): there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag leading every canonical entry, so a future format can be told apart from this one. */
export const ACTIVITY_ENTRY_FORMAT = 'ontrack.activity_log.v1';

/** The last link of a tenant's chain; `{ seq: 0, hash: GENESIS_HASH }` while the chain is empty. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Everything `hash` covers: a stored row minus the hash itself. */
export type HashedActivityFields = Omit<ActivityRow, 'hash'>;

// A high surrogate not followed by a low one, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * JSON Canonicalization Scheme (RFC 8785) of a JSON value: no whitespace, object keys sorted by UTF-16
 * code units (JavaScript's default string order, which RFC 8785 prescribes), strings and numbers written
 * as ECMAScript's JSON.stringify writes them. JCS libraries exist for most languages, which is why the
 * chain uses it rather than an ad-hoc format. Refuses what has no single JSON form (undefined, NaN,
 * Infinity, bigint, class instances such as Date, lone UTF-16 surrogates) instead of guessing.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new TypeError('canonicalJson: string with a lone UTF-16 surrogate');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        throw new TypeError('canonicalJson: only plain objects, arrays and primitives have a canonical form');
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .map((key) => `${canonicalJson(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

/**
 * The exact text that an entry's `hash` is the SHA-256 of (UTF-8, lowercase hex digest). A verifier in
 * another language reproduces it as the RFC 8785 (JCS) serialization of this 17-element JSON array:
 *
 *   [ "ontrack.activity_log.v1", tenant_id, seq, id, occurred_at, actor_type, actor_user_id, actor_label,
 *     entity_type, entity_id, action, summary, sensitive_read, request_id, ip, user_agent, prev_hash ]
 *
 * - tenant_id, id, actor_user_id: lowercase hyphenated UUID strings (as PostgreSQL prints uuid);
 * - seq: JSON integer; sensitive_read: JSON boolean;
 * - summary: the jsonb object, keys sorted recursively, numbers read as IEEE-754 doubles (as JCS requires);
 * - occurred_at: ISO-8601 UTC with exactly three fraction digits, e.g. "2026-11-24T01:02:03.045Z";
 * - ip: the inet value as PostgreSQL outputs it to a client ("10.0.0.1", "2001:db8::1", "10.0.0.0/8"; not
 *   `ip::text`, which always appends the prefix length);
 * - actor_type, actor_label, entity_type, action, request_id, user_agent, entity_id: the text as stored;
 * - prev_hash: the previous entry's hash, or 64 zeros for seq 1;
 * - a NULL column is JSON null.
 * Example: ["ontrack.activity_log.v1","0197…",1,"0197…","2026-11-24T01:02:03.045Z","user","0197…",
 * "admin@demo.test","invoice","0197…","update",{"total":[100,120]},false,"req-1","10.0.0.1","curl/8",
 * "000…000"].
 */
export function canonicalEntry(row: HashedActivityFields): string {
  return canonicalJson([
    ACTIVITY_ENTRY_FORMAT,
    row.tenantId.toLowerCase(),
    row.seq,
    row.id.toLowerCase(),
    row.occurredAt.toISOString(),
    row.actorType,
    row.actorUserId?.toLowerCase() ?? null,
    row.actorLabel,
    row.entityType,
    row.entityId,
    row.action,
    row.summary,
    row.sensitiveRead,
    row.requestId,
    row.ip,
    row.userAgent,
    row.prevHash,
  ]);
}

/** Lowercase hex SHA-256 of the entry's canonical form (see canonicalEntry). */
export function hashEntry(row: HashedActivityFields): string {
  return createHash('sha256').update(canonicalEntry(row), 'utf8').digest('hex');
}

/** One entry to append; the chain fields (seq, prev_hash, hash) are assigned by appendActivity. */
export interface ActivityEntryInput {
  tenantId: string;
  /** Defaults to a new UUIDv7. */
  id?: string;
  /** Defaults to now. Millisecond precision, like the column. */
  occurredAt?: Date;
  actorType: ActivityRow['actorType'];
  actorUserId?: string | null;
  actorLabel: string;
  entityType: string;
  entityId?: string | null;
  action: string;
  /** Plain JSON; anything else (Date, undefined members) is reduced to what jsonb will store. */
  summary?: Record<string, unknown>;
  sensitiveRead?: boolean;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

type PreparedEntry = Omit<HashedActivityFields, 'seq' | 'prevHash'>;

/**
 * Appends entries of ONE tenant to its chain, inside the caller's transaction, which must already have
 * applied that tenant's context (RLS) and run at READ COMMITTED (the default), and returns the stored rows
 * in seq order.
 *
 * Concurrency: a transaction-scoped advisory lock per tenant serializes appenders. It is taken in its own
 * statement and the head is read in the next one: at READ COMMITTED each statement takes a fresh snapshot,
 * so the head read sees the rows of the previous lock holder, which committed before releasing the lock.
 * (Under REPEATABLE READ the snapshot could predate the lock: the insert would then fail on the
 * (tenant_id, seq) primary key rather than fork the chain, and the caller would have to retry.)
 *
 * The lock is held until the caller commits or rolls back, so every other write of activity for the
 * tenant waits for the rest of this transaction: make the append the LAST statement before commit.
 */
export async function appendActivity(
  tx: ActivityExecutor,
  entries: readonly ActivityEntryInput[],
): Promise<ActivityRow[]> {
  const first = entries[0];
  if (!first) return [];
  const tenantId = first.tenantId.toLowerCase();
  const prepared = entries.map((entry) => prepareEntry(entry, tenantId));
  // The inet normalization does not depend on the chain: it travels with the lock (postgres.js pipelines statements
  // on one connection). The head is read by a statement of its own, sent once the lock is held — under READ
  // COMMITTED a statement sees what was committed when it started, so a read queued before the lock was granted
  // could miss the entry of the writer it waited for.
  await Promise.all([
    normalizeIps(tx, prepared),
    tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('activity_log:' || ${tenantId}::uuid, 0))`),
  ]);
  let { seq, hash } = await readChainHead(tx, tenantId);
  const rows = prepared.map((entry) => {
    seq += 1;
    const row: HashedActivityFields = { ...entry, seq, prevHash: hash };
    hash = hashEntry(row);
    return { ...row, hash };
  });
  const stored = await tx.insert(activityLog).values(rows).returning();
  stored.sort((a, b) => a.seq - b.seq);
  // An entry whose stored form does not hash to what was computed would show the chain as broken
  // forever; refusing it here rolls the caller's transaction back instead.
  for (const row of stored) {
    if (hashEntry(row) !== row.hash) {
      throw new Error(`activity entry ${row.id} does not hash as stored (a field was normalized by PostgreSQL)`);
    }
  }
  return stored;
}

function prepareEntry(entry: ActivityEntryInput, tenantId: string): PreparedEntry {
  if (entry.tenantId.toLowerCase() !== tenantId) {
    throw new Error('appendActivity: all entries of one call must belong to the same tenant');
  }
  const occurredAt = new Date(entry.occurredAt?.getTime() ?? Date.now());
  if (Number.isNaN(occurredAt.getTime())) throw new Error('appendActivity: occurredAt is not a valid date');
  return {
    tenantId,
    id: (entry.id ?? newId()).toLowerCase(),
    occurredAt,
    actorType: entry.actorType,
    actorUserId: entry.actorUserId?.toLowerCase() ?? null,
    actorLabel: entry.actorLabel,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    action: entry.action,
    // What jsonb will hand back: toJSON applied, undefined members dropped.
    summary: JSON.parse(JSON.stringify(entry.summary ?? {})) as Record<string, unknown>,
    sensitiveRead: entry.sensitiveRead ?? false,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
  };
}

/**
 * Replaces each ip with PostgreSQL's own text output of it ("10.0.0.1/32" → "10.0.0.1", "2001:DB8:0::1" →
 * "2001:db8::1"), which is what reading the row gives back and therefore what must be hashed.
 */
async function normalizeIps(tx: ActivityExecutor, entries: PreparedEntry[]): Promise<void> {
  const ips = entries.map((entry) => entry.ip);
  if (ips.every((ip) => ip === null)) return;
  const normalized = await tx.execute<{ ip: string | null }>(sql`
    select value::inet as ip
    from jsonb_array_elements_text(${JSON.stringify(ips)}::jsonb) with ordinality as input(value, position)
    order by position`);
  entries.forEach((entry, index) => {
    entry.ip = normalized[index]?.ip ?? null;
  });
}

/** The tenant's last entry as visible to `tx` (RLS applies: run it in that tenant's context). */
export async function readChainHead(tx: ActivityExecutor, tenantId: string): Promise<ChainHead> {
  const [head] = await tx
    .select({ seq: activityLog.seq, hash: activityLog.hash })
    .from(activityLog)
    .where(eq(activityLog.tenantId, tenantId))
    .orderBy(desc(activityLog.seq))
    .limit(1);
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Rows of the tenant with seq > `after` (all from the lowest when undefined, so that a stray seq <= 0 is
 * seen too), in seq order: keyset pagination on the primary key.
 */
export function readChainBatch(tx: ActivityExecutor, tenantId: string, after: number | undefined, limit: number) {
  return tx
    .select()
    .from(activityLog)
    .where(and(eq(activityLog.tenantId, tenantId), after === undefined ? undefined : gt(activityLog.seq, after)))
    .orderBy(activityLog.seq)
    .limit(limit);
}
