import type { SigningKey } from '@ontrack/db/activity-checkpoints';
import type { Database } from '@ontrack/db/client';
import { outbox } from '@ontrack/db/schema/outbox';
import { applySessionContext } from '@ontrack/db/session-context';
import { and, eq, inArray } from 'drizzle-orm';
import { auditCheckpoint, auditCheckpointJob } from '../../src/jobs/audit-checkpoint.job.js';
import { scheduleCatalog } from '../../src/jobs/schedule-catalog.js';
import { JobRegistry } from '../../src/platform/outbox/job-definition.js';
import { type ProcessOutcome, processEvent } from '../../src/platform/outbox/outbox-store.js';
import { type ScheduleRun, Scheduler } from '../../src/platform/outbox/scheduler.js';

/**
 * A scheduler of the real schedule catalog (as a process with `key` builds it), limited to the given
 * businesses so that other test files' outboxes are left alone. Errors are thrown, not logged.
 */
export function checkpointScheduler(db: Database, key: SigningKey, tenantIds: readonly string[]): Scheduler {
  return new Scheduler(db, scheduleCatalog({ auditSigningKey: key }), {
    tenantIds,
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Runs the pending `audit.checkpoint` events of these businesses the way a worker does (processEvent: lock,
 * handler, done in one transaction). Returns the outcome per event id.
 */
export async function runCheckpointEvents(
  db: Database,
  key: SigningKey,
  tenantIds: readonly string[],
): Promise<Map<string, ProcessOutcome>> {
  const events = await db.transaction(async (tx) => {
    await applySessionContext(tx, { system: 'test' });
    return tx
      .select({ tenantId: outbox.tenantId, id: outbox.id })
      .from(outbox)
      .where(
        and(
          inArray(outbox.tenantId, [...tenantIds]),
          eq(outbox.job, auditCheckpoint.name),
          eq(outbox.status, 'pending'),
        ),
      );
  });
  const registry = new JobRegistry([auditCheckpointJob(key) as never]);
  const outcomes = new Map<string, ProcessOutcome>();
  for (const event of events) outcomes.set(event.id, await processEvent(db, registry, event, () => 0));
  return outcomes;
}

/** One tick at `at`, then its events run: the whole scheduled path of checkpoint signing, for these businesses. */
export async function signCheckpointsAt(
  db: Database,
  key: SigningKey,
  at: Date,
  tenantIds: readonly string[],
): Promise<{ run: ScheduleRun | undefined; outcomes: Map<string, ProcessOutcome> }> {
  const [run] = await checkpointScheduler(db, key, tenantIds).tick(at);
  return { run, outcomes: await runCheckpointEvents(db, key, tenantIds) };
}
