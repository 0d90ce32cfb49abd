'use client';

import { EmptyState } from '@ontrack/ui/empty-state';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useTranslations } from 'next-intl';
import { useShell } from '../../shell/shell-context';
import type { PortalSection } from '../portal-navigation';

/**
 * A place in the portal that later issues fill (the client's estimates to approve, jobs to follow, invoices to
 * pay); until then it says what will appear and who sends it.
 */
export function PortalSectionView({ section }: { section: PortalSection }) {
  const t = useTranslations('portal');
  const state = useShell();
  const business = state.status === 'ready' ? (state.tenant?.name ?? '') : undefined;

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t(`shell.nav.${section}`)}</h1>
      {business === undefined ? (
        <div aria-busy="true">
          <Skeleton className="h-40 w-full" />
        </div>
      ) : (
        <EmptyState
          title={t(`sections.${section}.emptyTitle`)}
          description={t(`sections.${section}.emptyDescription`, { business })}
        />
      )}
    </>
  );
}
