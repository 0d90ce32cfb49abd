/**
 * The feed's filters as they live in the address bar, so a filtered view can be shared and reloaded. Dates are
 * calendar days of the business (`2026-03-14`), turned into instants on its clock only when the API is asked.
 */
export interface ActivityFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  /** First day shown (inclusive), YYYY-MM-DD. */
  from?: string;
  /** Last day shown (inclusive), YYYY-MM-DD. */
  to?: string;
}

/** The query of GET /api/v1/activity that the filters ask for (cursor and limit aside). */
export interface ActivityFeedQuery {
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

const FILTER_KEYS = ['entityType', 'entityId', 'action', 'actorUserId', 'from', 'to'] as const;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Filters from the address bar. Values are passed on as written (the API says what is wrong with a tampered
 * one, and the page shows it with a way out); only dates must be days, since the date fields cannot show
 * anything else.
 */
export function parseFilters(params: Pick<URLSearchParams, 'get'>): ActivityFilters {
  const filters: ActivityFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !isCalendarDate(value)) continue;
    filters[key] = value;
  }
  return filters;
}

/** The address bar's query for the filters, keys in a stable order (empty when nothing is filtered). */
export function filtersToSearch(filters: ActivityFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function hasFilters(filters: ActivityFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]));
}

/** A period that ends before it starts cannot match anything: the page says so instead of asking. */
export function periodIsInverted(filters: ActivityFilters): boolean {
  return Boolean(filters.from && filters.to && filters.from > filters.to);
}

/** How far the wall clock of `timeZone` is ahead of UTC at `at`, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day begins in `timeZone` (DST included), as an ISO string in UTC. */
export function startOfDayIn(date: string, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  // The offset at wall midnight read as UTC is off by the offset itself; a second look settles it, DST
  // changes included (they happen at night, never across a whole day).
  let instant = wallMidnight - zoneOffset(wallMidnight, timeZone);
  instant = wallMidnight - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayIn(instant: string | Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** The API query for the filters: whole days of the business, `to` included (the API's `to` is exclusive). */
export function toFeedQuery(filters: ActivityFilters, timeZone: string): ActivityFeedQuery {
  const query: ActivityFeedQuery = {};
  if (filters.entityType) query.entityType = filters.entityType;
  if (filters.entityId) query.entityId = filters.entityId;
  if (filters.action) query.action = filters.action;
  if (filters.actorUserId) query.actorUserId = filters.actorUserId;
  if (filters.from) query.from = startOfDayIn(filters.from, timeZone);
  if (filters.to) query.to = startOfDayIn(nextDay(filters.to), timeZone);
  return query;
}
