import type { Database } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { outbox } from '@ontrack/db/schema/outbox';
import { applySessionContext } from '@ontrack/db/session-context';
import { and, eq, sql } from 'drizzle-orm';
import type { JobKey, JobRegistry } from './job-definition.js';

export interface EnqueueOptions {
  /** One event per tenant, job and key: scheduled work passes its period, so a period runs once. */
  dedupeKey?: string;
  /** Not before this time. */
  availableAt?: Date;
}

export interface DueEvent {
  tenantId: string;
  id: string;
  job: string;
}

/**
 * Writes an event in the caller's transaction (the one of the change that causes the work). Returns its id,
 * or undefined when an event with the same dedupe key exists already.
 */
export async function enqueueEvent<TPayload>(
  tx: Database,
  tenantId: string,
  job: JobKey<TPayload>,
  payload: TPayload,
  options: EnqueueOptions = {},
): Promise<string | undefined> {
  const parsed = job.payload.parse(payload);
  const [row] = await tx
    .insert(outbox)
    .values({
      tenantId,
      id: newId(),
      job: job.name,
      version: job.version,
      payload: parsed,
      maxAttempts: job.maxAttempts ?? 8,
      dedupeKey: options.dedupeKey ?? null,
      availableAt: options.availableAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return row?.id;
}

/**
 * Leases up to `limit` due events of all tenants for `leaseMs` (system context `outbox-relay`). SKIP LOCKED
 * lets several relays run at once; the lease keeps an event from being dispatched twice while a worker has
 * it, and brings it back if the worker (or Redis, with the job in it) dies. Only jobs this worker knows are
 * leased: during a rolling deploy an old worker leaves a new job to the new workers instead of failing it.
 * `tenants` narrows it to those tenants' events (OUTBOX_TENANTS).
 */
export async function leaseDueEvents(
  db: Database,
  limit: number,
  leaseMs: number,
  jobs: readonly string[],
  tenants?: readonly string[],
): Promise<DueEvent[]> {
  return db.transaction(async (tx) => {
    await applySessionContext(tx, { system: 'outbox-relay' });
    const rows = await tx.execute<{ tenant_id: string; id: string; job: string }>(sql`
      update outbox set leased_until = now() + ${`${leaseMs} milliseconds`}::interval
      where (tenant_id, id) in (
        select tenant_id, id from outbox
        where status = 'pending' and available_at <= now() and (leased_until is null or leased_until < now())
          and job = any(array[${sql.join(
            jobs.map((job) => sql`${job}`),
            sql`, `,
          )}]::text[])
          ${
            tenants
              ? sql`and tenant_id::text = any(array[${sql.join(
                  tenants.map((tenant) => sql`${tenant}`),
                  sql`, `,
                )}]::text[])`
              : sql``
          }
        order by available_at
        limit ${limit}
        for update skip locked)
      returning tenant_id, id, job`);
    return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id, job: row.job }));
  });
}

export type ProcessOutcome = 'done' | 'already-done' | 'retry' | 'dead';

/**
 * Runs one event: in ONE transaction (tenant context, system context `job:<name>`) it locks the event, runs
 * the handler and marks the event done — the handler's database effects and "done" commit together or not
 * at all. A redelivered event that is already done is skipped. A failure is recorded in a second
 * transaction: back off, or dead-letter after maxAttempts.
 */
export async function processEvent(
  db: Database,
  registry: JobRegistry,
  event: Pick<DueEvent, 'tenantId' | 'id'>,
  backoffMs: (attempt: number) => number,
): Promise<ProcessOutcome> {
  let attempt = 0;
  let maxAttempts = 1;
  try {
    return await db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: event.tenantId, system: 'outbox-worker' });
      const [row] = await tx
        .select()
        .from(outbox)
        .where(and(eq(outbox.tenantId, event.tenantId), eq(outbox.id, event.id)))
        .for('update');
      if (!row || row.status !== 'pending') return 'already-done';
      attempt = row.attempts + 1;
      maxAttempts = row.maxAttempts;
      const job = registry.get(row.job);
      if (!job) throw new Error(`no handler for job ${row.job}`);
      if (job.version !== row.version)
        throw new Error(`job ${row.job} v${row.version}: this worker runs v${job.version}`);
      const system = `job:${row.job}`;
      await applySessionContext(tx, { tenantId: event.tenantId, system });
      const separately = <T>(work: (separateTx: Database) => Promise<T>) =>
        db.transaction(async (separateTx) => {
          await applySessionContext(separateTx, { tenantId: event.tenantId, system });
          return work(separateTx);
        });
      await job.handle(
        { tx, tenantId: event.tenantId, eventId: row.id, attempt, maxAttempts, separately },
        job.payload.parse(row.payload),
      );
      await tx
        .update(outbox)
        .set({ status: 'done', attempts: attempt, processedAt: sql`now()`, leasedUntil: null, lastError: null })
        .where(and(eq(outbox.tenantId, event.tenantId), eq(outbox.id, event.id)));
      return 'done';
    });
  } catch (error) {
    if (attempt === 0) throw error; // could not even read the event (database down): the lease brings it back
    const dead = attempt >= maxAttempts;
    await db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: event.tenantId, system: 'outbox-worker' });
      await tx
        .update(outbox)
        .set({
          attempts: attempt,
          status: dead ? 'dead' : 'pending',
          availableAt: sql`now() + ${`${backoffMs(attempt)} milliseconds`}::interval`,
          leasedUntil: null,
          lastError: error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000),
        })
        .where(and(eq(outbox.tenantId, event.tenantId), eq(outbox.id, event.id), eq(outbox.status, 'pending')));
    });
    return dead ? 'dead' : 'retry';
  }
}

/** Exponential backoff with full jitter, capped: 1 s, 2 s, 4 s, … at most an hour. */
export function exponentialBackoff(baseMs: number, capMs = 3_600_000): (attempt: number) => number {
  return (attempt) => Math.round(Math.random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}
