import { Popover as PopoverPrimitive } from 'radix-ui';
import { type ComponentProps, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type ChevronProps, DayPicker, type Matcher } from 'react-day-picker';
import { cn, fieldBase, focusRing } from './class-names';
import { CalendarIcon, ChevronLeftIcon, ChevronRightIcon } from './icons';

// A date field that takes typing (the fastest way for anyone who knows the date, and the only one for some
// assistive technology) plus a button opening a calendar grid (react-day-picker: a real ARIA grid with arrow
// keys, Page Up/Down for months, Home/End for the week). Values are calendar dates as 'YYYY-MM-DD' strings:
// every conversion goes through local year/month/day parts, never through UTC midnight, so no time zone can
// move a date by a day. The package has no i18n of its own: `locale` (a BCP 47 tag) drives Intl formatting,
// and `labels` takes the app's translated words. react-day-picker's stylesheet is not imported: the calendar
// is styled with the design tokens through `classNames`, so no second set of colour variables can drift.

export type DatePart = 'year' | 'month' | 'day';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO string for a year, month (1-12) and day, or null when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isValidIsoDate(value: string): boolean {
  const match = isoPattern.exec(value);
  return match !== null && isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

/** A local Date at midnight of that calendar day, as react-day-picker works with. */
export function isoToLocalDate(value: string): Date | undefined {
  const match = isoPattern.exec(value);
  if (!match || !isValidIsoDate(value)) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // new Date(y, ...) maps years 0-99 to 1900-1999.
  date.setFullYear(Number(match[1]));
  return date;
}

/** The calendar day a local Date falls on, read from its local parts. */
export function localDateToIso(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function numericFormat(locale: string): Intl.DateTimeFormat {
  // Latin digits whatever the locale, so what the field shows can be typed back on any keyboard.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
    numberingSystem: 'latn',
  });
}

/** The order the locale writes the day, month and year in ("en-US": month, day, year). */
export function dateFieldOrder(locale: string): DatePart[] {
  return numericFormat(locale)
    .formatToParts(Date.UTC(2026, 10, 23))
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'year' || type === 'month' || type === 'day');
}

/** How the field shows a date for the locale: its numeric short form with a four-digit year ("03/14/2026"). */
export function formatDateInput(value: string, locale: string): string {
  const match = isoPattern.exec(value);
  if (!match || !isValidIsoDate(value)) return '';
  const utc = new Date(0);
  utc.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return numericFormat(locale).format(utc);
}

/** The expected format spelled out for a hint or placeholder, e.g. "MM/DD/YYYY"; pass translated letters. */
export function dateInputPattern(
  locale: string,
  letters: Record<DatePart, string> = { year: 'YYYY', month: 'MM', day: 'DD' },
): string {
  return numericFormat(locale)
    .formatToParts(Date.UTC(2026, 10, 23))
    .map((part) =>
      part.type === 'year' || part.type === 'month' || part.type === 'day' ? letters[part.type] : part.value,
    )
    .join('');
}

function monthNames(locale: string): string[][] {
  const names: string[][] = [];
  for (let month = 0; month < 12; month++) {
    const date = Date.UTC(2026, month, 15);
    names.push(
      (['long', 'short'] as const).map((width) =>
        normalizeWord(new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(date)),
      ),
    );
  }
  return names;
}

function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '');
}

function fullYear(digits: string): number | null {
  // Two digits mean this century: the dates typed here (visits, deadlines) are near today, not in 1926.
  if (digits.length === 2) return 2000 + Number(digits);
  if (digits.length === 4) return Number(digits);
  return null;
}

/**
 * Reads what someone typed as a calendar date: ISO ("2026-03-14"), the locale's numeric order with any
 * separator ("14/3/26", "14.03.2026", "14032026"), or with a month name in the locale's language
 * ("14 mar 2026", "March 14, 2026"). Null when it is not one existing date.
 */
