import type { ComponentProps } from 'react';
import { cn, fieldBase } from './class-names';
import { ChevronDownIcon } from './icons';

export type NativeSelectProps = ComponentProps<'select'>;

/**
 * The browser's own <select>, styled like the other fields. For plain choices (a filter, a time zone, a
 * currency) prefer it to Select: no JavaScript at all, the phone's own picker (large, one-handed, searchable
 * by typing on desktop), and every assistive technology knows it. Select (Radix) is for options that need
 * more than text. Name it through FormField like any field; `<option>` and `<optgroup>` go inside.
 */
export function NativeSelect({ className, children, ...props }: NativeSelectProps) {
  return (
    <div className={cn('relative', className)}>
      <select className={cn(fieldBase, 'appearance-none pe-10')} {...props}>
        {children}
      </select>
      <ChevronDownIcon
        aria-hidden="true"
        className="pointer-events-none absolute end-3 top-1/2 size-5 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
