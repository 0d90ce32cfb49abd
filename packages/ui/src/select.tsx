import { Select as SelectPrimitive } from 'radix-ui';
import { type ComponentProps, createContext, useContext, useState } from 'react';
import { cn, fieldBase } from './class-names';
import { CheckIcon, ChevronDownIcon } from './icons';

// Radix Select: a button with role="combobox" that opens a listbox, with typeahead and full keyboard support.
// Name the trigger with a <label for> (FormField) or aria-label.

// While the list is open, Radix hides everything else with aria-hidden and traps focus in the list. The trigger
// then sits, still tabbable, inside an aria-hidden subtree: unreachable thanks to the trap, but axe cannot see
// a trap and reports aria-hidden-focus (it forgives that only under role="dialog", and a listbox is not one).
// Taking the trigger out of the tab order while open is true to what the trap already does, and Radix still
// focuses it programmatically when the list closes. Other focusable content of the page under the same
// aria-hidden is reported the same way in whole-page scans; that part is Radix's (it uses aria-hidden, not inert).
const SelectOpenContext = createContext(false);

export function Select({ open: openProp, defaultOpen = false, onOpenChange, ...props }: SelectPrimitive.SelectProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = openProp ?? uncontrolledOpen;
  return (
    <SelectOpenContext.Provider value={open}>
      <SelectPrimitive.Root
        open={open}
        onOpenChange={(next) => {
          setUncontrolledOpen(next);
          onOpenChange?.(next);
        }}
        {...props}
      />
    </SelectOpenContext.Provider>
  );
}
export const SelectGroup = SelectPrimitive.Group;
export const SelectValue = SelectPrimitive.Value;

export function SelectTrigger({
  className,
  children,
  tabIndex,
  ...props
}: ComponentProps<typeof SelectPrimitive.Trigger>) {
  const open = useContext(SelectOpenContext);
  return (
    <SelectPrimitive.Trigger
      tabIndex={open ? -1 : tabIndex}
      className={cn(
        fieldBase,
        'flex items-center justify-between gap-2 text-start data-[placeholder]:text-muted-foreground',
        className,
      )}
      {...props}
    >
      {children}
      <SelectPrimitive.Icon asChild>
        <ChevronDownIcon className="size-4 shrink-0 opacity-70" />
      </SelectPrimitive.Icon>
    </SelectPrimitive.Trigger>
  );
}

export function SelectContent({
  className,
  children,
  position = 'popper',
  ...props
}: ComponentProps<typeof SelectPrimitive.Content>) {
  return (
    <SelectPrimitive.Portal>
      <SelectPrimitive.Content
        position={position}
        className={cn(
          'relative z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width)',
          'overflow-y-auto rounded-md border border-border-strong bg-background text-foreground shadow-lg',
          'data-[state=open]:animate-fade-in',
          position === 'popper' && 'mt-1',
          className,
        )}
        {...props}
      >
        <SelectPrimitive.Viewport className="p-1">{children}</SelectPrimitive.Viewport>
      </SelectPrimitive.Content>
    </SelectPrimitive.Portal>
  );
}

export function SelectLabel({ className, ...props }: ComponentProps<typeof SelectPrimitive.Label>) {
  return (
    <SelectPrimitive.Label
      className={cn('px-8 py-1.5 text-sm font-semibold text-muted-foreground', className)}
      {...props}
    />
  );
}

export function SelectItem({ className, children, ...props }: ComponentProps<typeof SelectPrimitive.Item>) {
  return (
    <SelectPrimitive.Item
      className={cn(
        'relative flex min-h-11 cursor-default select-none items-center rounded-sm py-2 ps-8 pe-3 text-base',
        'outline-none data-[highlighted]:bg-surface-muted data-[disabled]:opacity-60',
        // The highlighted option also gets an outline: a background tint alone vanishes in forced colors.
        'data-[highlighted]:outline-2 data-[highlighted]:outline-ring',
        className,
      )}
      {...props}
    >
      <span className="absolute start-2 flex size-4 items-center justify-center">
        <SelectPrimitive.ItemIndicator>
          <CheckIcon className="size-4" />
        </SelectPrimitive.ItemIndicator>
      </span>
      <SelectPrimitive.ItemText>{children}</SelectPrimitive.ItemText>
    </SelectPrimitive.Item>
  );
}

export function SelectSeparator({ className, ...props }: ComponentProps<typeof SelectPrimitive.Separator>) {
  return <SelectPrimitive.Separator className={cn('-mx-1 my-1 h-px bg-border', className)} {...props} />;
}
