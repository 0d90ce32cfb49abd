'use client';

import type { ContactView } from '@ontrack/schemas/contacts';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { EmptyState } from '@ontrack/ui/empty-state';
import { PlusIcon } from '@ontrack/ui/icons';
import { toast } from '@ontrack/ui/toast-store';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import { problemOf } from '../../data/api-client';
import { LoadingRows, ProblemAlert } from '../../data/components/problem-alert';
import { useUrlFilters } from '../../data/use-url-filters';
import { RequirePermission } from '../../shell/components/require-permission';
import { useShell } from '../../shell/shell-context';
import { ContactFiltersForm } from '../components/contact-filters-form';
import { ContactListItems } from '../components/contact-list-items';
import { ExportButton } from '../components/export-button';
import { ImportDialog, NewContactDialog, preload, useLazyDialog } from '../components/lazy-dialogs';
import { clearedFilters, filtersToSearch, hasFilters, parseFilters, toListQuery } from '../contact-filters';
import { useContactList, useRestoreContact } from '../contacts-api';

/** The business's contacts (`contacts:read`): search, filters, the trash, import and export. */
export function ContactListView() {
  const t = useTranslations('contacts');
  return (
    <RequirePermission anyOf={['contacts:read']} title={t('title')}>
      <ContactList />
    </RequirePermission>
  );
}

