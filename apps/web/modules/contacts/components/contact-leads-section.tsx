'use client';

import { Badge } from '@ontrack/ui/badge';
import { EmptyState } from '@ontrack/ui/empty-state';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { useShell } from '../../shell/shell-context';
import { useContactLeads, useLeadStages } from '../contact-sections-api';

/** The contact's enquiries (`leads:read`), each linked to its page on the pipeline. */
export function ContactLeadsSection({ contactId }: { contactId: string }) {
  const t = useTranslations('contacts.leads');
  const formatters = useFormatters();
  const shell = useShell();
  const canRead = shell.status === 'ready' && shell.permissions.has('leads:read');
  const leads = useContactLeads(contactId, canRead);
  const stages = useLeadStages(canRead);
  const stageOf = useMemo(() => new Map((stages.data ?? []).map((stage) => [stage.id, stage])), [stages.data]);

  if (!canRead) return null;
  return (
    <section aria-labelledby="contact-leads-heading" className="space-y-4">
      <h2 id="contact-leads-heading" className="text-2xl font-semibold">
        {t('heading')}
      </h2>
      {leads.isPending ? (
        <LoadingRows label={t('loading')} rows={2} height="h-16" />
      ) : !leads.data ? (
        <ProblemAlert error={leads.error} title={t('failedTitle')} autoFocus={false} />
      ) : leads.data.length === 0 ? (
        <EmptyState headingLevel={3} title={t('emptyTitle')} description={t('emptyDescription')} />
      ) : (
        <ul className="space-y-3">
          {leads.data.map((lead) => {
            const stage = stageOf.get(lead.stageId);
            return (
              <li key={lead.id} className="space-y-1 rounded-lg border border-border bg-surface p-4">
                <Link
                  href={`/leads/${lead.id}`}
                  className="inline-flex min-h-11 items-center font-semibold underline-offset-4 hover:underline"
                >
                  {lead.requestedService}
                </Link>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  {stage ? (
                    <Badge variant={stage.kind === 'won' ? 'success' : stage.kind === 'lost' ? 'outline' : 'neutral'}>
                      {stage.name}
                    </Badge>
                  ) : null}
                  {lead.estimatedValue ? (
                    <span>{formatters.money(lead.estimatedValue.amountMinor, lead.estimatedValue.currency)}</span>
                  ) : null}
                  {lead.nextFollowUpOn ? (
                    <span className="text-muted-foreground">
                      {t('followUp', { date: formatters.date(lead.nextFollowUpOn) })}
                    </span>
                  ) : null}
                </div>
                {lead.lostReason ? (
                  <p className="text-sm text-muted-foreground">{t('lostReason', { reason: lead.lostReason })}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
