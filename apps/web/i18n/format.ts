import { currencyFractionDigits, minorToDecimal } from '@ontrack/schemas/money';

export interface FormatSettings {
  /** A BCP 47 locale: the app's language ("es") or a regional one ("es-MX") when known. */
  locale: string;
  /** ISO 4217 code of the business's currency. */
  currency: string;
  /** IANA time zone of the business: instants are shown on its clock, wherever the viewer is. */
  timeZone: string;
}

export interface Formatters {
  /** Integer minor units → "$1,234.50" (en-US), "¥1,235" for 1235 JPY, "KWD 1.235" for 1235 fils. */
  money(minor: number, currency?: string): string;
  /** A plain number in the locale's digits and separators. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A calendar date (YYYY-MM-DD, shown as is) or an instant (its date in the business's time zone). */
  date(value: string | Date): string;
  /** An instant on the business's clock with the zone named: "Mar 3, 2026, 9:00 AM CST". */
  dateTime(value: string | Date): string;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formatting for people reading the app: the locale's conventions, the business's currency and time zone.
 * Money never passes through a float division: the minor units become an exact decimal string with as many
 * fraction digits as the currency has (JPY 0, USD 2, KWD 3), which Intl.NumberFormat formats as written.
 */
export function createFormatters({ locale, currency, timeZone }: FormatSettings): Formatters {
  const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
  const moneyFormat = (code: string) => {
    let entry = moneyFormats.get(code);
    if (!entry) {
      const digits = currencyFractionDigits(code);
      const format = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: code,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      entry = { format, digits };
      moneyFormats.set(code, entry);
    }
    return entry;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  // dateStyle/timeStyle cannot be combined with timeZoneName: the zone is appended from a second format.
  const zoneNameFormat = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
  const zoneName = (at: Date) => zoneNameFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;

  return {
    money(minor, code = currency) {
      const { format, digits } = moneyFormat(code);
      return format.format(minorToDecimal(minor, digits));
    },
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    date(value) {
      if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
        return calendarDateFormat.format(new Date(`${value}T00:00:00Z`));
      }
      return dateFormat.format(new Date(value));
    },
    dateTime(value) {
      const at = new Date(value);
      const zone = zoneName(at);
      return zone ? `${dateTimeFormat.format(at)} ${zone}` : dateTimeFormat.format(at);
    },
  };
}
