import { describe, expect, it } from 'vitest';
import { compactTime, filterTimes, formatTime, parseTimeInput, timeOptions, uses12HourClock } from './time-picker';

// Intl puts a narrow no-break space before AM/PM; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('parseTimeInput', () => {
  it('reads the usual ways of typing a time', () => {
    const cases: Record<string, string> = {
      '7:30': '07:30',
      '07.30': '07:30',
      '730': '07:30',
      '1930': '19:30',
      '19h30': '19:30',
      '19h': '19:00',
      '7': '07:00',
      '7pm': '19:00',
      '7:30 p. m.': '19:30',
      '7 a': '07:00',
      '12am': '00:00',
      '12:15 PM': '12:15',
      '0:05': '00:05',
    };
    for (const [text, expected] of Object.entries(cases)) expect(parseTimeInput(text), text).toBe(expected);
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['', '24:00', '7:60', '13pm', '0am', 'noon', '7:3', '12345']) {
      expect(parseTimeInput(text), text).toBeNull();
    }
  });
});

describe('formatTime and the clock', () => {
  it('follows the locale clock unless told otherwise', () => {
    expect(uses12HourClock('en-US')).toBe(true);
    expect(uses12HourClock('es')).toBe(false);
    expect(plain(formatTime('19:30', 'en-US'))).toBe('7:30 PM');
    expect(formatTime('19:30', 'es')).toBe('19:30');
    expect(formatTime('07:05', 'en-GB')).toBe('07:05');
    expect(formatTime('19:30', 'en-US', false)).toBe('19:30');
    expect(formatTime('nope', 'es')).toBe('');
  });
});

describe('timeOptions', () => {
  it('lists a time every step between min and max', () => {
    expect(timeOptions(15, 'es').length).toBe(96);
    expect(timeOptions(30, 'es', { min: '07:10', max: '09:00' }).map((option) => option.value)).toEqual([
      '07:30',
      '08:00',
      '08:30',
      '09:00',
    ]);
    expect(plain(timeOptions(60, 'en-US', { min: '13:00', max: '13:00' })[0]?.label ?? '')).toBe('1:00 PM');
  });
});

describe('filterTimes', () => {
  const times = timeOptions(15, 'en-US');

  it('matches the start of the label or of the 24-hour value', () => {
    expect(compactTime('07:15 a. m.')).toBe('715am');
    expect(filterTimes(times, '7:1').map((option) => option.value)).toEqual(['07:15', '19:15']);
    expect(filterTimes(times, '19').map((option) => option.value)).toEqual(['19:00', '19:15', '19:30', '19:45']);
    expect(filterTimes(times, '7:30p').map((option) => option.value)).toEqual(['19:30']);
    expect(filterTimes(times, '')).toHaveLength(96);
  });
});
