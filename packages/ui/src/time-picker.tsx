import { useMemo, useState } from 'react';
import { Combobox, type ComboboxLabels, type ComboboxOption, type ComboboxProps } from './combobox';

// Why not only the native <input type="time"> (date-time-input.tsx): its clock follows the browser's language,
// not the app's, so a Spanish page in an English browser shows AM/PM; Chrome's and Safari's pickers list every
// minute whatever `step` says, and desktop Firefox has no list at all. This is the Combobox with one option per
// step, labelled in the page locale's 12- or 24-hour clock, and any time can still be typed ("7:10", "1930",
// "7p", "19h30"). Values are "HH:mm" strings, '' for none.

const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTime(value: string): boolean {
  return timePattern.test(value);
}

function minutesOf(value: string): number {
  const match = timePattern.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether the locale writes times with a 12-hour clock (en-US) rather than 24 hours (es, en-GB). */
export function uses12HourClock(locale: string): boolean {
  const { hourCycle } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
  return hourCycle === 'h11' || hourCycle === 'h12';
}

/** "19:30" as the locale writes it: "7:30 PM", "19:30". */
export function formatTime(value: string, locale: string, hour12?: boolean): string {
  const minutes = minutesOf(value);
  if (Number.isNaN(minutes)) return '';
  const twelve = hour12 ?? uses12HourClock(locale);
  return new Intl.DateTimeFormat(locale, {
    // A 24-hour list reads as a column ("07:00" above "19:00"); a 12-hour one drops the zero ("7:00 AM").
    hour: twelve ? 'numeric' : '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    numberingSystem: 'latn',
    ...(hour12 === undefined ? {} : { hour12 }),
  }).format(Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60));
}

/**
 * Reads a typed time: "7:30", "07.30", "730", "1930", "19h30", "7", "7pm", "7:30 p. m.", "12am". Without
 * am/pm the hour is on the 24-hour clock. Null when it is not a time of day.
 */
export function parseTimeInput(text: string): string | null {
  const compact = text.toLowerCase().replace(/[\s.\u00a0\u202f]/g, '');
  const match = /^(\d{1,2})(?:[:h]?(\d{2})|h)?(am|pm|a|p)?$/.exec(compact);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.[0];
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return timeOf(hour * 60 + minute);
}

/** The times from `min` to `max` (inclusive), every `stepMinutes`, labelled for the locale. */
export function timeOptions(
  stepMinutes: number,
  locale: string,
  { min = '00:00', max = '23:59', hour12 }: { min?: string; max?: string; hour12?: boolean | undefined } = {},
): ComboboxOption[] {
  const step = Math.max(1, Math.floor(stepMinutes));
  const first = minutesOf(min);
  const last = minutesOf(max);
  const options: ComboboxOption[] = [];
  for (let minutes = Math.ceil(first / step) * step; minutes <= last; minutes += step) {
    const value = timeOf(minutes);
    options.push({ value, label: formatTime(value, locale, hour12) });
  }
  return options;
}

/** What the matcher compares: no spaces, separators, dots or leading zeros ("07:15 a. m." is "715am"). */
export function compactTime(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s.:h\u00a0\u202f]/g, '')
    .replace(/^0+(?=\d)/, '');
}

/** Keeps the times whose label or 24-hour value starts with what was typed ("7" finds 7:00 and 7:15). */
export function filterTimes(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const typed = compactTime(query);
  if (typed === '') return [...options];
  return options.filter(
    (option) => compactTime(option.label).startsWith(typed) || compactTime(option.value).startsWith(typed),
  );
}

export interface TimePickerProps
  extends Omit<
    ComboboxProps,
    | 'options'
    | 'value'
    | 'defaultValue'
    | 'onValueChange'
    | 'filter'
    | 'parseInput'
    | 'onCreate'
    | 'inputValue'
    | 'onInputChange'
    | 'min'
    | 'max'
  > {
  /** "HH:mm", or '' for none. */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Minutes between the listed times. Default 15. Any time can still be typed. */
  stepMinutes?: number;
  /** First and last listed times ("HH:mm"). */
  min?: string;
  max?: string;
  /** BCP 47 tag: the clock (12/24 h) and the am/pm words follow it. Default "en-US". */
  locale?: string;
  /** Forces a 12- (true) or 24-hour (false) clock instead of the locale's. */
  hour12?: boolean;
  labels?: Partial<ComboboxLabels>;
}

/** A time field with a list of times every `stepMinutes`; FormField wires it like any input. */
export function TimePicker({
  value,
  defaultValue,
  onValueChange,
  stepMinutes = 15,
  min,
  max,
  locale = 'en-US',
  hour12,
  ...props
}: TimePickerProps) {
  const listed = useMemo(
    () => timeOptions(stepMinutes, locale, { min, max, hour12 }),
    [stepMinutes, locale, min, max, hour12],
  );
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? '');
  const current = value ?? uncontrolled;
  // A typed time between the steps ("7:10") joins the list so the field can show it as the chosen option.
  const options =
    isValidTime(current) && !listed.some((option) => option.value === current)
      ? [...listed, { value: current, label: formatTime(current, locale, hour12) }].sort((a, b) =>
          a.value.localeCompare(b.value),
        )
      : listed;
  return (
    <Combobox
      {...props}
      options={options}
      value={current === '' ? null : current}
      onValueChange={(next) => {
        setUncontrolled(next ?? '');
        onValueChange?.(next ?? '');
      }}
      filter={filterTimes}
      parseInput={(text) => {
        const parsed = parseTimeInput(text);
        return parsed ? { value: parsed, label: formatTime(parsed, locale, hour12) } : null;
      }}
    />
  );
}
