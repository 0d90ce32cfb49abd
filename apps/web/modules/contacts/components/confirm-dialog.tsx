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
import { useRef, useState } from 'react';
import { ProblemAlert } from './contacts-ui';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  /** Does the thing; throws (a ProblemError) when refused, and the dialog stays open showing why. */
  onConfirm: () => Promise<unknown>;
  onDone?: () => void;
  /** Where focus goes when the dialog closes: the opening button, or a stable place after a success. */
  returnFocus: (succeeded: boolean) => HTMLElement | null | undefined;
}

/** "Are you sure?" naming what the action does; a refusal is shown inside. Loaded on demand (next/dynamic). */
export default function ConfirmDialog({
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
  const t = useTranslations('contacts.common');
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
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        closeLabel={t('close')}
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
