'use client';

import { DialogTitle } from '@ontrack/ui/dialog';
import { Sheet, SheetContent } from '@ontrack/ui/sheet';
import type { ReactNode } from 'react';

/**
 * The phone menu's sheet (Radix Dialog). Loaded only when the menu is first opened, so pages do not carry
 * the dialog machinery on a cold load. Radix returns focus to the Menu button when it closes.
 */
export function MenuSheet({
  open,
  onOpenChange,
  title,
  closeLabel,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  closeLabel: string;
  children: ReactNode;
}) {
  return (
    <Sheet open={open} onOpenChange={onOpenChange}>
      <SheetContent side="start" closeLabel={closeLabel}>
        <DialogTitle className="text-lg font-semibold">{title}</DialogTitle>
        {children}
      </SheetContent>
    </Sheet>
  );
}
