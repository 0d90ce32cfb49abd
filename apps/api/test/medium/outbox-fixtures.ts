import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../src/platform/outbox/job-definition.js';

/**
 * A tenant of its own and an `effects` table outside `public` (so the catalog gate running in parallel
 * does not see it), where test jobs record what they did: counting rows per event tells "exactly once".
 */
export async function createOutboxFixture(ownerUrl: string, appUrl: string) {
  const tenantId = newId();
  const schema = `outbox_test_${tenantId.replaceAll('-', '').slice(-12)}`;
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  await owner.begin(async (tx) => {
    await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${tenantId}, true)`;
    await tx`insert into tenants (id, slug, name) values (${tenantId}, ${`outbox-${tenantId}`}, 'Outbox tests')`;
    await tx.unsafe(`
      create schema ${schema};
      create table ${schema}.effects (event_id uuid not null, attempt int not null, at timestamptz default now());
      grant usage on schema ${schema} to ontrack_app;
      grant select, insert on ${schema}.effects to ontrack_app;`);
  });
  const app: DatabaseHandle = createDatabase(appUrl, { max: 8 });

  const effect = defineJob({
    name: 'test.effect',
    version: 1,
    payload: z.object({ n: z.number().int() }),
    async handle({ tx, eventId, attempt }) {
      await tx.execute(sql.raw(`insert into ${schema}.effects (event_id, attempt) values ('${eventId}', ${attempt})`));
    },
  });
  const failing = defineJob({
    name: 'test.failing',
    version: 1,
    maxAttempts: 3,
    payload: z.object({ reason: z.string() }),
    async handle({ tx, eventId, attempt }, payload) {
      // The effect is written and then undone by the failure: it must never be visible.
      await tx.execute(sql.raw(`insert into ${schema}.effects (event_id, attempt) values ('${eventId}', ${attempt})`));
      throw new Error(payload.reason);
    },
  });

  return {
    tenantId,
    app,
    owner,
    jobs: [effect, failing] as JobDefinition<never>[],
    effect,
    failing,
    /** Runs `work` as the app role inside the fixture tenant (as a request transaction would). */
    inTenant<T>(work: (tx: DatabaseHandle['db']) => Promise<T>): Promise<T> {
      return app.db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId });
        return work(tx);
      });
    },
    async schemaName(): Promise<string> {
      return schema;
    },
    async effectCounts(): Promise<Map<string, number>> {
      const rows = await owner.unsafe(`select event_id, count(*)::int as n from ${schema}.effects group by 1`);
      return new Map(rows.map((row) => [row.event_id as string, row.n as number]));
    },
    async events() {
      return owner`select id, status, attempts, last_error from outbox where tenant_id = ${tenantId} order by id`;
    },
    async close() {
      await owner.unsafe(`drop schema if exists ${schema} cascade`);
      await Promise.all([owner.end(), app.close()]);
    },
  };
}
