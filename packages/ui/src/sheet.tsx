import { Dialog as DialogPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { cn } from './class-names';
import { DialogCloseButton, DialogOverlay, DialogPortal } from './dialog';

// A dialog that slides in from an edge: navigation drawers on phones, detail panels on desktop. Same focus
// and keyboard behaviour as Dialog; use DialogTitle / DialogDescription from dialog.tsx inside it.

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;

export type SheetSide = 'start' | 'end' | 'bottom';

const sides: Record<SheetSide, string> = {
  start: 'inset-y-0 start-0 h-full w-[min(20rem,calc(100vw-3rem))] border-e',
  end: 'inset-y-0 end-0 h-full w-[min(24rem,calc(100vw-3rem))] border-s data-[state=open]:animate-slide-in-right',
  bottom: 'inset-x-0 bottom-0 max-h-[85dvh] rounded-t-xl border-t data-[state=open]:animate-slide-in-up',
};

export interface SheetContentProps extends ComponentProps<typeof DialogPrimitive.Content> {
  side?: SheetSide;
  closeLabel?: string;
}

export function SheetContent({ side = 'end', className, children, closeLabel, ...props }: SheetContentProps) {
  return (
    <DialogPortal>
      <DialogOverlay />
      <DialogPrimitive.Content
        className={cn(
          'fixed z-50 flex flex-col gap-4 overflow-y-auto border-border bg-background p-6 text-foreground shadow-xl',
          sides[side],
          className,
        )}
        {...props}
      >
        {children}
        <DialogCloseButton label={closeLabel} />
      </DialogPrimitive.Content>
    </DialogPortal>
  );
}
