import { appendActivity } from '@ontrack/db/activity-chain';
import { verifyChain } from '@ontrack/db/activity-chain-verify';
import {
  checkpointPayload,
  checkpointPeriod,
  loadSigningKey,
  verifyCheckpoint,
} from '@ontrack/db/activity-checkpoints';
import { createDatabase } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { activityCheckpoints } from '@ontrack/db/schema/activity';
import { tenants } from '@ontrack/db/schema/tenants';
import { applySessionContext } from '@ontrack/db/session-context';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditCheckpoint } from '../../src/jobs/audit-checkpoint.job.js';
import { jobCatalog } from '../../src/jobs/job-catalog.js';
import { scheduleCatalog } from '../../src/jobs/schedule-catalog.js';
import { checkpointScheduler, runCheckpointEvents, signCheckpointsAt } from './audit-checkpoint-helpers.js';
import { type RunningApi, startApi } from './start-api.js';
import { TEST_SIGNING_KEY_PEM } from './test-signing-key.js';

const KEY = loadSigningKey(TEST_SIGNING_KEY_PEM);

/**
 * Chain-head signing as scheduled work: every hour the scheduler enqueues one `audit.checkpoint` event per
 * business with the hour as dedupe key, and a worker signs that business's head for that hour.
 */
describe('activity checkpoints on the scheduler and the outbox', () => {
  const started: RunningApi[] = [];
  const owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2 });
  // As the application role, with several connections: what the API and worker processes use.
  const app = createDatabase(inject('appDatabaseUrl'), { max: 6 });
  let withEntries: string;
  let empty: string;
  let ours: string[];

  const inTenant = <T>(
    tenantId: string,
    work: (tx: Parameters<Parameters<typeof owner.db.transaction>[0]>[0]) => Promise<T>,
  ) =>
    owner.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'test' });
      return work(tx);
    });
  const append = (tenantId: string, count: number) =>
    inTenant(tenantId, (tx) =>
      appendActivity(
        tx,
        Array.from({ length: count }, () => ({
          tenantId,
          actorType: 'system' as const,
          actorLabel: 'test',
          entityType: 'thing',
          action: 'create',
        })),
      ),
    );
  const checkpointsOf = (tenantId: string, period?: string) =>
    inTenant(tenantId, (tx) =>
      tx
        .select()
        .from(activityCheckpoints)
        .where(
          and(
            eq(activityCheckpoints.tenantId, tenantId),
            period === undefined ? undefined : eq(activityCheckpoints.period, period),
          ),
        )
        .orderBy(activityCheckpoints.seq),
    );
  /** The checkpoint events of our businesses for a period, as (tenant, status). */
  const eventsFor = async (period: string) => {
    const rows = await owner.sql<{ tenant_id: string; status: string }[]>`
      select tenant_id, status::text from outbox
      where job = ${auditCheckpoint.name} and dedupe_key = ${period} and tenant_id = any(${ours}::uuid[])
      order by tenant_id`;
    return rows.map((row) => [row.tenant_id, row.status]);
  };

  beforeAll(async () => {
    // In id order, the order eventsFor() lists them in.
    [withEntries, empty] = [newId(), newId()].sort() as [string, string];
    ours = [withEntries, empty];
    for (const [id, slug] of [
      [withEntries, 'checkpoints'],
      [empty, 'no-entries'],
    ] as const) {
      await inTenant(id, (tx) => tx.insert(tenants).values({ id, slug: `${slug}-${id.slice(-8)}`, name: slug }));
    }
    await append(withEntries, 2);
  });
  afterAll(async () => {
    await Promise.all(started.map((api) => api.close()));
    await Promise.all([owner.close(), app.close()]);
  });

  it('signs each business’s head once per period, never twice, and again in the next period', async () => {
    const first = await signCheckpointsAt(app.db, KEY, new Date('2042-05-05T05:10:00Z'), ours);
    expect(first.run).toMatchObject({ job: 'audit.checkpoint', periods: ['2042-05-05T05'], tenants: 2, enqueued: 2 });
    expect([...first.outcomes.values()]).toEqual(['done', 'done']);
    expect(await eventsFor('2042-05-05T05')).toEqual([
      [withEntries, 'done'],
      [empty, 'done'],
    ]);
    const [signed] = await checkpointsOf(withEntries, '2042-05-05T05');
    expect(signed).toMatchObject({ seq: 2, keyId: KEY.keyId });
    expect(await checkpointsOf(empty)).toEqual([]); // nothing to sign yet; its event is done all the same

    // Later in the same period, even after the chain has grown: no event is written, nothing is signed.
    await append(withEntries, 1);
    const again = await signCheckpointsAt(app.db, KEY, new Date('2042-05-05T05:59:59Z'), ours);
    expect(again.run).toMatchObject({ tenants: 2, enqueued: 0 });
    expect(again.outcomes.size).toBe(0);
    expect(await checkpointsOf(withEntries, '2042-05-05T05')).toEqual([signed]);

    const next = await signCheckpointsAt(app.db, KEY, new Date('2042-05-05T06:00:00Z'), ours);
    expect(next.run).toMatchObject({ periods: ['2042-05-05T06'], enqueued: 2 });
    const all = await checkpointsOf(withEntries);
    expect(all.map((row) => [row.period, row.seq])).toEqual([
      ['2042-05-05T05', 2],
      ['2042-05-05T06', 3],
    ]);

    // Each verifies with the public key, alone and as part of the whole chain.
    for (const row of all) expect(verifyCheckpoint(KEY.publicKey, checkpointPayload(row), row.signature)).toBe(true);
    const publicKeys = new Map([[KEY.keyId, KEY.publicKey]]);
    expect(await inTenant(withEntries, (tx) => verifyChain(tx, withEntries, { publicKeys }))).toMatchObject({
      ok: true,
      rows: 3,
      checkpoints: 2,
      signaturesChecked: true,
    });
  });

  it('several processes ticking at once, and a restarted one, write one event per business and period', async () => {
    const url = inject('appDatabaseUrl');
    const processes = [createDatabase(url, { max: 2 }), createDatabase(url, { max: 2 }), createDatabase(url)] as const;
    const [one, two, three] = processes;
    try {
      const [a, b] = [checkpointScheduler(one.db, KEY, ours), checkpointScheduler(two.db, KEY, ours)];
      const at = new Date('2042-05-05T07:00:00Z');
      const runs = (await Promise.all([a.tick(at), b.tick(at), a.tick(at), b.tick(at)])).flat();
      expect(runs.map((run) => run.enqueued).reduce((sum, n) => sum + n)).toBe(2);

      // A restart is a new Scheduler in a new process, ticking again in the same period: nothing new.
      const restarted = checkpointScheduler(three.db, KEY, ours);
      expect(await restarted.tick(new Date('2042-05-05T07:42:00Z'))).toMatchObject([{ tenants: 2, enqueued: 0 }]);
      expect(await eventsFor('2042-05-05T07')).toEqual([
        [withEntries, 'pending'],
        [empty, 'pending'],
      ]);

      // Two workers running them at once still sign once (the event's row lock, then ON CONFLICT on the period).
      const outcomes = await Promise.all([
        runCheckpointEvents(one.db, KEY, ours),
        runCheckpointEvents(two.db, KEY, ours),
      ]);
      const all = outcomes.flatMap((map) => [...map.values()]);
      expect(all.filter((outcome) => outcome === 'done')).toHaveLength(2);
      expect(all.every((outcome) => outcome === 'done' || outcome === 'already-done')).toBe(true);
      expect(await checkpointsOf(withEntries, '2042-05-05T07')).toHaveLength(1);
    } finally {
      await Promise.all(processes.map((handle) => handle.close()));
    }
  });

  it('needs the key: without AUDIT_SIGNING_KEY there is neither the job nor its schedule', () => {
    const noDelivery = { deliver: () => Promise.resolve() };
    expect(scheduleCatalog({ auditSigningKey: undefined }).map((schedule) => schedule.name)).not.toContain(
      'audit.checkpoint',
    );
    expect(
      jobCatalog({ auditSigningKey: undefined, messageDelivery: noDelivery }).map((job) => job.name),
    ).not.toContain('audit.checkpoint');
    expect(scheduleCatalog({ auditSigningKey: KEY }).map((schedule) => schedule.name)).toContain('audit.checkpoint');
    expect(jobCatalog({ auditSigningKey: KEY, messageDelivery: noDelivery }).map((job) => job.name)).toContain(
      'audit.checkpoint',
    );
  });

  it('a process running workers ticks on start-up and signs the current period', async () => {
    await append(empty, 1);
    // The relay of this API runs for the few moments until the checkpoint appears: it also signs the other
    // businesses of the test database for the current hour, as production workers would.
    started.push(
      // Only the checkpoint job: other files' events in this shared database are not this API's to run.
      await startApi({
        AUDIT_SIGNING_KEY: TEST_SIGNING_KEY_PEM,
        RUN_WORKERS: 'true',
        OUTBOX_JOBS: 'audit.checkpoint',
        OUTBOX_POLL_MS: '50',
      }),
    );
    await expect
      .poll(async () => (await checkpointsOf(empty)).map((row) => row.period), { timeout: 10_000 })
      .toContain(checkpointPeriod());
    await started.pop()?.close();
  });
});
