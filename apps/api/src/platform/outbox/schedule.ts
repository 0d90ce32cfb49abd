import type { JobKey } from './job-definition.js';

/**
 * How often a schedule runs, and so what its period is:
 *   hour  the UTC hour, `2026-11-24T03`
 *   day   the calendar day in the business's time zone (`tenants.time_zone`), `2026-11-24`
 */
export type ScheduleEvery = 'hour' | 'day';

/**
 * Work that recurs for every business: once per period, `job` is enqueued for each of them with the period as
 * its dedupe key, so the (tenant, job, dedupe key) constraint of the outbox lets a period run once however many
 * processes tick and however often they restart. Listed in jobs/schedule-catalog.ts; see Scheduler.
 */
export interface ScheduleDefinition<TPayload = unknown> {
  /** For logs and results, e.g. `audit.checkpoint`. */
  name: string;
  job: JobKey<TPayload>;
  every: ScheduleEvery;
  /** The job's payload for one period; usually the period itself, so the handler knows which one it is for. */
  payload(period: string): TPayload;
}

export function defineSchedule<TPayload>(definition: ScheduleDefinition<TPayload>): ScheduleDefinition<TPayload> {
  return definition;
}

/** `2026-11-24T03` (hour, UTC) or `2026-11-24` (day, in `timeZone`; an unknown zone counts as UTC). */
export function periodOf(every: ScheduleEvery, at: Date, timeZone = 'UTC'): string {
  if (every === 'hour') return at.toISOString().slice(0, 13);
  return localDate(at, timeZone) ?? at.toISOString().slice(0, 10);
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function localDate(at: Date, timeZone: string): string | undefined {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = null; // not an IANA zone this runtime knows
    }
    dateFormats.set(timeZone, format);
  }
  if (format === null) return undefined;
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
