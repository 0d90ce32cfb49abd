import type { Database } from '@ontrack/db/client';
import { applySessionContext } from '@ontrack/db/session-context';
import { type SQL, sql } from 'drizzle-orm';
import { periodOf, type ScheduleDefinition } from './schedule.js';

/** The named system context of a tick (`app.context = 'system:scheduler'`): it lists businesses, writes events. */
export const SCHEDULER_SYSTEM_CONTEXT = 'scheduler';

export interface ScheduleRun {
  schedule: string;
  job: string;
  /** The periods of this tick: one for hourly schedules; one per local date among the businesses for daily ones. */
  periods: string[];
  /** Businesses the schedule covers. */
  tenants: number;
  /** Events this tick wrote; the others existed already (an earlier tick, another process). */
  enqueued: number;
}

export interface SchedulerOptions {
  /** Only these businesses: a one-off backfill, or a test that must leave other businesses' outboxes alone. */
  tenantIds?: readonly string[];
  onError?: (error: unknown, context: string) => void;
}

/**
 * A UUIDv7 (48-bit Unix milliseconds, version 7, then random bits, as `newId()` makes them) computed by
 * PostgreSQL, one per row of an INSERT … SELECT; `uuidv7()` only exists from PostgreSQL 18 on.
 */
const UUID_V7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1),
  'hex')::uuid`;

/**
 * Turns schedules into outbox events. Each tick enqueues, for every schedule and every business, the event of
 * the current period with the period as dedupe key, in one INSERT … SELECT FROM tenants … ON CONFLICT DO NOTHING:
 * whichever process ticks first writes it, every later tick in the same period (a second process, a restarted
 * one, the next minute) finds it there. The outbox then runs it like any event: retries, dead letters, at most
 * one commit of its effects. A period in which no process ticked is skipped: ticks never look back.
 *
 * Runs in every process that runs workers (OutboxWorkers); needs no Nest, so tests drive it directly.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<unknown> | undefined;

  constructor(
    private readonly db: Database,
    private readonly schedules: readonly ScheduleDefinition<never>[],
    private readonly options: SchedulerOptions = {},
  ) {
    const seen = new Set<string>();
    for (const schedule of schedules) {
      // Two schedules of one job and one period length would share dedupe keys: the second would never run.
      for (const key of [`name ${schedule.name}`, `job ${schedule.job.name} every ${schedule.every}`]) {
        if (seen.has(key)) throw new Error(`two schedules have the same ${key}`);
        seen.add(key);
      }
    }
  }

  /** Ticks now, then every `intervalMs`; a tick still running when the next is due is not overlapped. */
  start(intervalMs: number): void {
    if (this.timer !== undefined || this.schedules.length === 0) return;
    this.timer = setInterval(() => this.tickInBackground(), intervalMs);
    // The timer alone must not keep a process alive that is otherwise done.
    this.timer.unref();
    // A process that restarts more often than the interval still enqueues the current period.
    this.tickInBackground();
  }

  /** Stops ticking and waits for a tick in progress (before the database pool closes). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /**
   * Enqueues the period of `now` of every schedule for every business. A schedule that fails is reported to
   * onError and left out of the result; the others still run, and the next tick tries it again.
   */
  async tick(now: Date = new Date()): Promise<ScheduleRun[]> {
    const runs: ScheduleRun[] = [];
    for (const schedule of this.schedules) {
      try {
        runs.push(await this.enqueue(schedule, now));
      } catch (error) {
        this.options.onError?.(error, `schedule ${schedule.name}`);
      }
    }
    return runs;
  }

  private tickInBackground(): void {
    if (this.ticking !== undefined) return;
    this.ticking = this.tick()
      .catch((error: unknown) => this.options.onError?.(error, 'scheduler tick'))
      .finally(() => {
        this.ticking = undefined;
      });
  }

  private enqueue(schedule: ScheduleDefinition<never>, now: Date): Promise<ScheduleRun> {
    const { job } = schedule;
    const ids = this.options.tenantIds;
    const inScope =
      ids === undefined
        ? sql`true`
        : ids.length === 0
          ? sql`false`
          : sql`t.id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`;
    const payloadOf = (period: string) => JSON.stringify(job.payload.parse(schedule.payload(period)));

    return this.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: SCHEDULER_SYSTEM_CONTEXT });
      let due: SQL;
      let periods: string[];
      if (schedule.every === 'hour') {
        const period = periodOf('hour', now);
        periods = [period];
        due = sql`select t.id as tenant_id, ${period}::text as period, ${payloadOf(period)}::jsonb as payload
          from tenants t where ${inScope}`;
      } else {
        // A day begins at each business's own midnight: one period per time zone in use, joined by zone.
        const zones = await tx.execute<{ time_zone: string }>(
          sql`select distinct t.time_zone from tenants t where ${inScope}`,
        );
        const byZone = zones.map(({ time_zone: zone }) => ({ zone, period: periodOf('day', now, zone) }));
        periods = [...new Set(byZone.map((entry) => entry.period))].sort();
        if (byZone.length === 0) return { schedule: schedule.name, job: job.name, periods, tenants: 0, enqueued: 0 };
        const payloads = new Map(periods.map((period) => [period, payloadOf(period)]));
        const rows = byZone.map(
          ({ zone, period }) => sql`(${zone}::text, ${period}::text, ${payloads.get(period) ?? null}::jsonb)`,
        );
        due = sql`select t.id as tenant_id, p.period, p.payload
          from tenants t join (values ${sql.join(rows, sql`, `)}) as p(zone, period, payload) on p.zone = t.time_zone
          where ${inScope}`;
      }
      // Tenant order: two processes ticking at once insert in the same order, so they wait on each other's
      // rows one at a time instead of deadlocking.
      const [counts] = await tx.execute<{ tenants: number; enqueued: number }>(sql`
        with due as (${due} order by t.id),
        inserted as (
          insert into outbox (tenant_id, id, job, version, payload, max_attempts, dedupe_key)
          select tenant_id, ${UUID_V7}, ${job.name}, ${job.version}, payload, ${job.maxAttempts ?? 8}, period from due
          on conflict do nothing
          returning 1)
        select (select count(*) from due)::int as tenants, (select count(*) from inserted)::int as enqueued`);
      return {
        schedule: schedule.name,
        job: job.name,
        periods,
        tenants: counts?.tenants ?? 0,
        enqueued: counts?.enqueued ?? 0,
      };
    });
  }
}
