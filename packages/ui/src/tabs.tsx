import { Tabs as TabsPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn, focusRing } from './class-names';

// role="tablist" / "tab" / "tabpanel" with arrow-key navigation. Name the list (aria-label) when the page
// has more than one.

export const Tabs = TabsPrimitive.Root;

export function TabsList({ className, ...props }: ComponentProps<typeof TabsPrimitive.List>) {
  return (
    <TabsPrimitive.List
      className={cn('inline-flex max-w-full items-center gap-1 overflow-x-auto border-b border-border', className)}
      {...props}
    />
  );
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        // The selected tab is marked by a thick underline and bold text, not by colour alone.
        '-mb-px inline-flex min-h-11 items-center justify-center whitespace-nowrap border-b-3 border-transparent',
        'px-4 text-base font-medium text-muted-foreground hover:text-foreground',
        'data-[state=active]:border-primary data-[state=active]:font-semibold data-[state=active]:text-foreground',
        'disabled:cursor-not-allowed disabled:opacity-60',
        focusRing,
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content className={cn('pt-4', focusRing, className)} {...props} />;
}
