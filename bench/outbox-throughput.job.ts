// The job of the outbox bench (bench/outbox-throughput.ts), shared by the producer and the runner process.
// bench/ is not a workspace package and has no dependencies of its own: zod and drizzle-orm are imported from
// apps/api/node_modules, i.e. the very copies the API's outbox code loads.
import { sql } from '../apps/api/node_modules/drizzle-orm/index.js';
import { z } from '../apps/api/node_modules/zod/index.cjs';
import { defineJob } from '../apps/api/src/platform/outbox/job-definition.js';

/** Outside `public`, so the app role's grants on `public` (re-asserted by every migration) leave it alone. */
export const BENCH_SCHEMA = 'bench_outbox';

/** Run by the owner on the scratch database: the table the handler writes, readable by the app role. */
export const BENCH_SCHEMA_DDL = `
  create schema ${BENCH_SCHEMA};
  create table ${BENCH_SCHEMA}.handled (
    tenant_id uuid not null,
    event_id uuid not null,
    seq int not null,
    attempt int not null,
    handled_at timestamptz not null default clock_timestamp(),
    primary key (tenant_id, event_id)
  );
  grant usage on schema ${BENCH_SCHEMA} to ontrack_app;
  grant select, insert on ${BENCH_SCHEMA}.handled to ontrack_app;`;

/**
 * A small, realistic handler: one indexed insert in the job's transaction (which also marks the event done).
 * The primary key turns a second execution of an event into an error, so "exactly once" is checked for free.
 */
export const benchJob = defineJob({
  name: 'bench.outbox-throughput',
  version: 1,
  payload: z.object({ seq: z.number().int().nonnegative() }),
  async handle({ tx, tenantId, eventId, attempt }, payload) {
    await tx.execute(sql`
      insert into ${sql.identifier(BENCH_SCHEMA)}.handled (tenant_id, event_id, seq, attempt)
      values (${tenantId}, ${eventId}, ${payload.seq}, ${attempt})`);
  },
});
