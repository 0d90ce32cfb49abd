'use client';

import { Skeleton } from '@ontrack/ui/skeleton';
import { useTranslations } from 'next-intl';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { ProblemAlert } from '../../data/components/problem-alert';
import { useLeadHistory } from '../leads-api';

/** The lead's way through the pipeline, oldest first: where it started, every move, who made it and why. */
export function LeadHistory({ leadId }: { leadId: string }) {
  const t = useTranslations('leads.history');
  const formatters = useFormatters();
  const history = useLeadHistory(leadId);
  return (
    <section aria-labelledby="lead-history-heading" className="space-y-3">
      <h2 id="lead-history-heading" className="text-xl font-semibold">
        {t('heading')}
      </h2>
      {history.isPending ? (
        <div aria-busy="true" className="space-y-2">
          <p className="sr-only">{t('loading')}</p>
          <Skeleton className="h-14 w-full" />
          <Skeleton className="h-14 w-full" />
        </div>
      ) : history.isError ? (
        <ProblemAlert error={history.error} autoFocus={false} />
      ) : history.data.length === 0 ? (
        <p className="text-muted-foreground">{t('empty')}</p>
      ) : (
        <ol className="space-y-3 border-s-2 border-border ps-4">
          {history.data.map((change) => {
            const who = change.changedByName ?? t('byForm');
            return (
              <li key={change.id} className="relative">
                <span
                  aria-hidden="true"
                  className="absolute -start-[1.4rem] top-1.5 size-3 rounded-full border-2 border-background bg-primary"
                />
                <p className="font-medium">
                  {change.fromStageName === null
                    ? t('created', { stage: change.toStageName })
                    : t('moved', { from: change.fromStageName, to: change.toStageName })}
                </p>
                <p className="text-sm text-muted-foreground">
                  {t('meta', { who, when: formatters.dateTime(change.changedAt) })}
                </p>
                {change.reason ? <p className="text-sm">{t('reason', { reason: change.reason })}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
