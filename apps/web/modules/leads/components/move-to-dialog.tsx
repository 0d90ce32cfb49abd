'use client';

import { cn, focusRing } from '@ontrack/ui/class-names';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@ontrack/ui/dialog';
import { useTranslations } from 'next-intl';
import type { BoardLead } from '../board-state';
import type { LeadStage } from '../leads-api';
import { leadName } from './leads-ui';

/**
 * "Move to…": every stage as a large button, the current one marked. Moving a card without dragging it
 * (phones, switch access, anyone); loaded with the first use, so the board's first load does not carry it.
 */
export function MoveToDialog({
  lead,
  stages,
  onMove,
  onClose,
  returnFocus,
}: {
  lead: BoardLead;
  stages: readonly LeadStage[];
  onMove: (stage: LeadStage) => void;
  onClose: () => void;
  /** Focus goes back to the card's "Move to…", wherever the card is by then. */
  returnFocus: () => void;
}) {
  const t = useTranslations('leads.card');
  const tc = useTranslations('leads.common');
  return (
    <Dialog defaultOpen onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        closeLabel={tc('close')}
        className="max-w-sm"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnFocus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{t('moveTitle', { lead: lead.contact.displayName })}</DialogTitle>
          <DialogDescription>{leadName(lead)}</DialogDescription>
        </DialogHeader>
        <ul className="space-y-1">
          {stages.map((stage) => {
            const current = stage.id === lead.stageId;
            return (
              <li key={stage.id}>
                <button
                  type="button"
                  disabled={current}
                  aria-current={current ? 'true' : undefined}
                  onClick={() => onMove(stage)}
                  className={cn(
                    'flex min-h-12 w-full items-center justify-between gap-2 rounded-md border border-border px-4 text-start',
                    'hover:bg-surface-muted disabled:cursor-default disabled:border-transparent disabled:font-semibold',
                    'disabled:hover:bg-transparent',
                    focusRing,
                  )}
                >
                  <span>{stage.name}</span>
                  {current ? <span className="text-sm text-muted-foreground">{t('current')}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
