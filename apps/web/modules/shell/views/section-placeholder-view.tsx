'use client';

import type { Permission } from '@ontrack/schemas/permissions';
import { EmptyState } from '@ontrack/ui/empty-state';
import { useTranslations } from 'next-intl';
import { RequirePermission } from '../components/require-permission';

export type SectionKey = 'contacts' | 'leads' | 'jobs' | 'invoices';

/** A section whose screens come with a later issue: its heading and an empty state saying what it holds. */
export function SectionPlaceholderView({ section, anyOf }: { section: SectionKey; anyOf: readonly Permission[] }) {
  const t = useTranslations(`shell.sections.${section}`);
  return (
    <RequirePermission anyOf={anyOf} title={t('title')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      <EmptyState title={t('emptyTitle')} description={t('emptyDescription')} />
    </RequirePermission>
  );
}
