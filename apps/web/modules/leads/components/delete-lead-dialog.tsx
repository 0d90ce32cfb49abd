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
import { toast } from '@ontrack/ui/toast-store';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import type { BoardLead } from '../board-state';
import { useDeleteLead } from '../leads-api';

/** "Move to the trash?", saying it can be restored; a refusal stays in the dialog. Loaded when first opened. */
export function DeleteLeadDialog({
  lead,
  onClose,
  returnFocus,
}: {
  lead: BoardLead;
  onClose: () => void;
  /** After a deletion the button is gone (the lead is in the trash): the page says where focus goes. */
  returnFocus: (deleted: boolean) => void;
}) {
  const t = useTranslations('leads.detail');
  const tc = useTranslations('leads.common');
  const remove = useDeleteLead();
  const [open, setOpen] = useState(true);
  const deleted = useRef(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent
        closeLabel={tc('close')}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus(deleted.current);
          onClose();
        }}
      >
        <DialogHeader>
          <DialogTitle>{t('deleteTitle')}</DialogTitle>
          <DialogDescription>{t('deleteDescription', { lead: lead.contact.displayName })}</DialogDescription>
        </DialogHeader>
        <ProblemAlert error={remove.error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">{tc('cancel')}</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={async () => {
              try {
                await remove.mutateAsync(lead.id);
                deleted.current = true;
                setOpen(false);
                toast({ title: t('deleted'), variant: 'success' });
              } catch {
                // shown in the dialog
              }
            }}
          >
            {remove.isPending ? t('deleting') : t('deleteConfirm')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