function ContactList() {
  const t = useTranslations('contacts');
  const searchParams = useSearchParams();
  const shell = useShell();
  const permissions = shell.status === 'ready' ? shell.permissions : new Set<string>();
  const canWrite = permissions.has('contacts:write');
  const canExport = permissions.has('contacts:export');
  const listRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const newContact = useLazyDialog();
  const importCsv = useLazyDialog();

  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const query = useMemo(() => toListQuery(filters), [filters]);
  const list = useContactList(query);
  const restore = useRestoreContact();
  const contacts = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const filtered = hasFilters(filters);

  const updateFilters = useUrlFilters(filters, filtersToSearch);

  // After "Load more", focus moves to the first contact it brought (the button may be gone).
  const focusIndex = useRef<number | undefined>(undefined);
  useEffect(() => {
    const index = focusIndex.current;
    if (index === undefined || contacts.length <= index) return;
    focusIndex.current = undefined;
    const targets = listRef.current?.querySelectorAll<HTMLElement>(`[data-index="${index}"]`) ?? [];
    [...targets].find((element) => element.getClientRects().length > 0)?.focus();
  }, [contacts]);

  async function loadMore() {
    focusIndex.current = contacts.length;
    const result = await list.fetchNextPage();
    if (result.isError) focusIndex.current = undefined;
  }

  async function restoreContact(contact: ContactView) {
    try {
      await restore.mutateAsync({ id: contact.id, version: contact.version });
    } catch (error) {
      toast({ title: t('list.restoreFailed'), description: problemOf(error).detail, variant: 'danger' });
      return;
    }
    toast({ title: t('restored', { name: contact.displayName }), variant: 'success' });
    headingRef.current?.focus();
  }

  const clearButton = (
    <Button variant="secondary" onClick={() => updateFilters(clearedFilters)}>
      {t('filters.clear')}
    </Button>
  );
  // The empty list offers it again; focus goes back to the header's button, which stays.
  const newButton = (withRef: boolean) => (
    <Button
      ref={withRef ? newContact.triggerRef : undefined}
      onClick={newContact.show}
      onPointerEnter={preload.newContact}
      onFocus={preload.newContact}
    >
      <PlusIcon aria-hidden="true" className="size-5" />
      {t('create.open')}
    </Button>
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="space-y-2">
          <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold tracking-tight focus-visible:outline-none">
            {filters.trash ? t('trash.title') : t('title')}
          </h1>
          <p className="text-lg text-muted-foreground">{filters.trash ? t('trash.intro') : t('intro')}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {canWrite && !filters.trash ? newButton(true) : null}
          {canWrite && !filters.trash ? (
            <Button
              variant="secondary"
              ref={importCsv.triggerRef}
              onClick={importCsv.show}
              onPointerEnter={preload.import}
              onFocus={preload.import}
            >
              {t('import.open')}
            </Button>
          ) : null}
          {canExport ? <ExportButton query={query} /> : null}
        </div>
      </div>
      <nav aria-label={t('views.label')} className="flex flex-wrap gap-2">
        <ViewLink href="/contacts" current={!filters.trash}>
          {t('views.all')}
        </ViewLink>
        <ViewLink href="/contacts?trash=1" current={filters.trash}>
          {t('views.trash')}
        </ViewLink>
      </nav>
      <ContactFiltersForm filters={filters} onChange={updateFilters} />
      <p role="status" className="text-sm text-muted-foreground">
        {list.isPending
          ? t('list.loading')
          : list.isError && contacts.length === 0
            ? ''
            : t('list.count', { count: contacts.length, more: list.hasNextPage ? 'yes' : 'no' })}
      </p>
      {list.isPending ? (
        <LoadingRows label={t('list.loading')} rows={5} height="h-14" />
      ) : list.isError && contacts.length === 0 ? (
        <ProblemAlert error={list.error} title={t('list.failedTitle')} autoFocus={false}>
          <FieldProblems error={list.error} />
          <Button variant="secondary" onClick={() => list.refetch()}>
            {t('common.retry')}
          </Button>
          {filtered ? clearButton : null}
        </ProblemAlert>
      ) : contacts.length === 0 ? (
        filtered ? (
          <EmptyState
            title={filters.trash ? t('empty.trashFilteredTitle') : t('empty.filteredTitle')}
            description={t('empty.filteredDescription')}
            action={clearButton}
          />
        ) : filters.trash ? (
          <EmptyState title={t('empty.trashTitle')} description={t('empty.trashDescription')} />
        ) : (
          <EmptyState
            title={t('empty.title')}
            description={canWrite ? t('empty.description') : t('empty.descriptionReadOnly')}
            action={canWrite ? newButton(false) : undefined}
          />
        )
      ) : (
        <div ref={listRef} className="space-y-4">
          <ContactListItems
            contacts={contacts}
            trash={filters.trash}
            onRestore={canWrite ? restoreContact : undefined}
            restoringId={restore.isPending ? restore.variables?.id : undefined}
          />
          {list.isFetchNextPageError ? <ProblemAlert error={list.error} title={t('list.failedTitle')} /> : null}
          {list.hasNextPage ? (
            <Button variant="secondary" onClick={loadMore} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
            </Button>
          ) : (
            <p className="text-sm text-muted-foreground">{t('list.end')}</p>
          )}
        </div>
      )}
      {newContact.mounted ? (
        <NewContactDialog
          key={newContact.key}
          open={newContact.open}
          onOpenChange={newContact.onOpenChange}
          onCloseFocus={newContact.focusTrigger}
        />
      ) : null}
      {importCsv.mounted ? (
        <ImportDialog
          key={importCsv.key}
          open={importCsv.open}
          onOpenChange={importCsv.onOpenChange}
          onCloseFocus={importCsv.focusTrigger}
        />
      ) : null}
    </div>
  );
}

function ViewLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={cn(
        'inline-flex min-h-11 items-center rounded-md border px-4 font-semibold',
        current
          ? 'border-primary bg-primary text-primary-foreground'
          : 'border-border-strong bg-surface text-foreground hover:bg-surface-muted',
        focusRing,
      )}
    >
      {children}
    </Link>
  );
}

const FILTER_FIELDS = ['q', 'tag', 'kind', 'sort', 'cursor'] as const;

/** A refused filter (a link edited by hand), named as the form names it, with the API's reason. */
function FieldProblems({ error }: { error: unknown }) {
  const t = useTranslations('contacts.filters');
  const fields = Object.entries(problemOf(error).fieldErrors);
  if (!fields.length) return null;
  const label = (field: string) => {
    const name = field.split('.')[0] ?? field;
    if (!(FILTER_FIELDS as readonly string[]).includes(name)) return field;
    return t(`fields.${name as (typeof FILTER_FIELDS)[number]}`);
  };
  return (
    <ul className="w-full list-disc ps-5">
      {fields.map(([field, detail]) => (
        <li key={field}>{`${label(field)}: ${detail}`}</li>
      ))}
    </ul>
  );
}
