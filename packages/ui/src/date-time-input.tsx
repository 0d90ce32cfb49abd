import type { ComponentProps } from 'react';
import { cn, fieldBase } from './class-names';

// The browser's own date and time controls: on a phone they open the platform picker (large, familiar,
// screen-reader tested, locale-aware), which no custom calendar grid matches for a crew member on a roof.
// Values are ISO strings ("2026-03-14", "07:30"); format them for display with the user's locale elsewhere.

export type DateInputProps = Omit<ComponentProps<'input'>, 'type'>;

export function DateInput({ className, ...props }: DateInputProps) {
  return <input type="date" className={cn(fieldBase, 'w-auto min-w-44', className)} {...props} />;
}

export type TimeInputProps = Omit<ComponentProps<'input'>, 'type'> & {
  /** Minutes between selectable times; the picker and validation both follow it. Default 15. */
  stepMinutes?: number;
};

export function TimeInput({ className, stepMinutes = 15, ...props }: TimeInputProps) {
  return (
    <input type="time" step={stepMinutes * 60} className={cn(fieldBase, 'w-auto min-w-36', className)} {...props} />
  );
}
