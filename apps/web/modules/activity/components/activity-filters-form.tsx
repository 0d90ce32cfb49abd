'use client';

import { Button } from '@ontrack/ui/button';
import { DateInput } from '@ontrack/ui/date-time-input';
import { FormField } from '@ontrack/ui/form-field';
import { NativeSelect } from '@ontrack/ui/native-select';
import { useTranslations } from 'next-intl';
import type { ActivityMember } from '../activity-api';
import { type ActivityFilters, hasFilters, isCalendarDate, periodIsInverted } from '../activity-filters';
import {
  humanize,
  isKnownAction,
  isKnownEntityType,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
  type KnownAction,
  type KnownEntityType,
} from '../describe-entry';

// The empty value stands for "no filter" inside the control only.
const ALL = '';

export interface PeopleFilter {
  /** Undefined while the people of the business load. */
  members: readonly ActivityMember[] | undefined;
}

/**
 * The filters of the feed. Each change applies at once (the list below announces its new count); the values
 * live in the address bar, so the view can be shared or reloaded. The person filter is only offered to people
 * who may read the members of the business (`people` undefined otherwise).
 */
export function ActivityFiltersForm({
  filters,
  onChange,
  people,
}: {
  filters: ActivityFilters;
  /** Gets the change as a function of the filters it applies to (changes can follow each other quickly). */
  onChange: (update: (current: ActivityFilters) => ActivityFilters) => void;
  people: PeopleFilter | undefined;
}) {
  const t = useTranslations('activity');
  const entityLabel = (type: string) =>
    isKnownEntityType(type) ? t(`entityTypes.${type satisfies KnownEntityType}`) : humanize(type);
  const actionLabel = (action: string) =>
    isKnownAction(action) ? t(`actions.${action satisfies KnownAction}`) : humanize(action);
  // A shared link may name a type or action this page has no label for; it stays selectable.
  const entityTypes = [
    ...KNOWN_ENTITY_TYPES,
    ...(filters.entityType && !isKnownEntityType(filters.entityType) ? [filters.entityType] : []),
  ];
  const actions = [...KNOWN_ACTIONS, ...(filters.action && !isKnownAction(filters.action) ? [filters.action] : [])];
  const set = (key: keyof ActivityFilters, value: string | undefined) =>
    onChange((current) => {
      const next = { ...current, [key]: value && value !== ALL ? value : undefined };
      // The record type is what an entity id belongs to: a new type leaves the one-record view.
      if (key === 'entityType') next.entityId = undefined;
      return next;
    });
  const setDate = (key: 'from' | 'to', value: string) => set(key, isCalendarDate(value) ? value : undefined);

  return (
    <search
      aria-label={t('filters.legend')}
      className="space-y-3 rounded-lg border border-border bg-surface p-3 sm:p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <FormField label={t('filters.entityType')}>
          <NativeSelect value={filters.entityType ?? ALL} onChange={(event) => set('entityType', event.target.value)}>
            <option value={ALL}>{t('filters.anyEntityType')}</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label={t('filters.action')}>
          <NativeSelect value={filters.action ?? ALL} onChange={(event) => set('action', event.target.value)}>
            <option value={ALL}>{t('filters.anyAction')}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        {people ? (
          <FormField label={t('filters.person')}>
            <NativeSelect
              value={filters.actorUserId ?? ALL}
              onChange={(event) => set('actorUserId', event.target.value)}
              disabled={!people.members}
            >
              {people.members ? (
                <>
                  <option value={ALL}>{t('filters.anyPerson')}</option>
                  {people.members.map((member) => (
                    <option key={member.userId} value={member.userId}>
                      {member.name || member.email}
                    </option>
                  ))}
                </>
              ) : (
                <option value={ALL}>{t('filters.loadingPeople')}</option>
              )}
            </NativeSelect>
          </FormField>
        ) : null}
        <FormField label={t('filters.from')}>
          <DateInput
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => setDate('from', event.currentTarget.value)}
            className="w-full"
          />
        </FormField>
        <FormField label={t('filters.to')} error={periodIsInverted(filters) ? t('filters.toBeforeFrom') : undefined}>
          <DateInput
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => setDate('to', event.currentTarget.value)}
            className="w-full"
          />
        </FormField>
      </div>
      {filters.entityId ? <p className="text-sm text-muted-foreground">{t('filters.oneRecord')}</p> : null}
      {hasFilters(filters) ? (
        <Button variant="secondary" onClick={() => onChange(() => ({}))}>
          {t('filters.clear')}
        </Button>
      ) : null}
    </search>
  );
}
