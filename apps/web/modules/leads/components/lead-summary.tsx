'use client';

import { Button } from '@ontrack/ui/button';
import { cn } from '@ontrack/ui/class-names';
import { useTimeZone, useTranslations } from 'next-intl';
import type { Ref } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import type { BoardLead } from '../board-state';
import { isOverdue } from '../follow-up';

/**
 * A lead's fields as read (most visits only read them); "Edit details" brings the form, loaded on demand with
 * its calendar.
 */
export function LeadSummary({
  lead,
  assigneeName,
  canEdit,
  onEdit,
  editRef,
}: {
  lead: BoardLead;
  assigneeName: (userId: string) => string | undefined;
  canEdit: boolean;
  onEdit: () => void;
  editRef: Ref<HTMLButtonElement>;
}) {
  const t = useTranslations('leads.detail');
  const tc = useTranslations('leads.card');
  const ts = useTranslations('leads.sources');
  const formatters = useFormatters();
  const timeZone = useTimeZone() ?? 'UTC';
  const overdue = isOverdue(lead.nextFollowUpOn, timeZone) && !lead.convertedAt;
  const rows: [string, string, string?][] = [
    [t('source'), ts(lead.source)],
    [
      tc('value'),
      lead.estimatedValue
        ? formatters.money(lead.estimatedValue.amountMinor, lead.estimatedValue.currency)
        : tc('noValue'),
    ],
    [
      tc('followUp'),
      lead.nextFollowUpOn
        ? overdue
          ? tc('overdue', { date: formatters.date(lead.nextFollowUpOn) })
          : formatters.date(lead.nextFollowUpOn)
        : tc('noFollowUp'),
      overdue ? 'font-semibold text-danger' : undefined,
    ],
    [tc('assignee'), lead.assigneeUserId ? (assigneeName(lead.assigneeUserId) ?? tc('assigned')) : tc('unassigned')],
    [t('notes'), lead.notes?.trim() ? lead.notes : t('noNotes'), 'whitespace-pre-line'],
  ];
  return (
    <section aria-labelledby="lead-details-heading" className="space-y-4">
      <h2 id="lead-details-heading" className="text-xl font-semibold">
        {t('detailsHeading')}
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value, className]) => (
          <div key={term} className="contents">
            <dt className="font-semibold text-muted-foreground">{term}</dt>
            <dd className={cn('min-w-0 break-words', className)}>{value}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <Button ref={editRef} variant="secondary" onClick={onEdit}>
          {t('edit')}
        </Button>
      ) : null}
    </section>
  );
}
