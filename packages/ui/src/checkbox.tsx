import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn, focusRing } from './class-names';
import { CheckIcon } from './icons';

export type CheckboxProps = ComponentProps<typeof CheckboxPrimitive.Root>;

/** A tri-state checkbox (role="checkbox", `checked` may be "indeterminate"). Name it with FormField or a label. */
export function Checkbox({ className, ...props }: CheckboxProps) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        // 24px box: the WCAG 2.2 minimum target; pair it with its label, which is clickable too.
        'peer inline-flex size-6 shrink-0 items-center justify-center rounded border-2 border-border-strong bg-background',
        'data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground',
        'data-[state=indeterminate]:border-primary data-[state=indeterminate]:bg-primary',
        'data-[state=indeterminate]:text-primary-foreground',
        'aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60',
        focusRing,
        className,
      )}
      {...props}
    >
      <CheckboxPrimitive.Indicator className="flex items-center justify-center">
        {props.checked === 'indeterminate' ? (
          <span aria-hidden="true" className="h-0.5 w-3 rounded bg-current" />
        ) : (
          <CheckIcon className="size-4" strokeWidth={3} />
        )}
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );
}
