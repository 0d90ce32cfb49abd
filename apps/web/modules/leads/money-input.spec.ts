import { describe, expect, it } from 'vitest';
import { moneyInputText, parseMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
  it('reads English amounts with grouping, symbols and spaces as exact minor units', () => {
    expect(parseMoneyInput('1,250.50', 'USD', 'en')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoneyInput('$ 90', 'USD', 'en')).toEqual({ ok: true, minor: 9000 });
    expect(parseMoneyInput('0.1', 'USD', 'en')).toEqual({ ok: true, minor: 10 });
    // 0.29 × 100 is 28.999999999999996 in floats: the string arithmetic never sees it.
    expect(parseMoneyInput('0.29', 'USD', 'en')).toEqual({ ok: true, minor: 29 });
    expect(parseMoneyInput('1,250', 'USD', 'en')).toEqual({ ok: true, minor: 125000 });
  });

  it('reads Spanish amounts, and a lone point followed by cents as the decimal', () => {
    expect(parseMoneyInput('1.250,50', 'USD', 'es')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoneyInput('1250,5', 'USD', 'es')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoneyInput('1250.50', 'USD', 'es')).toEqual({ ok: true, minor: 125050 });
    expect(parseMoneyInput('1.250', 'USD', 'es')).toEqual({ ok: true, minor: 125000 });
  });

  it('follows the currency’s minor digits (JPY 0, KWD 3)', () => {
    expect(parseMoneyInput('1,235', 'JPY', 'en')).toEqual({ ok: true, minor: 1235 });
    expect(parseMoneyInput('12.5', 'JPY', 'en')).toEqual({ ok: false, problem: 'precision' });
    expect(parseMoneyInput('1.235', 'KWD', 'en')).toEqual({ ok: true, minor: 1235 });
    expect(parseMoneyInput('1.2345', 'KWD', 'en')).toEqual({ ok: false, problem: 'precision' });
    expect(parseMoneyInput('10.50', 'JPY', 'en')).toEqual({ ok: false, problem: 'precision' });
    expect(parseMoneyInput('10.00', 'JPY', 'en')).toEqual({ ok: true, minor: 10 });
  });

  it('treats empty text as no amount and refuses what is not one', () => {
    expect(parseMoneyInput('  ', 'USD', 'en')).toEqual({ ok: true, minor: null });
    expect(parseMoneyInput('abc', 'USD', 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseMoneyInput('-5', 'USD', 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseMoneyInput('1.2.3', 'USD', 'en')).toEqual({ ok: false, problem: 'format' });
    expect(parseMoneyInput('99999999999999999999', 'USD', 'en')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('moneyInputText', () => {
  it('writes minor units back as an editable amount in the locale', () => {
    expect(moneyInputText(125050, 'USD', 'en')).toBe('1250.50');
    expect(moneyInputText(125050, 'USD', 'es')).toBe('1250,50');
    expect(moneyInputText(1235, 'JPY', 'en')).toBe('1235');
    expect(parseMoneyInput(moneyInputText(7, 'KWD', 'es'), 'KWD', 'es')).toEqual({ ok: true, minor: 7 });
  });
});
