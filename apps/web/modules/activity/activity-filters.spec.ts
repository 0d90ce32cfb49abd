import { describe, expect, it } from 'vitest';
import {
  dayIn,
  filtersToSearch,
  hasFilters,
  isCalendarDate,
  nextDay,
  parseFilters,
  periodIsInverted,
  startOfDayIn,
  toFeedQuery,
} from './activity-filters';

describe('filters in the address bar', () => {
  it('reads the filters, dropping empty values and dates that are not days', () => {
    const params = new URLSearchParams('entityType=role&action=&from=2026-02-30&to=2026-03-14&other=x');
    expect(parseFilters(params)).toEqual({ entityType: 'role', to: '2026-03-14' });
  });

  it('writes them back in a stable order, and nothing for no filter', () => {
    expect(filtersToSearch({ to: '2026-03-14', entityType: 'role', action: undefined })).toBe(
      'entityType=role&to=2026-03-14',
    );
    expect(filtersToSearch({})).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ actorUserId: 'x' })).toBe(true);
  });

  it('knows a period that ends before it starts', () => {
    expect(periodIsInverted({ from: '2026-03-15', to: '2026-03-14' })).toBe(true);
    expect(periodIsInverted({ from: '2026-03-14', to: '2026-03-14' })).toBe(false);
    expect(periodIsInverted({ from: '2026-03-14' })).toBe(false);
  });

  it('checks calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-3-1')).toBe(false);
  });
});

describe('days on the business clock', () => {
  it('finds the instant a day starts, across daylight saving time', () => {
    expect(startOfDayIn('2026-01-15', 'America/Chicago')).toBe('2026-01-15T06:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'America/Chicago')).toBe('2026-07-15T05:00:00.000Z');
    // The clocks go forward at 2 AM on 8 March 2026: that day still starts at CST midnight.
    expect(startOfDayIn('2026-03-08', 'America/Chicago')).toBe('2026-03-08T06:00:00.000Z');
    expect(startOfDayIn('2026-03-09', 'America/Chicago')).toBe('2026-03-09T05:00:00.000Z');
    expect(startOfDayIn('2026-03-14', 'Asia/Kolkata')).toBe('2026-03-13T18:30:00.000Z');
    expect(startOfDayIn('2026-03-14', 'UTC')).toBe('2026-03-14T00:00:00.000Z');
  });

  it('puts an instant on its day in the zone', () => {
    expect(dayIn('2026-03-14T04:59:00Z', 'America/Chicago')).toBe('2026-03-13');
    expect(dayIn('2026-03-14T05:00:00Z', 'America/Chicago')).toBe('2026-03-14');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('asks the API for whole days, the last one included', () => {
    expect(
      toFeedQuery({ entityType: 'role', from: '2026-03-01', to: '2026-03-14', actorUserId: 'u' }, 'America/Chicago'),
    ).toEqual({
      entityType: 'role',
      actorUserId: 'u',
      from: '2026-03-01T06:00:00.000Z',
      to: '2026-03-15T05:00:00.000Z',
    });
  });
});
