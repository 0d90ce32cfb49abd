import { createDatabase } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import type { JobKey } from '../../src/platform/outbox/job-definition.js';
import { defineSchedule, periodOf, type ScheduleDefinition } from '../../src/platform/outbox/schedule.js';
import { Scheduler } from '../../src/platform/outbox/scheduler.js';

const periodPayload = z.object({ period: z.string() });
const hourlyJob: JobKey<{ period: string }> = {
  name: 'test.scheduled-hourly',
  version: 3,
  payload: periodPayload,
  maxAttempts: 2,
};
const dailyJob: JobKey<{ period: string; kind: string }> = {
  name: 'test.scheduled-daily',
  version: 1,
  payload: z.object({ period: z.string(), kind: z.literal('digest') }),
};
const hourly = defineSchedule({ name: 'hourly', job: hourlyJob, every: 'hour', payload: (period) => ({ period }) });
const daily = defineSchedule({
  name: 'daily',
  job: dailyJob,
  every: 'day',
  payload: (period) => ({ period, kind: 'digest' }),
});
const schedules = [hourly, daily] as ScheduleDefinition<never>[];

/** Businesses of this file's own, one per time zone (the last one's zone is not a zone at all). */
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Mars/Olympus_Mons'] as const;

describe('Scheduler.tick', () => {
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  // As the application role: the tick needs nothing but a named system context.
  const app = createDatabase(inject('appDatabaseUrl'), { max: 4 });
  const tenantIds = ZONES.map(() => newId());
  const zoneOf = new Map(tenantIds.map((id, index) => [id, ZONES[index]]));
  const scheduler = (list: readonly ScheduleDefinition<never>[] = schedules, options: { tenantIds?: string[] } = {}) =>
    new Scheduler(app.db, list, {
      tenantIds,
      ...options,
      onError: (error) => {
        throw error;
      },
    });

  /** Our events of one job, as (zone of the business, dedupe key). */
  const events = async (job: string) => {
    const rows = await owner<{ tenant_id: string; dedupe_key: string }[]>`
      select tenant_id, dedupe_key from outbox where job = ${job} and tenant_id = any(${tenantIds}::uuid[])`;
    return rows.map((row) => [zoneOf.get(row.tenant_id), row.dedupe_key]).sort();
  };

  beforeAll(async () => {
    await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true)`;
      for (const [index, id] of tenantIds.entries()) {
        await tx`insert into tenants (id, slug, name, time_zone)
          values (${id}, ${`scheduler-${id}`}, 'Scheduler tests', ${ZONES[index] ?? 'UTC'})`;
      }
    });
  });
  afterAll(async () => {
    await Promise.all([owner.end(), app.close()]);
  });

  it('names periods by the UTC hour, or by the day in the business’s time zone', () => {
    const at = new Date('2031-01-01T10:30:00Z');
    expect(periodOf('hour', at)).toBe('2031-01-01T10');
    expect(periodOf('hour', at, 'Pacific/Kiritimati')).toBe('2031-01-01T10'); // hours are always UTC
    expect(periodOf('day', at)).toBe('2031-01-01');
    expect(periodOf('day', at, 'Pacific/Kiritimati')).toBe('2031-01-02');
    expect(periodOf('day', at, 'Pacific/Pago_Pago')).toBe('2030-12-31'); // UTC-11
    expect(periodOf('day', at, 'Mars/Olympus_Mons')).toBe('2031-01-01');
  });

  it('enqueues the current hour once per business, with the period as dedupe key and in the payload', async () => {
    const [run] = await scheduler([hourly] as ScheduleDefinition<never>[]).tick(new Date('2031-01-01T10:30:00Z'));
    expect(run).toEqual({
      schedule: 'hourly',
      job: 'test.scheduled-hourly',
      periods: ['2031-01-01T10'],
      tenants: 4,
      enqueued: 4,
    });
    const rows = await owner`
      select id::text, version, payload, max_attempts, status::text, attempts, available_at, created_at from outbox
      where job = 'test.scheduled-hourly' and tenant_id = any(${tenantIds}::uuid[])`;
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({
        version: 3,
        payload: { period: '2031-01-01T10' },
        max_attempts: 2,
        status: 'pending',
        attempts: 0,
      });
      // A UUIDv7 of (about) now, like the ids the application makes: time-ordered, version 7, variant 10.
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const millis = Number.parseInt((row.id as string).replaceAll('-', '').slice(0, 12), 16);
      expect(Math.abs(millis - (row.created_at as Date).getTime())).toBeLessThan(60_000);
      // Due at once: the period is the key, not a time to wait for.
      expect((row.available_at as Date).getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('enqueues nothing more later in the same period, and again in the next one', async () => {
    const onlyHourly = scheduler([hourly] as ScheduleDefinition<never>[]);
    expect(await onlyHourly.tick(new Date('2031-01-01T10:59:59.999Z'))).toMatchObject([{ tenants: 4, enqueued: 0 }]);
    expect(await onlyHourly.tick(new Date('2031-01-01T11:00:00Z'))).toMatchObject([
      { periods: ['2031-01-01T11'], tenants: 4, enqueued: 4 },
    ]);
    expect((await events('test.scheduled-hourly')).map(([, key]) => key).sort()).toEqual([
      ...Array(4).fill('2031-01-01T10'),
      ...Array(4).fill('2031-01-01T11'),
    ]);
  });

  it('starts each business’s day at its own midnight', async () => {
    const onlyDaily = scheduler([daily] as ScheduleDefinition<never>[]);
    expect(await onlyDaily.tick(new Date('2031-01-01T10:30:00Z'))).toMatchObject([
      { schedule: 'daily', periods: ['2030-12-31', '2031-01-01', '2031-01-02'], tenants: 4, enqueued: 4 },
    ]);
    expect(await events('test.scheduled-daily')).toEqual([
      ['Mars/Olympus_Mons', '2031-01-01'], // an unknown zone counts as UTC
      ['Pacific/Kiritimati', '2031-01-02'], // UTC+14
      ['Pacific/Pago_Pago', '2030-12-31'], // UTC-11
      ['UTC', '2031-01-01'],
    ]);
    expect(await onlyDaily.tick(new Date('2031-01-01T10:59:59.999Z'))).toMatchObject([{ enqueued: 0 }]);
    // Midnight in Pago Pago: a new day there only.
    expect(await onlyDaily.tick(new Date('2031-01-01T11:00:00Z'))).toMatchObject([{ enqueued: 1 }]);
    // Midnight in UTC: a new day for UTC (and the unknown zone); Kiritimati and Pago Pago are mid-day.
    expect(await onlyDaily.tick(new Date('2031-01-02T00:00:00Z'))).toMatchObject([{ enqueued: 2 }]);
    expect(await events('test.scheduled-daily')).toEqual([
      ['Mars/Olympus_Mons', '2031-01-01'],
      ['Mars/Olympus_Mons', '2031-01-02'],
      ['Pacific/Kiritimati', '2031-01-02'],
      ['Pacific/Pago_Pago', '2030-12-31'],
      ['Pacific/Pago_Pago', '2031-01-01'],
      ['UTC', '2031-01-01'],
      ['UTC', '2031-01-02'],
    ]);
    const rows = await owner`
      select dedupe_key, payload from outbox where job = 'test.scheduled-daily' and tenant_id = any(${tenantIds}::uuid[])`;
    expect(rows.every((row) => row.payload.period === row.dedupe_key && row.payload.kind === 'digest')).toBe(true);
  });

  it('enqueues once when several schedulers tick the same period at the same moment', async () => {
    const handles = [1, 2, 3].map(() => createDatabase(inject('appDatabaseUrl'), { max: 1 }));
    try {
      const at = new Date('2031-06-01T00:00:00Z');
      const runs = await Promise.all(
        handles.flatMap((handle) => [1, 2].map(() => new Scheduler(handle.db, schedules, { tenantIds }).tick(at))),
      );
      const enqueued = (name: string) =>
        runs.flat().reduce((sum, run) => sum + (run.schedule === name ? run.enqueued : 0), 0);
      expect(runs.flat()).toHaveLength(12);
      expect(enqueued('hourly')).toBe(4);
      expect(enqueued('daily')).toBe(4);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });

  it('touches only the businesses it is given', async () => {
    const [mine, ...rest] = tenantIds;
    const [run] = await scheduler(schedules, { tenantIds: [mine ?? ''] }).tick(new Date('2031-07-01T00:00:00Z'));
    expect(run).toMatchObject({ tenants: 1, enqueued: 1 });
    const [others] = await owner`
      select count(*)::int as n from outbox where job like 'test.scheduled-%' and tenant_id <> all(${tenantIds}::uuid[])`;
    expect(others?.n).toBe(0);
    const [none] = await owner`
      select count(*)::int as n from outbox where job = 'test.scheduled-hourly' and dedupe_key = '2031-07-01T00'
        and tenant_id = any(${rest}::uuid[])`;
    expect(none?.n).toBe(0);
    expect(await scheduler(schedules, { tenantIds: [] }).tick(new Date('2031-07-01T00:00:00Z'))).toMatchObject([
      { tenants: 0, enqueued: 0 },
      { tenants: 0, enqueued: 0 },
    ]);
  });

  it('reports a schedule that fails and still runs the others', async () => {
    const broken = defineSchedule({
      name: 'broken',
      job: { ...hourlyJob, name: 'test.scheduled-broken' },
      every: 'hour',
      payload: () => ({ period: 42 as unknown as string }), // not what the job's schema accepts
    });
    const failures: string[] = [];
    const runs = await new Scheduler(app.db, [broken, daily] as ScheduleDefinition<never>[], {
      tenantIds,
      onError: (_error, where) => failures.push(where),
    }).tick(new Date('2031-08-01T12:00:00Z'));
    expect(failures).toEqual(['schedule broken']);
    expect(runs).toMatchObject([{ schedule: 'daily', enqueued: 4 }]);
    expect(await events('test.scheduled-broken')).toEqual([]);
  });

  it('refuses two schedules that would share dedupe keys', () => {
    const twin = defineSchedule({ ...hourly, name: 'hourly-twin' });
    expect(() => new Scheduler(app.db, [hourly, twin] as ScheduleDefinition<never>[])).toThrow(
      /same job test.scheduled-hourly every hour/,
    );
    expect(() => new Scheduler(app.db, [hourly, { ...daily, name: 'hourly' }] as ScheduleDefinition<never>[])).toThrow(
      /same name hourly/,
    );
  });

  it('start() ticks at once and then every interval; stop() ends it', async () => {
    const ticker = new Scheduler(app.db, [hourly as ScheduleDefinition<never>], { tenantIds });
    const started = periodOf('hour', new Date());
    ticker.start(60_000);
    try {
      await expect
        .poll(async () => {
          const now = [started, periodOf('hour', new Date())]; // in case an hour begins meanwhile
          return (await events('test.scheduled-hourly')).filter(([, key]) => now.includes(key ?? '')).length;
        })
        .toBe(4);
    } finally {
      await ticker.stop();
    }
  });
});
