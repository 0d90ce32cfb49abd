'use client';

import { useDraggable } from '@dnd-kit/core';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import Link from 'next/link';
import { useTimeZone, useTranslations } from 'next-intl';
import { type KeyboardEventHandler, type MouseEventHandler, type TouchEventHandler, useId } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import type { BoardLead } from '../board-state';
import { isOverdue } from '../follow-up';
import { leadName } from './leads-ui';

function GripIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor">
      {[6, 12, 18].flatMap((y) => [9, 15].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
    </svg>
  );
}

export interface LeadCardProps {
  lead: BoardLead;
  canWrite: boolean;
  /** The assignee's name; undefined when the viewer may not read the team (then "Assigned" is shown). */
  assigneeName: (userId: string) => string | undefined;
  /** "Move to…": the board asks where to, in a dialog (loaded when first needed). */
  onOpenMoveTo: (lead: BoardLead) => void;
}

/**
 * A lead on the board: who, what, how much, when to follow up and who has it. Mouse and touch drag the whole
 * card (touch after a press-and-hold, so a swipe still scrolls the board); the keyboard drags by the grip
 * button (Space, arrows, Space). "Move to…" does the same in two taps, one-handed.
 */
export function LeadCard({ lead, canWrite, assigneeName, onOpenMoveTo }: LeadCardProps) {
  const t = useTranslations('leads.card');
  const titleId = useId();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: lead.id,
    data: { lead },
    disabled: !canWrite,
    attributes: { roleDescription: t('roleDescription') },
  });
  // dnd-kit types its listeners as plain functions; they are the three sensors' React event handlers.
  return (
    <li
      ref={setNodeRef}
      data-lead-id={lead.id}
      onMouseDown={listeners?.onMouseDown as MouseEventHandler | undefined}
      onTouchStart={listeners?.onTouchStart as TouchEventHandler | undefined}
      className={cn('touch-manipulation', isDragging && 'opacity-40')}
    >
      <article
        aria-labelledby={titleId}
        className="space-y-2 rounded-lg border border-border bg-background p-3 shadow-sm"
      >
        <LeadCardBody lead={lead} titleId={titleId} assigneeName={assigneeName} />
        {canWrite ? (
          <div className="flex items-center justify-between gap-2">
            <button
              type="button"
              ref={setActivatorNodeRef}
              {...attributes}
              onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
              aria-label={t('drag', { lead: leadName(lead) })}
              data-drag-handle={lead.id}
              className={cn(
                'inline-flex size-11 cursor-grab items-center justify-center rounded-md text-muted-foreground',
                'hover:bg-surface-muted hover:text-foreground',
                focusRing,
              )}
            >
              <GripIcon />
            </button>
            <Button
              variant="secondary"
              size="sm"
              aria-describedby={titleId}
              aria-haspopup="dialog"
              data-move-trigger={lead.id}
              onClick={() => onOpenMoveTo(lead)}
            >
              {t('moveTo')}
            </Button>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** What a card shows; also the picture that follows the pointer while dragging (without links and buttons). */
export function LeadCardBody({
  lead,
  titleId,
  assigneeName,
  preview = false,
}: {
  lead: BoardLead;
  titleId?: string;
  assigneeName: (userId: string) => string | undefined;
  preview?: boolean;
}) {
  const t = useTranslations('leads.card');
  const formatters = useFormatters();
  const timeZone = useTimeZone() ?? 'UTC';
  const overdue = isOverdue(lead.nextFollowUpOn, timeZone);
  const assignee = lead.assigneeUserId ? (assigneeName(lead.assigneeUserId) ?? t('assigned')) : t('unassigned');
  return (
    <>
      <h3 id={titleId} className="font-semibold leading-snug">
        {preview ? (
          lead.contact.displayName
        ) : (
          <Link
            href={`/leads/${lead.id}`}
            className={cn('rounded-sm underline-offset-4 hover:underline', focusRing)}
            // A drag that starts on the name must not follow the link when the mouse is released.
            draggable={false}
          >
            {lead.contact.displayName}
          </Link>
        )}
      </h3>
      <p className="text-sm">{lead.requestedService}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-sm">
        <dt className="text-muted-foreground">{t('value')}</dt>
        <dd className="font-medium tabular-nums">
          {lead.estimatedValue
            ? formatters.money(lead.estimatedValue.amountMinor, lead.estimatedValue.currency)
            : t('noValue')}
        </dd>
        <dt className="text-muted-foreground">{t('followUp')}</dt>
        <dd className={cn(overdue && 'font-semibold text-danger')}>
          {lead.nextFollowUpOn
            ? overdue
              ? t('overdue', { date: formatters.date(lead.nextFollowUpOn) })
              : formatters.date(lead.nextFollowUpOn)
            : t('noFollowUp')}
        </dd>
        <dt className="text-muted-foreground">{t('assignee')}</dt>
        <dd className="truncate">{assignee}</dd>
      </dl>
    </>
  );
}