export function parseDateInput(text: string, locale: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const order = dateFieldOrder(locale);
  const numbers = trimmed.match(/\d+/g) ?? [];
  const words = (trimmed.match(/\p{L}+/gu) ?? []).map(normalizeWord).filter((word) => word.length > 0);

  if (words.length > 0) {
    // A month written as a word; ordinal suffixes ("14th", "1er") and "de" ("14 de marzo") are not months.
    const names = monthNames(locale);
    const months = words
      .filter((word) => word.length >= 3)
      .map((word) => names.findIndex((forms) => forms.some((form) => form.startsWith(word) || word.startsWith(form))))
      .filter((index) => index >= 0);
    if (months.length !== 1 || numbers.length !== 2) return null;
    const month = (months[0] ?? -1) + 1;
    const [first = '', second = ''] = numbers;
    // The four-digit number is the year; otherwise the locale's order of day and year decides.
    const yearFirst = first.length === 4 || (second.length !== 4 && order.indexOf('year') < order.indexOf('day'));
    const year = fullYear(yearFirst ? first : second);
    const day = Number(yearFirst ? second : first);
    return year === null ? null : isoFromParts(year, month, day);
  }

  let groups: string[] = [...numbers];
  if (numbers.length === 1 && numbers[0]?.length === 8) {
    // Digits only: split by the locale's order, the year taking four.
    const digits = numbers[0];
    let position = 0;
    groups = order.map((part) => {
      const length = part === 'year' ? 4 : 2;
      const group = digits.slice(position, position + length);
      position += length;
      return group;
    });
  }
  if (groups.length !== 3) return null;
  const parts: Partial<Record<DatePart, string>> = {};
  for (const [index, part] of order.entries()) parts[part] = groups[index];
  const year = fullYear(parts.year ?? '');
  if (year === null || (parts.month?.length ?? 0) > 2 || (parts.day?.length ?? 0) > 2) return null;
  return isoFromParts(year, Number(parts.month), Number(parts.day));
}

export type DateProblem = 'format' | 'before-min' | 'after-max' | 'disabled';

/** Why a date cannot be chosen, if it cannot. ISO strings compare correctly as text. */
export function checkDate(
  value: string,
  limits: {
    min?: string | undefined;
    max?: string | undefined;
    isDateDisabled?: ((value: string) => boolean) | undefined;
  },
): DateProblem | null {
  if (!isValidIsoDate(value)) return 'format';
  if (limits.min && value < limits.min) return 'before-min';
  if (limits.max && value > limits.max) return 'after-max';
  if (limits.isDateDisabled?.(value)) return 'disabled';
  return null;
}

const sundayFirstRegions = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'IL', 'PH', 'AU', 'ZA', 'SA', 'CO', 'PE']);

/** The locale's first day of the week (0 = Sunday), from Intl where the browser knows it. */
export function weekStartForLocale(locale: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  try {
    const tag = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = tag.getWeekInfo?.().firstDay ?? tag.weekInfo?.firstDay;
    if (firstDay !== undefined) return (firstDay % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
    const region = tag.maximize().region;
    return region && sundayFirstRegions.has(region) ? 0 : 1;
  } catch {
    return 1;
  }
}

/** The words the date picker says itself; English defaults, pass the app's translations. */
export interface DatePickerLabels {
  /** Name of the button that opens the calendar. */
  openCalendar: string;
  /** Name of the calendar dialog. */
  calendar: string;
  previousMonth: string;
  nextMonth: string;
  /** Name of the bar holding the previous/next buttons. */
  navigation: string;
  /** Said before today's date in the grid. */
  today: string;
  /** Said after the chosen date in the grid. */
  selected: string;
}

export const defaultDatePickerLabels: DatePickerLabels = {
  openCalendar: 'Choose date',
  calendar: 'Calendar',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  navigation: 'Month navigation',
  today: 'Today',
  selected: 'selected',
};

export interface DatePickerProps
  extends Omit<ComponentProps<'input'>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max' | 'children'> {
  /** 'YYYY-MM-DD', or '' for no date. */
  value?: string;
  defaultValue?: string;
  /** Called with a valid, allowed date, or '' when the field is emptied or holds text that is not one. */
  onValueChange?: (value: string) => void;
  /** Called when typed text cannot be used, with the reason, so the form can say what is wrong. */
  onInvalidInput?: (text: string, problem: DateProblem) => void;
  /** Earliest and latest allowed dates ('YYYY-MM-DD'); the calendar does not page beyond them. */
  min?: string;
  max?: string;
  /** Days that cannot be picked (non-working days, full days), by their ISO date. */
  isDateDisabled?: (value: string) => boolean;
  /** BCP 47 tag for formats, month and weekday names, and the first day of the week. Default "en-US". */
  locale?: string;
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  labels?: Partial<DatePickerLabels>;
  /** Classes for the wrapper (width, margins). */
  className?: string;
  /** Opens with the calendar shown (for stories and tests). */
  defaultOpen?: boolean;
}

