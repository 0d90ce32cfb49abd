import { Switch as SwitchPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn, focusRing } from './class-names';

export type SwitchProps = ComponentProps<typeof SwitchPrimitive.Root>;

/** role="switch": for a setting that takes effect at once. Name it with FormField (layout "inline") or a label. */
export function Switch({ className, ...props }: SwitchProps) {
  return (
    <SwitchPrimitive.Root
      className={cn(
        'peer relative inline-flex h-7 w-12 shrink-0 cursor-pointer items-center rounded-full border-2',
        'border-border-strong bg-surface-muted transition-colors',
        'data-[state=checked]:border-primary data-[state=checked]:bg-primary',
        'disabled:cursor-not-allowed disabled:opacity-60',
        focusRing,
        className,
      )}
      {...props}
    >
      {/* The thumb moves and changes colour, so the state is not carried by colour alone. */}
      <SwitchPrimitive.Thumb
        className={cn(
          'pointer-events-none block size-5 translate-x-0.5 rounded-full bg-border-strong transition-transform',
          'data-[state=checked]:translate-x-5.5 data-[state=checked]:bg-primary-foreground',
        )}
      />
    </SwitchPrimitive.Root>
  );
}
