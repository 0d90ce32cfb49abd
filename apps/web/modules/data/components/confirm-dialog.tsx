'use client';

import { Button } from '@ontrack/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@ontrack/ui/dialog';
import { useTranslations } from 'next-intl';
import { type ReactNode, useRef, useState } from 'react';
import { ProblemAlert } from './problem-alert';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  /** Does the thing; throws (a ProblemError) when refused, and the dialog stays open showing why. */
  onConfirm: () => Promise<unknown>;
  /** After a success (the dialog is closing): the toast. */
  onDone?: () => void;
  /**
   * Where focus goes when the dialog closes: the button that opened it, or, after a success that removed
   * it (a revoked invitation), a stable place such as the section heading.
   */
  returnFocus: (succeeded: boolean) => HTMLElement | null | undefined;
}

/** "Are you sure?" for an action that is hard to undo, naming what it does; a refusal is shown inside. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  busyLabel,
  danger = false,
  onConfirm,
  onDone,
  returnFocus,
}: ConfirmDialogProps) {
  const t = useTranslations('common');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const succeeded = useRef(false);

  async function confirm() {
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
      succeeded.current = true;
      onOpenChange(false);
      onDone?.();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setError(undefined);
          succeeded.current = false;
        }
        onOpenChange(next);
      }}
    >
      <DialogContent
        closeLabel={t('close')}
        onOpenAutoFocus={() => {
          setError(undefined);
          succeeded.current = false;
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus(succeeded.current)?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <ProblemAlert error={error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{t('cancel')}</Button>
          </DialogClose>
          <Button variant={danger ? 'danger' : 'primary'} onClick={confirm} disabled={pending}>
            {pending ? busyLabel : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

// Loaded on demand where a page wants it out of its first load (next/dynamic takes a default export).
export default ConfirmDialog;
