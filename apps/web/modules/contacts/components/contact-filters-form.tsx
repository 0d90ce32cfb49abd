'use client';

import { CONTACT_KINDS, type ContactKind } from '@ontrack/schemas/crm-constants';
import { FormField } from '@ontrack/ui/form-field';
import { Input } from '@ontrack/ui/input';
import { NativeSelect } from '@ontrack/ui/native-select';
import { useTranslations } from 'next-intl';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import {
  CONTACT_SORT_OPTIONS,
  type ContactFilters,
  type ContactSort,
  parseTagInput,
  SEARCH_MAX,
  sortApplies,
} from '../contact-filters';

/** How long typing pauses before the list is asked again: one request per word, not per key. */
const DEBOUNCE_MS = 300;

/**
 * Search, kind, tags and sort of the contact list. Text fields apply after a pause in typing (or at once with
 * Enter); selects apply when changed. The address bar is the source: a change there (back, a shared link)
 * shows here.
 */
export function ContactFiltersForm({
  filters,
  onChange,
}: {
  filters: ContactFilters;
  onChange: (update: (current: ContactFilters) => ContactFilters) => void;
}) {
  const t = useTranslations('contacts.filters');
  const [q, setQ] = useState(filters.q ?? '');
  const [tags, setTags] = useState(filters.tags.join(', '));
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The address changed by other means (back, "Clear filters"): the fields follow, unless they already mean it.
  useEffect(() => {
    setQ((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
    setTags((current) =>
      parseTagInput(current).join(',') === filters.tags.join(',') ? current : filters.tags.join(', '),
    );
  }, [filters.q, filters.tags]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // Both text fields wait for the same pause; what either typed meanwhile is applied together.
  const pending = useRef<{ q?: string; tags?: string }>({});
  const flush = () => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = {};
    if (next.q === undefined && next.tags === undefined) return;
    onChange((current) => ({
      ...current,
      ...(next.q !== undefined ? { q: next.q.trim() || undefined } : {}),
      ...(next.tags !== undefined ? { tags: parseTagInput(next.tags) } : {}),
    }));
  };
  const later = (next: { q?: string; tags?: string }) => {
    pending.current = { ...pending.current, ...next };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, DEBOUNCE_MS);
  };
  // Enter applies at once (two text fields and no submit button: the browser would not submit the form).
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    flush();
  };

  const sortHint = filters.trash ? t('sortTrash') : !sortApplies(filters) ? t('sortSearch') : undefined;

  return (
    <search aria-label={t('label')}>
      <form
        className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)] md:items-start"
        onSubmit={(event) => {
          event.preventDefault();
          flush();
        }}
      >
        <FormField label={t('search')} hint={t('searchHint')}>
          <Input
            type="search"
            value={q}
            maxLength={SEARCH_MAX}
            autoComplete="off"
            enterKeyHint="search"
            onKeyDown={onEnter}
            onChange={(event) => {
              setQ(event.target.value);
              later({ q: event.target.value });
            }}
          />
        </FormField>
        <FormField label={t('kind')}>
          <NativeSelect
            value={filters.kind ?? ''}
            onChange={(event) => {
              const kind = event.target.value as ContactKind | '';
              onChange((current) => ({ ...current, kind: kind || undefined }));
            }}
          >
            <option value="">{t('anyKind')}</option>
            {CONTACT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label={t('tags')} hint={t('tagsHint')}>
          <Input
            value={tags}
            autoComplete="off"
            onKeyDown={onEnter}
            onChange={(event) => {
              setTags(event.target.value);
              later({ tags: event.target.value });
            }}
          />
        </FormField>
        <FormField label={t('sort')} hint={sortHint}>
          <NativeSelect
            value={filters.sort}
            disabled={!sortApplies(filters)}
            onChange={(event) => {
              const sort = event.target.value as ContactSort;
              onChange((current) => ({ ...current, sort }));
            }}
          >
            {CONTACT_SORT_OPTIONS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sorts.${sort === '-created' ? 'newest' : sort === 'created' ? 'oldest' : 'name'}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </form>
    </search>
  );
}
