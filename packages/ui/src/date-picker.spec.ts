import { describe, expect, it } from 'vitest';
import {
  checkDate,
  dateFieldOrder,
  dateInputPattern,
  formatDateInput,
  isoFromParts,
  isoToLocalDate,
  localDateToIso,
  parseDateInput,
  weekStartForLocale,
} from './date-picker';

describe('isoFromParts', () => {
  it('builds padded ISO dates and refuses days that do not exist', () => {
    expect(isoFromParts(2026, 3, 4)).toBe('2026-03-04');
    expect(isoFromParts(2028, 2, 29)).toBe('2028-02-29');
    expect(isoFromParts(2026, 2, 29)).toBeNull();
    expect(isoFromParts(2026, 13, 1)).toBeNull();
    expect(isoFromParts(2026, 4, 31)).toBeNull();
  });
});

describe('local dates', () => {
  it('round-trips a calendar day through a local Date without drifting', () => {
    for (const iso of ['2026-01-01', '2026-03-08', '2026-03-29', '2026-11-01', '2026-12-31', '0099-06-15']) {
      expect(localDateToIso(isoToLocalDate(iso) as Date)).toBe(iso);
    }
    expect(isoToLocalDate('2026-02-30')).toBeUndefined();
  });
});

describe('formatDateInput and dateFieldOrder', () => {
  it('uses the locale numeric order with a four-digit year', () => {
    expect(formatDateInput('2026-03-14', 'en-US')).toBe('03/14/2026');
    expect(formatDateInput('2026-03-14', 'es')).toBe('14/03/2026');
    expect(formatDateInput('2026-03-14', 'de-DE')).toBe('14.03.2026');
    expect(formatDateInput('', 'en-US')).toBe('');
    expect(dateFieldOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(dateFieldOrder('es')).toEqual(['day', 'month', 'year']);
  });

  it('spells the pattern with given letters', () => {
    expect(dateInputPattern('en-US')).toBe('MM/DD/YYYY');
    expect(dateInputPattern('es', { day: 'dd', month: 'mm', year: 'aaaa' })).toBe('dd/mm/aaaa');
  });
});

describe('parseDateInput', () => {
  it('reads ISO dates in any locale', () => {
    expect(parseDateInput('2026-3-14', 'es')).toBe('2026-03-14');
  });

  it('reads numeric dates in the locale order, with any separator and two-digit years', () => {
    expect(parseDateInput('3/14/2026', 'en-US')).toBe('2026-03-14');
    expect(parseDateInput('14/3/26', 'es')).toBe('2026-03-14');
    expect(parseDateInput('14.03.2026', 'de')).toBe('2026-03-14');
    expect(parseDateInput('14 03 2026', 'es')).toBe('2026-03-14');
    expect(parseDateInput('03142026', 'en-US')).toBe('2026-03-14');
  });

  it('round-trips what formatDateInput shows', () => {
    for (const locale of ['en-US', 'en-GB', 'es', 'de', 'fr', 'ja', 'en-CA']) {
      expect(parseDateInput(formatDateInput('2026-11-05', locale), locale)).toBe('2026-11-05');
    }
  });

  it('reads month names in the locale language', () => {
    expect(parseDateInput('March 14, 2026', 'en-US')).toBe('2026-03-14');
    expect(parseDateInput('14 mar 2026', 'en-GB')).toBe('2026-03-14');
    expect(parseDateInput('14 de marzo de 2026', 'es')).toBe('2026-03-14');
    expect(parseDateInput('2026 sept 3', 'en-US')).toBe('2026-09-03');
  });

  it('refuses text that is not one existing date', () => {
    for (const text of ['', 'tomorrow', '14/3', '31/02/2026', '14/03/202', '2026-02-30', 'March 2026', '13/14/2026']) {
      expect(parseDateInput(text, 'es'), text).toBeNull();
    }
    expect(parseDateInput('14/3/2026', 'en-US')).toBeNull();
  });
});

describe('checkDate', () => {
  const limits = { min: '2026-03-01', max: '2026-03-31', isDateDisabled: (day: string) => day === '2026-03-15' };

  it('tells why a date is not allowed', () => {
    expect(checkDate('2026-03-14', limits)).toBeNull();
    expect(checkDate('2026-03-01', limits)).toBeNull();
    expect(checkDate('2026-02-28', limits)).toBe('before-min');
    expect(checkDate('2026-04-01', limits)).toBe('after-max');
    expect(checkDate('2026-03-15', limits)).toBe('disabled');
    expect(checkDate('2026-03-32', limits)).toBe('format');
  });
});

describe('weekStartForLocale', () => {
  it('starts the week on Sunday in the US and Monday in Spain', () => {
    expect(weekStartForLocale('en-US')).toBe(0);
    expect(weekStartForLocale('es-ES')).toBe(1);
    expect(weekStartForLocale('not a locale')).toBe(1);
  });
});
