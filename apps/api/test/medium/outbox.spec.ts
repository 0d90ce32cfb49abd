import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobRegistry } from '../../src/platform/outbox/job-definition.js';
import { OUTBOX_CHANNEL, OutboxRunner, type OutboxRunnerOptions } from '../../src/platform/outbox/outbox-runner.js';
import { enqueueEvent } from '../../src/platform/outbox/outbox-store.js';
import { createOutboxFixture } from './outbox-fixtures.js';

let fixture: Awaited<ReturnType<typeof createOutboxFixture>>;
beforeAll(async () => {
  fixture = await createOutboxFixture(inject('ownerDatabaseUrl'), inject('appDatabaseUrl'));
});
afterAll(() => fixture.close());

const fast: OutboxRunnerOptions = { pollMs: 20, leaseMs: 5_000, concurrency: 4, backoffBaseMs: 10 };

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(25);
  }
}

async function withRunner(options: Partial<OutboxRunnerOptions>, work: () => Promise<void>): Promise<void> {
  const runner = new OutboxRunner(fixture.app.db, new JobRegistry(fixture.jobs), { ...fast, ...options });
  runner.start();
  try {
    await work();
  } finally {
    await runner.stop();
  }
}

describe('the transactional outbox', () => {
  it('keeps no event of a transaction that rolled back', async () => {
    await expect(
      fixture.inTenant(async (tx) => {
        await enqueueEvent(tx, fixture.tenantId, fixture.effect, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await fixture.events()).toHaveLength(0);
  });

  it('refuses a payload that does not match the job schema, naming the field', async () => {
    await expect(
      fixture.inTenant((tx) => enqueueEvent(tx, fixture.tenantId, fixture.effect, { n: 'one' as never })),
    ).rejects.toThrow(/n/);
  });

  it('runs each committed event exactly once, in process', async () => {
    const ids = await fixture.inTenant(async (tx) => {
      const created: (string | undefined)[] = [];
      for (let n = 0; n < 20; n++) created.push(await enqueueEvent(tx, fixture.tenantId, fixture.effect, { n }));
      return created;
    });
    await withRunner({}, () =>
      until(async () => (await fixture.events()).filter((event) => event.status === 'done').length === 20),
    );
    const counts = await fixture.effectCounts();
    expect(ids.map((id) => counts.get(id as string))).toEqual(Array(20).fill(1));
  });

  it('runs a period at most once: a second event with the same dedupe key is not written', async () => {
    const first = await fixture.inTenant((tx) =>
      enqueueEvent(tx, fixture.tenantId, fixture.effect, { n: 1 }, { dedupeKey: '2026-11-24' }),
    );
    const second = await fixture.inTenant((tx) =>
      enqueueEvent(tx, fixture.tenantId, fixture.effect, { n: 2 }, { dedupeKey: '2026-11-24' }),
    );
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
  });

  it('retries a failing job with backoff, then dead-letters it with the error; its effects never commit', async () => {
    const id = await fixture.inTenant((tx) =>
      enqueueEvent(tx, fixture.tenantId, fixture.failing, { reason: 'SMTP said no' }),
    );
    await withRunner({}, () =>
      until(async () => (await fixture.events()).some((event) => event.id === id && event.status === 'dead')),
    );
    const event = (await fixture.events()).find((row) => row.id === id);
    expect(event).toMatchObject({ status: 'dead', attempts: 3, last_error: 'SMTP said no' });
    expect((await fixture.effectCounts()).get(id as string)).toBeUndefined();
  });

  it('works the same through BullMQ when Redis is configured', async () => {
    const ids = await fixture.inTenant(async (tx) => {
      const created: (string | undefined)[] = [];
      for (let n = 0; n < 10; n++) created.push(await enqueueEvent(tx, fixture.tenantId, fixture.effect, { n }));
      return created;
    });
    await withRunner(
      {
        redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        queueName: `ontrack-outbox-test-${fixture.tenantId}`,
      },
      () =>
        until(async () => {
          const done = new Set((await fixture.events()).filter((e) => e.status === 'done').map((e) => e.id));
          return ids.every((id) => done.has(id));
        }),
    );
    const counts = await fixture.effectCounts();
    expect(ids.map((id) => counts.get(id as string))).toEqual(Array(10).fill(1));
  });

  it('relays an event as soon as it commits (NOTIFY), not at the next poll', async () => {
    const listen: OutboxRunnerOptions['listen'] = async (onCommitted) => {
      const { unlisten } = await fixture.app.sql.listen(OUTBOX_CHANNEL, onCommitted);
      return unlisten;
    };
    // The first round finds nothing; the next poll would be a minute away.
    await withRunner({ pollMs: 60_000, listen }, async () => {
      await sleep(500);
      const id = await fixture.inTenant((tx) => enqueueEvent(tx, fixture.tenantId, fixture.effect, { n: 99 }));
      await until(
        async () => (await fixture.events()).some((event) => event.id === id && event.status === 'done'),
        10_000,
      );
    });
  });
});
