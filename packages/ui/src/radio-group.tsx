import { RadioGroup as RadioGroupPrimitive } from 'radix-ui';
import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn, focusRing } from './class-names';

/**
 * role="radiogroup" with roving focus (arrow keys move and select). Name the group: FormField with `group`,
 * or aria-labelledby / aria-label. Each item needs its own label (RadioGroupOption does that).
 */
export function RadioGroup({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root className={cn('grid gap-1', className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      className={cn(
        'inline-flex size-6 shrink-0 items-center justify-center rounded-full border-2 border-border-strong bg-background',
        'data-[state=checked]:border-primary disabled:cursor-not-allowed disabled:opacity-60',
        focusRing,
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="size-3 rounded-full bg-primary" />
    </RadioGroupPrimitive.Item>
  );
}

export interface RadioGroupOptionProps extends ComponentProps<typeof RadioGroupPrimitive.Item> {
  label: ReactNode;
}

/** An item with its label beside it; the whole row (44px high) is the click target. */
export function RadioGroupOption({ label, id, value, className, ...props }: RadioGroupOptionProps) {
  const generated = useId();
  const itemId = id ?? `${generated}-radio`;
  return (
    <div className={cn('flex min-h-11 items-center gap-3', className)}>
      <RadioGroupItem id={itemId} value={value} {...props} />
      <label htmlFor={itemId} className="text-base text-foreground">
        {label}
      </label>
    </div>
  );
}
