// A worker process for the crash tests (apps/api/test/medium/outbox-crash.spec.ts), which SIGKILLs it
// mid-run and starts it again. The job records each execution in CRASH_SCHEMA.effects inside the handler's
// transaction; a short pause widens the window in which a kill lands between the effect and the commit.
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from '@ontrack/db/client';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, JobRegistry } from '../../src/platform/outbox/job-definition.js';
import { OutboxRunner } from '../../src/platform/outbox/outbox-runner.js';

const schema = process.env.CRASH_SCHEMA ?? '';
if (!/^[a-z0-9_]+$/.test(schema)) throw new Error('CRASH_SCHEMA is required');
const effect = defineJob({
  name: 'test.crash-effect',
  version: 1,
  payload: z.object({ n: z.number().int() }),
  async handle({ tx, eventId, attempt }) {
    await tx.execute(sql.raw(`insert into ${schema}.effects (event_id, attempt) values ('${eventId}', ${attempt})`));
    await sleep(10);
  },
});

const database = createDatabase(process.env.APP_DATABASE_URL ?? '', { max: 10 });
const runner = new OutboxRunner(database.db, new JobRegistry([effect as never]), {
  pollMs: 20,
  leaseMs: Number(process.env.CRASH_LEASE_MS ?? 1500),
  concurrency: 4,
  backoffBaseMs: 10,
  redisUrl: process.env.REDIS_URL || undefined,
  queueName: process.env.CRASH_QUEUE,
  onError: () => {}, // Redis or the database going away is the point of these tests
});
runner.start();
process.once('SIGTERM', () => {
  void runner.stop().then(() => database.close());
});
