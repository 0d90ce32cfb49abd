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
import { FormField } from '@ontrack/ui/form-field';
import { Textarea } from '@ontrack/ui/textarea';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { ProblemAlert } from '../../data/components/problem-alert';
import { fieldErrorsOf } from '../../data/problem-fields';
import type { BoardLead } from '../board-state';
import type { LeadStage } from '../leads-api';
import { LOST_REASON_MAX, leadName } from './leads-ui';

/**
 * A lead goes to a lost stage only with the reason it was lost (the API refuses it otherwise): asked here,
 * before the move, so the card does not jump there and back. A refusal stays in the dialog.
 */
export function LostReasonDialog({
  target,
  onCancel,
  onConfirm,
  returnFocus,
}: {
  target: { lead: BoardLead; stage: LeadStage };
  onCancel: () => void;
  /** Moves the lead with the reason; throws (a ProblemError) when refused. */
  onConfirm: (reason: string) => Promise<void>;
  /** Where focus goes when the dialog closes: the lead's card, wherever it is now. */
  returnFocus: () => void;
}) {
  const t = useTranslations('leads.lost');
  const tc = useTranslations('leads.common');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    setPending(true);
    setError(undefined);
    try {
      await onConfirm(trimmed);
    } catch (refusal) {
      setError(refusal);
    } finally {
      setPending(false);
    }
  }

  const serverError = fieldErrorsOf(error).reason;
  return (
    <Dialog
      defaultOpen
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <DialogContent
        closeLabel={tc('close')}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus();
        }}
      >
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t('title', { stage: target.stage.name })}</DialogTitle>
            <DialogDescription>{t('description', { lead: leadName(target.lead) })}</DialogDescription>
          </DialogHeader>
          {serverError ? null : <ProblemAlert error={error} />}
          <FormField
            label={t('reason')}
            hint={t('reasonHint')}
            error={missing ? t('reasonMissing') : serverError}
            required
          >
            <Textarea
              rows={3}
              maxLength={LOST_REASON_MAX}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">{tc('cancel')}</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? t('moving') : t('confirm', { stage: target.stage.name })}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
