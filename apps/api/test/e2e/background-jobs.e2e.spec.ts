import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { BackgroundJobPage, BackgroundJobView } from '@ontrack/schemas/background-jobs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { defineJob, JobRegistry } from '../../src/platform/outbox/job-definition.js';
import { OutboxRunner } from '../../src/platform/outbox/outbox-runner.js';
import { enqueueEvent } from '../../src/platform/outbox/outbox-store.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { type ApiCall, callApi, type RunningApi, startApi } from './start-api.js';

/**
 * A job of this file's own that fails while `failing` is set: it is run to its dead letter by the real relay,
 * listed and retried over HTTP, then run again by the relay after the cause is "fixed".
 */
let failing = true;
const runs: string[] = [];
const flaky = defineJob({
  name: 'test.bg-flaky',
  version: 2,
  maxAttempts: 1,
  payload: z.object({ to: z.string() }),
  async handle({ eventId }) {
    runs.push(eventId);
    if (failing) throw new Error('SMTP said no: 550 mailbox unavailable');
  },
});

describe('background jobs: dead letters an admin can see and retry', () => {
  let api: RunningApi;
  let home: TestTenant<'admin' | 'office' | 'crew'>;
  let other: TestTenant<'admin'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  // The relay and the enqueueing run as the application role, as in the API and worker processes.
  const app = createDatabase(inject('appDatabaseUrl'), { max: 4 });
  let deadId: string;
  const insertedIds: string[] = [];

  const call = <T = Record<string, unknown>>(path: string, options: ApiCall & { user: string }) =>
    callApi<T>(api, path, { tenant: home.id, ...options });
  const asAdmin = <T = Record<string, unknown>>(path: string, method = 'GET') =>
    call<T>(path, { user: home.users.admin, method });
  const statusOf = async (id: string) => {
    const [row] = await owner<{ status: string }[]>`select status::text from outbox where id = ${id}`;
    return row?.status;
  };
  /** The real relay and workers (in-process transport) for `test.bg-flaky` only, until `done()` holds. */
  const runRelayUntil = async (done: () => Promise<boolean>) => {
    const runner = new OutboxRunner(app.db, new JobRegistry([flaky as never]), {
      pollMs: 20,
      leaseMs: 5_000,
      concurrency: 2,
      backoffBaseMs: 10,
    });
    runner.start();
    try {
      const deadline = Date.now() + 15_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error('the relay did not get there in time');
        await sleep(25);
      }
    } finally {
      await runner.stop();
    }
  };

  beforeAll(async () => {
    api = await startApi();
    home = await createTestTenant(inject('ownerDatabaseUrl'), {
      admin: { roles: ['admin'] },
      office: { roles: ['office_staff'] },
      crew: { roles: ['crew'] },
    });
    other = await createTestTenant(inject('ownerDatabaseUrl'), { admin: { roles: ['admin'] } });

    // A dead letter made the real way: enqueued in a tenant transaction, failed by the relay's worker.
    deadId =
      (await app.db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId: home.id });
        return enqueueEvent(tx, home.id, flaky, { to: 'customer@example.test' });
      })) ?? '';
    await runRelayUntil(async () => (await statusOf(deadId)) === 'dead');

    // And three written directly (as the owner), a second apart, for paging; plus one done event.
    await owner.begin(async (tx) => {
      for (const [index, status] of (['dead', 'dead', 'dead', 'done'] as const).entries()) {
        const id = newId();
        if (status === 'dead') insertedIds.push(id);
        await tx`insert into outbox (tenant_id, id, job, payload, status, attempts, last_error, created_at)
          values (${home.id}, ${id}, 'test.bg-inserted', ${tx.json({ n: index })}, ${status}, 8, 'boom',
                  now() - ${`${10 - index} seconds`}::interval)`;
      }
    });
  });
  afterAll(async () => {
    await api?.close();
    await Promise.all([owner.end(), app.close()]);
  });

  it('lists the business’s dead letters by default, newest first, with their last error', async () => {
    const { status, body } = await asAdmin<BackgroundJobPage>('/background-jobs');
    expect(status).toBe(200);
    expect(body.items.map((item) => item.id)).toEqual([deadId, ...[...insertedIds].reverse()]);
    expect(body.items[0]).toMatchObject({
      id: deadId,
      job: 'test.bg-flaky',
      version: 2,
      status: 'dead',
      attempts: 1,
      maxAttempts: 1,
      lastError: 'SMTP said no: 550 mailbox unavailable',
      processedAt: null,
      dedupeKey: null,
      payload: { to: 'customer@example.test' },
    });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by state and job, and pages with a cursor', async () => {
    const first = await asAdmin<BackgroundJobPage>('/background-jobs?job=test.bg-inserted&limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([insertedIds[2], insertedIds[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await asAdmin<BackgroundJobPage>(
      `/background-jobs?job=test.bg-inserted&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((item) => item.id)).toEqual([insertedIds[0]]);
    expect(second.body.nextCursor).toBeNull();

    const done = await asAdmin<BackgroundJobPage>('/background-jobs?status=done&job=test.bg-inserted');
    expect(done.body.items).toMatchObject([{ status: 'done', payload: { n: 3 } }]);

    expect((await asAdmin('/background-jobs?state=dead')).status).toBe(422); // misspelt filter
    expect((await asAdmin('/background-jobs?status=failed')).status).toBe(422);
    expect((await asAdmin('/background-jobs?cursor=bm90LWEtY3Vyc29y')).status).toBe(422);
  });

  it('shows one event', async () => {
    const { status, body } = await asAdmin<BackgroundJobView>(`/background-jobs/${deadId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: deadId, status: 'dead', lastError: expect.stringContaining('550') });
    expect((await asAdmin(`/background-jobs/${newId()}`)).status).toBe(404);
  });

  it('is for admins: office staff and crew get 403', async () => {
    for (const user of [home.users.office, home.users.crew]) {
      expect((await call('/background-jobs', { user })).status).toBe(403);
      expect((await call(`/background-jobs/${deadId}`, { user })).status).toBe(403);
      expect((await call(`/background-jobs/${deadId}/retry`, { user, method: 'POST' })).status).toBe(403);
    }
    expect(await statusOf(deadId)).toBe('dead');
  });

  it('another business’s admin neither sees nor retries it', async () => {
    const asOther = { user: other.users.admin, tenant: other.id };
    const list = await call<BackgroundJobPage>('/background-jobs', asOther);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).not.toContain(deadId);
    expect((await call(`/background-jobs/${deadId}`, asOther)).status).toBe(404);
    expect((await call(`/background-jobs/${deadId}/retry`, { ...asOther, method: 'POST' })).status).toBe(404);
    expect(await statusOf(deadId)).toBe('dead');
  });

  it('retry puts a dead event back in line, keeps its last error, and is in the activity log', async () => {
    const before = Date.now();
    const { status, body } = await asAdmin<BackgroundJobView>(`/background-jobs/${deadId}/retry`, 'POST');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: deadId,
      status: 'pending',
      attempts: 0,
      maxAttempts: 1,
      lastError: 'SMTP said no: 550 mailbox unavailable',
    });
    expect(Date.parse(body.availableAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(body.availableAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    const [row] = await owner`select leased_until from outbox where id = ${deadId}`;
    expect(row?.leased_until).toBeNull();

    const dead = await asAdmin<BackgroundJobPage>('/background-jobs');
    expect(dead.body.items.map((item) => item.id)).not.toContain(deadId);
    const pending = await asAdmin<BackgroundJobPage>('/background-jobs?status=pending');
    expect(pending.body.items.map((item) => item.id)).toContain(deadId);

    const entries = await owner`
      select action, actor_type::text, actor_user_id, summary from activity_log
      where tenant_id = ${home.id} and entity_type = 'background_job' and entity_id = ${deadId}`;
    expect(entries).toMatchObject([
      {
        action: 'retry',
        actor_type: 'user',
        actor_user_id: home.users.admin,
        summary: { job: 'test.bg-flaky', status: ['dead', 'pending'] },
      },
    ]);
  });

  it('only a dead event can be retried: 409 otherwise, with nothing changed or logged', async () => {
    const { status, body, headers } = await asAdmin(`/background-jobs/${deadId}/retry`, 'POST');
    expect(status).toBe(409);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 409, detail: expect.stringContaining('pending') });
    const [{ n } = { n: -1 }] = await owner<{ n: number }[]>`
      select count(*)::int as n from activity_log where tenant_id = ${home.id} and entity_type = 'background_job'`;
    expect(n).toBe(1);
  });

  it('the relay picks the retried event up and it runs to done', async () => {
    failing = false; // the cause is fixed
    const runsBefore = runs.filter((id) => id === deadId).length;
    await runRelayUntil(async () => (await statusOf(deadId)) === 'done');
    expect(runs.filter((id) => id === deadId).length).toBe(runsBefore + 1);
    const { body } = await asAdmin<BackgroundJobView>(`/background-jobs/${deadId}`);
    expect(body).toMatchObject({ status: 'done', attempts: 1, lastError: null, processedAt: expect.any(String) });
  });
});
