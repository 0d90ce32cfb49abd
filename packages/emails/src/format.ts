import { minorToDecimal } from '@ontrack/schemas/money';

/** Money and dates as the recipient reads them: the locale's conventions, the tenant's currency and time zone. */
export interface Formatters {
  /** Integer minor units of the tenant currency → "$1,234.50" (en-US) / "1234,50 US$" (es). */
  money(minor: number): string;
  /** A calendar date (YYYY-MM-DD, shown as is) or an instant (shown in the tenant time zone) → "March 3, 2026". */
  date(value: string): string;
  /** An instant in the tenant time zone, with the zone named → "March 3, 2026, 9:00 AM CST". */
  dateTime(value: string): string;
  /** A time window in the tenant time zone → "Tuesday, March 3, 2026, 9:00 – 11:00 AM CST". */
  window(start: string, end: string): string;
}

export function createFormatters(locale: string, currency: string, timeZone: string): Formatters {
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const fractionDigits = moneyFormat.resolvedOptions().maximumFractionDigits ?? 2;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const windowFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  return {
    // A decimal string keeps the amount exact: minor units never pass through a float division.
    money: (minor) => moneyFormat.format(minorToDecimal(minor, fractionDigits)),
    date: (value) =>
      isCalendarDate(value)
        ? calendarDateFormat.format(new Date(`${value}T00:00:00Z`))
        : dateFormat.format(new Date(value)),
    dateTime: (value) => dateTimeFormat.format(new Date(value)),
    window: (start, end) => windowFormat.formatRange(new Date(start), new Date(end)),
  };
}

function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
