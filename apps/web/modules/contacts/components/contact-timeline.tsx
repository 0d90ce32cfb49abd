'use client';

import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { ActivityEntryItem, useActorName, useSummaryText } from '../../activity/components/activity-entry';
import { describeActor } from '../../activity/describe-entry';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { useShell } from '../../shell/shell-context';
import { CONTACT_FIELD_ORDER, type ContactField } from '../contact-form';
import { useContactTimeline, useTimelineMembers } from '../contact-sections-api';

/** The calendar day of an instant on the business's clock, YYYY-MM-DD (en-CA writes dates that way). */
function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

type TimelineAction = 'create' | 'update' | 'delete' | 'restore' | 'smsOptIn' | 'smsOptOut' | 'message';
const ACTIONS: Record<string, TimelineAction> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  restore: 'restore',
  sms_opt_in: 'smsOptIn',
  sms_opt_out: 'smsOptOut',
  message: 'message',
};

/**
 * What happened to the contact, newest first (`activity:read`): the activity log's entries for it, told as
 * sentences about "the contact", each with the details of what changed (the activity page's entry).
 */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const t = useTranslations('contacts.timeline');
  const tForm = useTranslations('contacts.form');
  const locale = useLocale();
  const shell = useShell();
  const canRead = shell.status === 'ready' && shell.permissions.has('activity:read');
  const canReadPeople = shell.status === 'ready' && shell.permissions.has('users:read');
  const timeline = useContactTimeline(contactId, canRead);
  const members = useTimelineMembers(canRead && canReadPeople);
  const actorName = useActorName();
  const text = useSummaryText();
  const entries = useMemo(() => timeline.data?.pages.flatMap((page) => page.items) ?? [], [timeline.data]);
  const nameOf = useMemo(() => {
    const names = new Map((members.data ?? []).map((member) => [member.userId, member.name || member.email]));
    return (userId: string) => names.get(userId);
  }, [members.data]);
  const timeZone = useTimeZone() ?? 'UTC';
  const formatters = useFormatters();
  // Entries come newest first, so one day's entries are consecutive; the entry shows the time, the group the day.
  const days = useMemo(() => {
    const groups: { day: string; entries: typeof entries }[] = [];
    for (const entry of entries) {
      const day = dayIn(entry.occurredAt, timeZone);
      const last = groups.at(-1);
      if (last?.day === day) last.entries.push(entry);
      else groups.push({ day, entries: [entry] });
    }
    return groups;
  }, [entries, timeZone]);
  const list = useMemo(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }), [locale]);

  if (!canRead) return null;

  const fieldLabel = (field: string) =>
    (CONTACT_FIELD_ORDER as readonly string[]).includes(field)
      ? tForm(field as ContactField).toLowerCase()
      : text.fieldLabel(field).toLowerCase();

  function sentence(entry: (typeof entries)[number], actor: string): string {
    const action = ACTIONS[entry.action];
    const summary = entry.summary as Record<string, unknown>;
    if (action === 'update') {
      const changed = Object.entries(summary)
        .filter(([, value]) => Array.isArray(value) && value.length === 2)
        .map(([field]) => fieldLabel(field));
      return changed.length
        ? t('sentence.update', { actor, fields: list.format(changed) })
        : t('sentence.updateOther', { actor });
    }
    if (action === 'smsOptIn' || action === 'smsOptOut') {
      return t(`sentence.${action}`, { actor, phone: typeof summary.phone === 'string' ? summary.phone : '' });
    }
    if (action === 'message') {
      return t('sentence.message', { actor, channel: typeof summary.channel === 'string' ? summary.channel : '' });
    }
    if (action) return t(`sentence.${action}`, { actor });
    return t('sentence.other', { actor, action: entry.action.replaceAll('_', ' ') });
  }

  return (
    <section aria-labelledby="contact-timeline-heading" className="space-y-4">
      <h2 id="contact-timeline-heading" className="text-2xl font-semibold">
        {t('heading')}
      </h2>
      {timeline.isPending ? (
        <LoadingRows label={t('loading')} rows={3} height="h-20" />
      ) : timeline.isError && entries.length === 0 ? (
        <ProblemAlert error={timeline.error} title={t('failedTitle')} autoFocus={false} />
      ) : entries.length === 0 ? (
        <EmptyState headingLevel={3} title={t('emptyTitle')} description={t('emptyDescription')} />
      ) : (
        <>
          {days.map((group) => (
            <section key={group.day} aria-labelledby={`timeline-day-${group.day}`} className="space-y-3">
              <h3 id={`timeline-day-${group.day}`} className="font-semibold">
                {formatters.date(group.day)}
              </h3>
              <ol className="space-y-3">
                {group.entries.map((entry) => {
                  const actor = describeActor(entry, nameOf);
                  return (
                    <li key={entry.id}>
                      <ActivityEntryItem entry={entry} actor={actor} sentence={sentence(entry, actorName(actor))} />
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          {timeline.isFetchNextPageError ? <ProblemAlert error={timeline.error} title={t('failedTitle')} /> : null}
          {timeline.hasNextPage ? (
            <Button variant="secondary" onClick={() => timeline.fetchNextPage()} disabled={timeline.isFetchingNextPage}>
              {timeline.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
