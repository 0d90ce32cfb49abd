'use client';

import { Avatar } from '@ontrack/ui/avatar';
import { Badge } from '@ontrack/ui/badge';
import { ChevronDownIcon } from '@ontrack/ui/icons';
import { useFormatter, useTranslations } from 'next-intl';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import type activityMessages from '../../../messages/en/activity.json';
import type { ActivityFeedEntry } from '../activity-api';
import { type EntryActor, entryDetails, humanize } from '../describe-entry';

type FieldKey = keyof (typeof activityMessages)['fields'];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The words of a summary: field names and values as a person reads them, in the page's language. */
export function useSummaryText() {
  const t = useTranslations('activity');
  const formatters = useFormatters();

  function fieldLabel(field: string): string {
    const key = `fields.${field}` as `fields.${FieldKey}`;
    if (t.has(key)) return t(key);
    const words = humanize(field);
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function value(raw: unknown): string {
    if (raw === null || raw === undefined || raw === '') return t('details.empty');
    if (typeof raw === 'boolean') return raw ? t('details.yes') : t('details.no');
    if (typeof raw === 'number') return formatters.number(raw);
    if (typeof raw === 'string') return ISO_INSTANT.test(raw) ? formatters.dateTime(raw) : raw;
    if (Array.isArray(raw)) return raw.length ? raw.map(value).join(', ') : t('details.empty');
    if (typeof raw === 'object') {
      const record = raw as Record<string, unknown>;
      const keys = Object.keys(record);
      // `{ added, removed }`: what a change of roles or permissions adds and takes away.
      if (keys.length > 0 && keys.every((key) => key === 'added' || key === 'removed')) {
        const parts: string[] = [];
        if (Array.isArray(record.added) && record.added.length) {
          parts.push(t('details.added', { items: value(record.added) }));
        }
        if (Array.isArray(record.removed) && record.removed.length) {
          parts.push(t('details.removed', { items: value(record.removed) }));
        }
        return parts.length ? parts.join('; ') : t('details.empty');
      }
      return keys.map((key) => `${fieldLabel(key)}: ${value(record[key])}`).join('; ');
    }
    return String(raw);
  }

  return { fieldLabel, value };
}

export function useActorName() {
  const t = useTranslations('activity.actor');
  return (actor: EntryActor): string => {
    if (actor.kind === 'user') return actor.name;
    if (actor.kind === 'support') return `${t('support')} (${actor.label})`;
    return t('system');
  };
}

/**
 * One entry of the log: who, what (a sentence), when (the time on the business's clock; the day is the
 * group's heading), and a disclosure with what changed. A native <details> is keyboard operable and announces
 * its state without any script.
 */
export function ActivityEntryItem({
  entry,
  actor,
  sentence,
}: {
  entry: ActivityFeedEntry;
  actor: EntryActor;
  sentence: string;
}) {
  const t = useTranslations('activity');
  const format = useFormatter();
  const formatters = useFormatters();
  const text = useSummaryText();
  const actorName = useActorName()(actor);
  const details = entryDetails(entry);
  const support = entry.actorType === 'support';

  return (
    <div
      className={
        entry.sensitiveRead || support
          ? 'flex gap-3 rounded-lg border border-warning border-s-4 bg-surface p-3 sm:p-4'
          : 'flex gap-3 rounded-lg border border-border bg-surface p-3 sm:p-4'
      }
    >
      <Avatar name={actorName} size="sm" decorative className="mt-0.5" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="break-words font-medium text-foreground">{sentence}</p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
          <time dateTime={entry.occurredAt} title={formatters.dateTime(entry.occurredAt)}>
            {format.dateTime(new Date(entry.occurredAt), { timeStyle: 'short' })}
          </time>
          {support ? <Badge variant="warning">{t('badges.support')}</Badge> : null}
          {entry.sensitiveRead ? <Badge variant="warning">{t('badges.sensitiveRead')}</Badge> : null}
        </p>
        <details className="group">
          <summary
            className={
              'inline-flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-1 text-sm font-semibold ' +
              'text-foreground underline-offset-4 hover:underline focus-visible:outline-3 ' +
              'focus-visible:outline-offset-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden'
            }
          >
            <ChevronDownIcon aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
            {t('details.summary')}
          </summary>
          <div className="mt-1 space-y-2 text-sm">
            {details.length ? (
              <dl aria-label={t('details.listLabel')} className="space-y-1.5">
                {details.map((detail) => (
                  <div key={detail.field} className="grid gap-0.5 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-3">
                    <dt className="font-semibold text-foreground">{text.fieldLabel(detail.field)}</dt>
                    <dd className="break-words text-foreground">
                      {detail.kind === 'change'
                        ? t('details.change', { before: text.value(detail.before), after: text.value(detail.after) })
                        : text.value(detail.value)}
                    </dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="text-muted-foreground">{t('details.none')}</p>
            )}
            <p className="text-muted-foreground">
              {t('details.entry', { seq: entry.seq })} · {formatters.dateTime(entry.occurredAt)}
              {entry.actorType === 'user' && actor.kind === 'user' && actor.name !== entry.actorLabel
                ? ` · ${entry.actorLabel}`
                : null}
            </p>
          </div>
        </details>
      </div>
    </div>
  );
}
