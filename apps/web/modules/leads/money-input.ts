import { currencyFractionDigits, minorToDecimal } from '@ontrack/schemas/money';

/** The locale's decimal and grouping characters ("." and "," in English, "," and "." in Spanish). */
function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

export type MoneyInput = { ok: true; minor: number | null } | { ok: false; problem: 'format' | 'precision' };

/**
 * An amount typed by a person ("1,250.50", "1.250,50" in Spanish, "$ 90", "1250") as integer minor units of
 * `currency`, with exact decimal arithmetic (never a float times 100). Empty text is no amount (null).
 *
 * The locale's own separators win. Someone in a Spanish-speaking locale who types "1250.50" (as US price tags
 * are written) means a decimal point: the other separator is read as the decimal one when it appears once,
 * the locale's decimal does not appear, and it is followed by fewer than three digits ("1.250" stays 1250).
 */
export function parseMoneyInput(text: string, currency: string, locale: string): MoneyInput {
  // Spaces (also the narrow no-break ones Intl uses as a group separator in some locales) and currency signs.
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,'’-]/g, '');
  if (cleaned === '') return text.trim() === '' ? { ok: true, minor: null } : { ok: false, problem: 'format' };
  if (cleaned.startsWith('-')) return { ok: false, problem: 'format' };
  const { decimal, group } = separators(locale);
  const other = decimal === '.' ? ',' : '.';
  let normalized = cleaned.replaceAll('’', "'");
  const otherCount = normalized.split(other).length - 1;
  const otherIsDecimal =
    !normalized.includes(decimal) && otherCount === 1 && /^\d{1,2}$/.test(normalized.split(other)[1] ?? '');
  const decimalChar = otherIsDecimal ? other : decimal;
  const groupChars = otherIsDecimal ? [] : [group, other, "'"];
  for (const char of groupChars) if (char !== decimalChar) normalized = normalized.replaceAll(char, '');
  if (decimalChar !== '.') normalized = normalized.replace(decimalChar, '.');
  if (!/^\d+(\.\d*)?$/.test(normalized) && !/^\.\d+$/.test(normalized)) return { ok: false, problem: 'format' };

  const [whole = '', fraction = ''] = normalized.split('.');
  const digits = currencyFractionDigits(currency);
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > digits) return { ok: false, problem: 'precision' };
  const minorText = `${whole || '0'}${fraction.padEnd(digits, '0').slice(0, digits)}`;
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return { ok: false, problem: 'format' };
  return { ok: true, minor };
}

/** Minor units as the text of an amount field: "1250.50" in English, "1250,50" in Spanish (no grouping). */
export function moneyInputText(minor: number, currency: string, locale: string): string {
  const text = minorToDecimal(minor, currencyFractionDigits(currency));
  return separators(locale).decimal === '.' ? text : text.replace('.', separators(locale).decimal);
}
