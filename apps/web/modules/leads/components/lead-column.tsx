'use client';

import { useDroppable } from '@dnd-kit/core';
import { Button } from '@ontrack/ui/button';
import { cn } from '@ontrack/ui/class-names';
import { useTranslations } from 'next-intl';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import type { BoardColumn, BoardLead } from '../board-state';
import { LeadCard, type LeadCardProps } from './lead-card';

export interface LeadColumnProps extends Omit<LeadCardProps, 'lead'> {
  column: BoardColumn;
  onShowMore: (column: BoardColumn) => void;
  loadingMore: boolean;
}

/**
 * One stage of the pipeline: its name, how many leads and how much they are worth (per currency: a business
 * may quote in more than one), and its cards. A drop target for the board's drag and drop.
 */
export function LeadColumn({ column, onShowMore, loadingMore, ...card }: LeadColumnProps) {
  const t = useTranslations('leads.column');
  const formatters = useFormatters();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const headingId = `stage-${stage.id}`;
  const totals = column.totals.filter((total) => total.amountMinor > 0);
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage-id={stage.id}
      className={cn(
        'flex w-[85vw] max-w-80 shrink-0 snap-start flex-col gap-3 rounded-lg border bg-surface p-3 sm:w-72',
        isOver ? 'border-primary ring-2 ring-primary' : 'border-border',
      )}
    >
      <header className="space-y-1">
        <h2 id={headingId} className="text-base font-semibold">
          {stage.name}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t('count', { count: column.count })}
          {totals.length > 0 ? (
            <>
              {' · '}
              <span className="font-medium text-foreground tabular-nums">
                {totals.map((total) => formatters.money(total.amountMinor, total.currency)).join(' + ')}
              </span>
            </>
          ) : null}
        </p>
      </header>
      {column.leads.length === 0 ? (
        <p className="rounded-md border border-dashed border-border-strong px-3 py-6 text-center text-sm text-muted-foreground">
          {t('empty')}
        </p>
      ) : (
        <ul aria-labelledby={headingId} className="flex flex-col gap-2">
          {column.leads.map((lead: BoardLead) => (
            <LeadCard key={lead.id} lead={lead} {...card} />
          ))}
        </ul>
      )}
      {column.nextCursor ? (
        <Button variant="ghost" size="sm" onClick={() => onShowMore(column)} disabled={loadingMore}>
          {loadingMore ? t('loadingMore') : t('showMore', { count: Math.max(0, column.count - column.leads.length) })}
        </Button>
      ) : null}
    </section>
  );
}
