'use client';

import { Button } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useSearchParams } from 'next/navigation';
import { useTimeZone, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import { useFormatters } from '../../../i18n/regional-settings-provider';
import { FormAlert } from '../../auth/components/form-alert';
import type { ProblemView } from '../../auth/problem';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { problemOf } from '../../data/api-client';
import { useUrlFilters } from '../../data/use-url-filters';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import { type ActivityFeedEntry, useActivityFeed, useMembers } from '../activity-api';
import { dayIn, filtersToSearch, hasFilters, parseFilters, periodIsInverted, toFeedQuery } from '../activity-filters';
import { ActivityEntryItem, useActorName } from '../components/activity-entry';
import { ActivityFiltersForm } from '../components/activity-filters-form';
import { describeActor, describeEntry } from '../describe-entry';

/** The business's activity log, for people who may read it (`activity:read`). */
export function ActivityView() {
  const t = useTranslations('activity');
  return (
    <RequirePermission anyOf={['activity:read']} title={t('title')}>
      <ActivityFeed />
    </RequirePermission>
  );
}

interface DayGroup {
  day: string;
  entries: ActivityFeedEntry[];
}

function groupByDay(entries: readonly ActivityFeedEntry[], timeZone: string): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const entry of entries) {
    const day = dayIn(entry.occurredAt, timeZone);
    const last = groups.at(-1);
    // Entries come newest first, so one day's entries are consecutive.
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

function ActivityFeed() {
  const t = useTranslations('activity');
  const problemDetail = useProblemDetail();
  const formatters = useFormatters();
  const timeZone = useTimeZone() ?? 'UTC';
  const searchParams = useSearchParams();
  const shell = useShell();
  const actorName = useActorName();
  const listRef = useRef<HTMLDivElement>(null);

  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const inverted = periodIsInverted(filters);
  const query = useMemo(() => toFeedQuery(filters, timeZone), [filters, timeZone]);
  const feed = useActivityFeed(query, !inverted);

  const canReadPeople = shell.status === 'ready' && shell.permissions.has('users:read');
  const members = useMembers(canReadPeople);
  const nameOf = useMemo(() => {
    const names = new Map((members.data ?? []).map((member) => [member.userId, member.name || member.email]));
    return (userId: string) => names.get(userId);
  }, [members.data]);

  const entries = useMemo(() => feed.data?.pages.flatMap((page) => page.items) ?? [], [feed.data]);
  const groups = useMemo(() => groupByDay(entries, timeZone), [entries, timeZone]);
  const today = dayIn(new Date(), timeZone);
  const yesterday = dayIn(new Date(Date.now() - 86_400_000), timeZone);
  const filtered = hasFilters(filters);

  const updateFilters = useUrlFilters(filters, filtersToSearch);

  // After "Load more" the button may be gone (nothing more to load): focus moves to the first entry it
  // brought, once that entry is on the page.
  const focusIndex = useRef<number | undefined>(undefined);
  useEffect(() => {
    const index = focusIndex.current;
    if (index === undefined || entries.length <= index) return;
    focusIndex.current = undefined;
    listRef.current?.querySelector<HTMLElement>(`[data-entry-index="${index}"]`)?.focus();
  }, [entries]);

  async function loadMore() {
    focusIndex.current = entries.length;
    const result = await feed.fetchNextPage();
    if (result.isError) focusIndex.current = undefined;
  }

  function dayHeading(day: string): string {
    const date = formatters.date(day);
    if (day === today) return t('day.today', { date });
    if (day === yesterday) return t('day.yesterday', { date });
    return date;
  }

  let index = 0;
  const clearButton = (
    <Button variant="secondary" onClick={() => updateFilters(() => ({}))}>
      {t('filters.clear')}
    </Button>
  );

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
        <p className="text-lg text-muted-foreground">{t('intro')}</p>
      </div>
      <ActivityFiltersForm
        filters={filters}
        onChange={updateFilters}
        people={canReadPeople ? { members: members.data } : undefined}
      />
      <p role="status" className="sr-only">
        {feed.isPending && !inverted ? t('loading') : t('count', { count: inverted ? 0 : entries.length })}
      </p>
      {inverted ? (
        <EmptyState title={t('empty.filteredTitle')} description={t('filters.toBeforeFrom')} action={clearButton} />
      ) : feed.isPending ? (
        <FeedSkeleton />
      ) : feed.isError && entries.length === 0 ? (
        <FormAlert title={t('failedTitle')}>
          <p>{problemDetail(problemOf(feed.error))}</p>
          <ProblemFields problem={problemOf(feed.error)} />
          <div className="mt-3 flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => feed.refetch()}>
              {t('retry')}
            </Button>
            {filtered ? clearButton : null}
          </div>
        </FormAlert>
      ) : entries.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('empty.filteredTitle')}
            description={t('empty.filteredDescription')}
            action={clearButton}
          />
        ) : (
          <EmptyState title={t('empty.title')} description={t('empty.description')} />
        )
      ) : (
        <div ref={listRef} className="space-y-6">
          {groups.map((group) => (
            <section key={group.day} aria-labelledby={`activity-day-${group.day}`} className="space-y-3">
              <h2 id={`activity-day-${group.day}`} className="text-lg font-semibold">
                {dayHeading(group.day)}
              </h2>
              <ol className="space-y-3">
                {group.entries.map((entry) => {
                  const actor = describeActor(entry, nameOf);
                  const { key, values } = describeEntry(entry, {
                    nameOf,
                    unknownMember: t('actor.unknownMember'),
                  });
                  const sentence = t(`sentence.${key}`, { ...values, actor: actorName(actor) });
                  const position = index++;
                  return (
                    <li
                      key={entry.id}
                      data-entry-index={position}
                      tabIndex={-1}
                      className="rounded-lg focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-ring"
                    >
                      <ActivityEntryItem entry={entry} actor={actor} sentence={sentence} />
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          {feed.isFetchNextPageError ? (
            <FormAlert title={t('failedTitle')}>{problemDetail(problemOf(feed.error))}</FormAlert>
          ) : null}
          {feed.hasNextPage ? (
            <Button variant="secondary" onClick={loadMore} disabled={feed.isFetchingNextPage}>
              {feed.isFetchingNextPage ? t('loadingMore') : t('loadMore')}
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">{t('end')}</p>
          )}
        </div>
      )}
    </div>
  );
}

const FILTER_FIELDS = {
  entityType: 'entityType',
  action: 'action',
  actorUserId: 'person',
  from: 'from',
  to: 'to',
} as const;

/** A refused filter (a link edited by hand) named as the form names it, with the API's reason. */
function ProblemFields({ problem }: { problem: ProblemView }) {
  const t = useTranslations('activity.filters');
  const fields = Object.entries(problem.fieldErrors);
  if (!fields.length) return null;
  return (
    <ul className="mt-2 list-disc ps-5">
      {fields.map(([field, detail]) => {
        const label = field in FILTER_FIELDS ? t(FILTER_FIELDS[field as keyof typeof FILTER_FIELDS]) : field;
        return <li key={field}>{`${label}: ${detail}`}</li>;
      })}
    </ul>
  );
}

/** The shape of a day of entries, so nothing moves when they arrive. */
function FeedSkeleton() {
  const t = useTranslations('activity');
  return (
    <div aria-busy="true" className="space-y-3">
      <p className="sr-only">{t('loading')}</p>
      <Skeleton className="h-7 w-48" />
      {[0, 1, 2, 3].map((row) => (
        <div key={row} aria-hidden="true" className="flex gap-3 rounded-lg border border-border bg-surface p-3 sm:p-4">
          <Skeleton className="size-8 shrink-0 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-5 w-4/5" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-7 w-24" />
          </div>
        </div>
      ))}
    </div>
  );
}
