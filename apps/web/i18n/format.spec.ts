import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';

// Intl output uses narrow and non-breaking spaces in some locales; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('createFormatters — money in minor units', () => {
  it('formats USD cents with two decimals, exactly', () => {
    const { money } = createFormatters({ locale: 'en-US', currency: 'USD', timeZone: 'America/Chicago' });
    expect(money(123450)).toBe('$1,234.50');
    expect(money(-5)).toBe('-$0.05');
    expect(money(0)).toBe('$0.00');
    // 0.1 + 0.2 style float drift cannot happen: 2^53 - 1 cents stays exact.
    expect(money(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
  });

  it('formats JPY with no decimals: 1235 minor units are ¥1,235, not ¥12.35', () => {
    const { money } = createFormatters({ locale: 'en-US', currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(money(1235)).toBe('¥1,235');
  });

  it('formats KWD with three decimals: 1235 fils are 1.235 dinars', () => {
    const { money } = createFormatters({ locale: 'en-US', currency: 'KWD', timeZone: 'Asia/Kuwait' });
    expect(plain(money(1235))).toBe('KWD 1.235');
    expect(plain(money(5))).toBe('KWD 0.005');
  });

  it('follows the locale: es-MX and en-US write the same amount differently', () => {
    const us = createFormatters({ locale: 'en-US', currency: 'MXN', timeZone: 'America/Mexico_City' });
    const mx = createFormatters({ locale: 'es-MX', currency: 'MXN', timeZone: 'America/Mexico_City' });
    expect(plain(us.money(123450))).toBe('MX$1,234.50');
    expect(plain(mx.money(123450))).toBe('$1,234.50');
    const es = createFormatters({ locale: 'es', currency: 'EUR', timeZone: 'Europe/Madrid' });
    expect(plain(es.money(123450))).toBe('1234,50 €');
    expect(plain(es.number(1234567.5))).toBe('1.234.567,5');
  });

  it('can format another currency than the business’s, and refuses a fractional amount', () => {
    const { money } = createFormatters({ locale: 'en-US', currency: 'USD', timeZone: 'UTC' });
    expect(money(500, 'JPY')).toBe('¥500');
    expect(() => money(1.5)).toThrow(RangeError);
  });
});

describe('createFormatters — dates in the business’s time zone', () => {
  const instant = '2026-03-03T03:30:00Z'; // still March 2 in Chicago (UTC−6)

  it('shows an instant on the business’s clock, with the zone named', () => {
    const chicago = createFormatters({ locale: 'en-US', currency: 'USD', timeZone: 'America/Chicago' });
    expect(chicago.date(instant)).toBe('Mar 2, 2026');
    expect(plain(chicago.dateTime(instant))).toBe('Mar 2, 2026, 9:30 PM CST');
    const tokyo = createFormatters({ locale: 'en-US', currency: 'JPY', timeZone: 'Asia/Tokyo' });
    expect(tokyo.date(instant)).toBe('Mar 3, 2026');
  });

  it('shows a calendar date as written, whatever the zone', () => {
    const honolulu = createFormatters({ locale: 'en-US', currency: 'USD', timeZone: 'Pacific/Honolulu' });
    expect(honolulu.date('2026-03-03')).toBe('Mar 3, 2026');
  });

  it('writes dates in Spanish for es', () => {
    const mx = createFormatters({ locale: 'es-MX', currency: 'MXN', timeZone: 'America/Mexico_City' });
    expect(mx.date('2026-03-03')).toBe('3 mar 2026');
    expect(plain(mx.dateTime('2026-03-03T15:00:00Z'))).toBe('3 mar 2026, 9:00 a.m. GMT-6');
  });
});
