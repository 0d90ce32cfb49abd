/**
 * Money is stored as integer minor units of an ISO 4217 currency (docs: ARCHITECTURE §4). How many minor
 * digits a currency has is not always 2 (JPY has 0, KWD 3): ask Intl, never divide by 100.
 */

/** The number of minor-unit digits of a currency as Intl knows it: USD → 2, JPY → 0, KWD → 3. */
export function currencyFractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Minor units as an exact decimal string for Intl.NumberFormat (which formats strings without a float
 * round trip): 123450 with 2 digits → "1234.50"; 1234 with 0 → "1234"; -5 with 2 → "-0.05".
 */
export function minorToDecimal(minor: number, fractionDigits: number): Intl.StringNumericLiteral {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`minor units must be a safe integer, got ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(fractionDigits + 1, '0');
  if (fractionDigits === 0) return `${sign}${digits}` as Intl.StringNumericLiteral;
  const whole = digits.slice(0, -fractionDigits);
  const fraction = digits.slice(-fractionDigits);
  return `${sign}${whole}.${fraction}` as Intl.StringNumericLiteral;
}