function CalendarChevron({ orientation, className }: ChevronProps) {
  const Icon = orientation === 'left' ? ChevronLeftIcon : ChevronRightIcon;
  // The grid mirrors itself in right-to-left pages; so must the arrows.
  return <Icon className={cn('size-5 rtl:-scale-x-100', className)} />;
}

const calendarClassNames = {
  root: 'relative',
  months: 'flex flex-col',
  month: 'flex flex-col gap-2',
  month_caption: 'flex h-11 items-center justify-center px-12',
  caption_label: 'text-base font-semibold',
  nav: 'absolute inset-x-0 top-0 flex items-center justify-between',
  button_previous: cn(
    'inline-flex size-11 items-center justify-center rounded-md border border-border-strong bg-background',
    'hover:bg-surface-muted aria-disabled:cursor-not-allowed aria-disabled:opacity-50',
    focusRing,
  ),
  button_next: cn(
    'inline-flex size-11 items-center justify-center rounded-md border border-border-strong bg-background',
    'hover:bg-surface-muted aria-disabled:cursor-not-allowed aria-disabled:opacity-50',
    focusRing,
  ),
  chevron: '',
  month_grid: 'border-collapse',
  weekdays: '',
  weekday: 'size-11 p-0 text-sm font-normal text-muted-foreground',
  weeks: '',
  week: '',
  day: 'p-0 text-center',
  day_button: cn(
    // 44 px squares: the grid is tapped with gloves and thumbs as often as clicked.
    'size-11 rounded-md border-2 border-transparent text-base hover:bg-surface-muted',
    // Unavailable days are struck through, not only dimmed.
    'disabled:cursor-not-allowed disabled:line-through disabled:opacity-50 aria-disabled:line-through',
    focusRing,
  ),
  // The chosen day is filled and bordered: the border is what remains in forced-colors mode.
  selected:
    '[&>button]:border-foreground [&>button]:bg-primary [&>button]:font-semibold [&>button]:text-primary-foreground [&>button]:hover:bg-primary-hover',
  // Today is underlined and bold, not only coloured.
  today: '[&>button]:font-semibold [&>button]:underline [&>button]:decoration-2 [&>button]:underline-offset-4',
  outside: 'text-muted-foreground',
  disabled: '',
  hidden: 'invisible',
  focused: '',
  footer: 'sr-only',
};

/**
 * A date field: type the date, or open the calendar with the button beside it. FormField's id and
 * aria-describedby land on the text input. Give the format in the hint (see {@link dateInputPattern}).
 */
