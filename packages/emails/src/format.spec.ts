import { minorToDecimal } from '@ontrack/schemas/money';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn, resolveBrand } from './brand.js';
import { createFormatters } from './format.js';
import { resolveEmailLocale } from './schemas.js';

describe('minorToDecimal', () => {
  it('places the decimal point without floating-point arithmetic', () => {
    expect(minorToDecimal(123450, 2)).toBe('1234.50');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(1234, 0)).toBe('1234');
    expect(minorToDecimal(1, 3)).toBe('0.001');
    expect(minorToDecimal(9007199254740991, 2)).toBe('90071992547409.91');
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
  });
});

describe('createFormatters', () => {
  it('formats money in the locale and the tenant currency', () => {
    expect(createFormatters('en-US', 'USD', 'UTC').money(123450)).toBe('$1,234.50');
    expect(createFormatters('es', 'USD', 'UTC').money(123450)).toBe('1234,50\u00a0US$');
    expect(createFormatters('es', 'EUR', 'UTC').money(1234567)).toBe('12.345,67\u00a0€');
  });

  it('shows instants in the tenant time zone and calendar dates as they are', () => {
    const chicago = createFormatters('en-US', 'USD', 'America/Chicago');
    expect(chicago.date('2026-03-03T03:00:00Z')).toBe('March 2, 2026');
    expect(chicago.date('2026-03-03')).toBe('March 3, 2026');
    expect(chicago.dateTime('2026-03-03T15:00:00Z')).toMatch(/March 3, 2026.*9:00.AM CST/);
    expect(chicago.window('2026-03-03T15:00:00Z', '2026-03-03T17:00:00Z')).toMatch(
      /^Tuesday, March 3, 2026, 9:00.–.11:00.AM CST$/,
    );
  });
});

describe('brand', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
  });

  it('picks the text colour with the higher contrast on the primary colour', () => {
    expect(readableTextOn('#0F3659')).toBe('#FFFFFF');
    expect(readableTextOn('#9FE870')).toBe('#000000');
    expect(readableTextOn('#FFFF00')).toBe('#000000');
    // Every colour of a 6×6×6 grid (mid-greys included, the hardest case) gets AA-contrast text.
    const steps = ['00', '33', '66', '99', 'CC', 'FF'];
    for (const r of steps) {
      for (const g of steps) {
        for (const b of steps) {
          const primary = `#${r}${g}${b}`;
          expect(contrastRatio(primary, readableTextOn(primary)), primary).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    expect(contrastRatio('#777777', readableTextOn('#777777'))).toBeGreaterThanOrEqual(4.5);
  });

  it('uses the brand defaults and keeps links readable on white', () => {
    expect(resolveBrand(undefined)).toEqual({
      primary: '#0F3659',
      accent: '#9FE870',
      onPrimary: '#FFFFFF',
      link: '#0F3659',
    });
    expect(resolveBrand({ primaryColor: '#FDBA74' }).link).toBe('#0F3659');
    expect(resolveBrand({ primaryColor: '#7C2D12' }).link).toBe('#7C2D12');
  });
});

describe('resolveEmailLocale', () => {
  it('takes the first candidate with a catalogue, else English', () => {
    expect(resolveEmailLocale([null, 'es-MX', 'en'])).toBe('es-MX');
    expect(resolveEmailLocale(['fr', undefined])).toBe('en');
    expect(resolveEmailLocale(['not a locale', 'es'])).toBe('es');
  });
});
