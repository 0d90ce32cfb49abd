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
import { ActivityModule } from '../../src/modules/activity/activity.module.js';
import { CheckpointScheduler } from '../../src/modules/activity/checkpoint-scheduler.js';
import { type RunningApi, startApi } from './start-api.js';
import { TEST_SIGNING_KEY_PEM } from './test-signing-key.js';

const SIGNING_KEY_PEM = TEST_SIGNING_KEY_PEM;
const KEY = loadSigningKey(SIGNING_KEY_PEM);
const withKey = { AUDIT_SIGNING_KEY: SIGNING_KEY_PEM, AUDIT_CHECKPOINT_INTERVAL_MS: '0' };

describe('CheckpointScheduler', () => {
  const started: RunningApi[] = [];
  const owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2 });
  let withEntries: string;
  let empty: string;

  const start = async (env: Record<string, string>) => {
    const api = await startApi(env, undefined, [ActivityModule]);
    started.push(api);
    return api;
  };
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

  beforeAll(async () => {
    [withEntries, empty] = [newId(), newId()];
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
    await owner.close();
  });

  it('signs each tenant’s head once per period, never twice, and again in the next period', async () => {
    const scheduler = (await start(withKey)).app.get(CheckpointScheduler);

    const first = await scheduler.signCheckpoints(new Date('2042-05-05T05:10:00Z'));
    expect(first.period).toBe('2042-05-05T05');
    expect(first.signed).toContain(withEntries);
    expect(first.signed).not.toContain(empty); // nothing to sign yet
    expect(first.failed).toBe(0);
    const [signed] = await checkpointsOf(withEntries, '2042-05-05T05');
    expect(signed).toMatchObject({ seq: 2, keyId: KEY.keyId });

    // Later in the same period, even after the chain has grown: nothing is written or changed.
    await append(withEntries, 1);
    const second = await scheduler.signCheckpoints(new Date('2042-05-05T05:59:59Z'));
    expect(second.signed).not.toContain(withEntries);
    expect(second.unchanged).toBeGreaterThanOrEqual(2);
    expect(await checkpointsOf(withEntries, '2042-05-05T05')).toEqual([signed]);

    const next = await scheduler.signCheckpoints(new Date('2042-05-05T06:00:00Z'));
    expect(next.signed).toContain(withEntries);
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

  it('with several API processes signing at once, a period is still signed once per tenant', async () => {
    const [a, b] = await Promise.all([start(withKey), start(withKey)]);
    const at = new Date('2042-05-05T07:00:00Z');
    const runs = await Promise.all(
      [a, b].flatMap((api) => [1, 2].map(() => api.app.get(CheckpointScheduler).signCheckpoints(at))),
    );
    expect(runs.flatMap((run) => run.signed).filter((id) => id === withEntries)).toEqual([withEntries]);
    expect(runs.every((run) => run.failed === 0)).toBe(true);
    expect(await checkpointsOf(withEntries, '2042-05-05T07')).toHaveLength(1);
  });

  it('runs on start-up and then every interval when a key is configured', async () => {
    await append(empty, 1);
    await start({ AUDIT_SIGNING_KEY: SIGNING_KEY_PEM, AUDIT_CHECKPOINT_INTERVAL_MS: '3600000' });
    await expect
      .poll(async () => (await checkpointsOf(empty)).map((row) => row.period), { timeout: 5000 })
      .toContain(checkpointPeriod());
  });

  it('needs the key: without AUDIT_SIGNING_KEY nothing is signed', async () => {
    const scheduler = (await start({ AUDIT_CHECKPOINT_INTERVAL_MS: '1000' })).app.get(CheckpointScheduler);
    await expect(scheduler.signCheckpoints()).rejects.toThrow(/AUDIT_SIGNING_KEY is not set/);
  });
});
