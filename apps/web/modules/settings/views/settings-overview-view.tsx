'use client';

import { cn, focusRing } from '@ontrack/ui/class-names';
import { EmptyState } from '@ontrack/ui/empty-state';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { RequirePermission } from '../../shell/components/require-permission';

/** The business's settings: where profile, people and roles management will live, and the user's devices. */
export function SettingsOverviewView() {
  const t = useTranslations('settings.overview');
  return (
    <RequirePermission anyOf={['tenant:manage', 'users:read']} title={t('title')}>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      <p className="text-lg text-muted-foreground">{t('intro')}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        <li>
          <Link
            href="/settings/devices"
            className={cn(
              'flex min-h-11 flex-col rounded-lg border border-border bg-surface p-5 hover:bg-surface-muted',
              focusRing,
            )}
          >
            <span className="font-semibold underline underline-offset-4">{t('devicesTitle')}</span>
            <span className="mt-1 text-muted-foreground">{t('devicesDescription')}</span>
          </Link>
        </li>
      </ul>
      <EmptyState title={t('emptyTitle')} description={t('emptyDescription')} />
    </RequirePermission>
  );
}