export function DatePicker({
  value: valueProp,
  defaultValue = '',
  onValueChange,
  onInvalidInput,
  min,
  max,
  isDateDisabled,
  locale = 'en-US',
  weekStartsOn,
  labels: labelsProp,
  className,
  defaultOpen = false,
  name,
  disabled,
  placeholder,
  onBlur,
  onKeyDown,
  ...inputProps
}: DatePickerProps) {
  const labels = { ...defaultDatePickerLabels, ...labelsProp };
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultValue);
  const value = valueProp !== undefined ? valueProp : uncontrolledValue;
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const [open, setOpen] = useState(defaultOpen);
  const contentRef = useRef<HTMLDivElement>(null);
  const calendarId = useId();

  // A value from outside (a reset, a loaded record, a calendar pick) is shown in the locale's format, unless
  // the text already means that date (so "14/3/26" being typed is not rewritten under the caret).
  // The field's own changes are not echoed back: emptying the value for unusable text must keep that text.
  const ownValue = useRef(value);
  useEffect(() => {
    if (value === ownValue.current) return;
    ownValue.current = value;
    setText((current) => (parseDateInput(current, locale) === value ? current : formatDateInput(value, locale)));
  }, [value, locale]);

  function setValue(next: string) {
    ownValue.current = next;
    if (valueProp === undefined) setUncontrolledValue(next);
    if (next !== value) onValueChange?.(next);
  }

  function commitText() {
    if (text.trim() === '') {
      setValue('');
      return;
    }
    const parsed = parseDateInput(text, locale);
    const problem = parsed === null ? 'format' : checkDate(parsed, { min, max, isDateDisabled });
    if (parsed === null || problem !== null) {
      // The text stays for the user to correct; the value is emptied so no stale date is submitted with it.
      setValue('');
      onInvalidInput?.(text, problem ?? 'format');
      return;
    }
    setValue(parsed);
    setText(formatDateInput(parsed, locale));
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Enter') commitText();
    // The usual shortcut for "open the popup" on a field that has one.
    if (event.key === 'ArrowDown' && event.altKey) {
      event.preventDefault();
      setOpen(true);
    }
  }

  const selected = isoToLocalDate(value);
  const minDate = min ? isoToLocalDate(min) : undefined;
  const maxDate = max ? isoToLocalDate(max) : undefined;
  const todayIso = localDateToIso(new Date());
  const startIso = value || (min && todayIso < min ? min : max && todayIso > max ? max : todayIso);
  const disabledDays: Matcher[] = [];
  if (minDate) disabledDays.push({ before: minDate });
  if (maxDate) disabledDays.push({ after: maxDate });
  if (isDateDisabled) disabledDays.push((date: Date) => isDateDisabled(localDateToIso(date)));

  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const caption = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const buttonLabel = selected ? `${labels.openCalendar}, ${longDate.format(selected)}` : labels.openCalendar;

  return (
    <PopoverPrimitive.Root open={open && !disabled} onOpenChange={setOpen}>
      <PopoverPrimitive.Anchor asChild>
        <div className={cn('relative w-full min-w-44', className)}>
          <input
            {...inputProps}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            disabled={disabled}
            placeholder={placeholder ?? dateInputPattern(locale)}
            className={cn(fieldBase, 'pe-12')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={handleKeyDown}
            onBlur={(event) => {
              onBlur?.(event);
              commitText();
            }}
          />
          <PopoverPrimitive.Trigger
            type="button"
            disabled={disabled}
            aria-label={buttonLabel}
            className={cn(
              'absolute inset-y-0 end-0 flex w-11 items-center justify-center rounded-e-md text-foreground',
              'hover:bg-surface-muted disabled:cursor-not-allowed disabled:opacity-60',
              focusRing,
            )}
          >
            <CalendarIcon className="size-5" />
          </PopoverPrimitive.Trigger>
          {name ? <input type="hidden" name={name} value={value} /> : null}
        </div>
      </PopoverPrimitive.Anchor>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          ref={contentRef}
          aria-label={labels.calendar}
          align="end"
          sideOffset={6}
          onOpenAutoFocus={(event) => {
            // Focus goes to the chosen day (or today), the grid's one tab stop, as in the APG date picker
            // dialog; preventScroll because the popup is measured and moved only after this runs.
            event.preventDefault();
            contentRef.current
              ?.querySelector<HTMLButtonElement>('[role="gridcell"] button[tabindex="0"]')
              ?.focus({ preventScroll: true });
          }}
          className={cn(
            'z-50 max-w-[calc(100vw-1rem)] rounded-md border border-border-strong bg-background p-3 text-foreground',
            'shadow-lg outline-none data-[state=open]:animate-fade-in',
          )}
        >
          <DayPicker
            id={calendarId}
            mode="single"
            required
            selected={selected}
            onSelect={(date) => {
              if (!date) return;
              const next = localDateToIso(date);
              setValue(next);
              setText(formatDateInput(next, locale));
              setOpen(false);
            }}
            defaultMonth={isoToLocalDate(startIso)}
            startMonth={minDate}
            endMonth={maxDate}
            disabled={disabledDays}
            lang={locale}
            weekStartsOn={weekStartsOn ?? weekStartForLocale(locale)}
            classNames={calendarClassNames}
            components={{ Chevron: CalendarChevron }}
            formatters={{
              formatCaption: (date) => caption.format(date),
              formatWeekdayName: (date) => weekdayShort.format(date),
            }}
            labels={{
              labelNav: () => labels.navigation,
              labelGrid: (date) => caption.format(date),
              labelPrevious: () => labels.previousMonth,
              labelNext: () => labels.nextMonth,
              labelWeekday: (date) => weekdayLong.format(date),
              labelDayButton: (date, modifiers) =>
                [
                  modifiers.today ? labels.today : null,
                  longDate.format(date),
                  modifiers.selected ? labels.selected : null,
                ]
                  .filter(Boolean)
                  .join(', '),
            }}
          />
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
