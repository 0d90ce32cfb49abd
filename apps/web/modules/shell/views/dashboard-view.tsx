'use client';

import { EmptyState } from '@ontrack/ui/empty-state';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useTranslations } from 'next-intl';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { visibleNavItems } from '../navigation';
import { useShell } from '../shell-context';

/**
 * The signed-in home: who is signed in, their businesses, and an empty state for each area the user may work
 * in, saying what will appear there.
 */
export function DashboardView() {
  const t = useTranslations('app.signedIn');
  const tShell = useTranslations('shell');
  const problemDetail = useProblemDetail();
  const state = useShell();

  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">{t('title')}</h1>
      {state.status === 'failed' ? (
        <FormAlert title={t('failedTitle')}>{problemDetail(state.problem)}</FormAlert>
      ) : null}
      {state.status === 'loading' ? (
        <div aria-busy="true" className="space-y-4">
          <p role="status" className="text-muted-foreground">
            {t('loading')}
          </p>
          <Skeleton className="h-24 w-full" />
        </div>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p className="text-lg">
            {t.rich('signedInAs', {
              name: state.user.name,
              email: state.user.email,
              strong: (chunks) => <strong>{chunks}</strong>,
              muted: (chunks) => <span className="text-muted-foreground">{chunks}</span>,
            })}
          </p>
          <section aria-labelledby="businesses-heading">
            <h2 id="businesses-heading" className="text-xl font-semibold">
              {t('businesses')}
            </h2>
            {state.user.memberships.length ? (
              <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {state.user.memberships.map((membership) => (
                  <li key={membership.tenantId} className="rounded-lg border border-border bg-surface p-5">
                    <p className="font-semibold">{membership.name}</p>
                    <p className="mt-1 text-muted-foreground text-sm">
                      {t(`status.${membership.status}`)}
                      {membership.tenantId === state.tenant?.id ? ` · ${tShell('dashboard.working')}` : null}
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-muted-foreground">{t('noBusinesses')}</p>
            )}
          </section>
          <section aria-labelledby="work-heading" className="space-y-4">
            <h2 id="work-heading" className="text-xl font-semibold">
              {tShell('dashboard.workHeading')}
            </h2>
            <div className="grid gap-4 md:grid-cols-2">
              {visibleNavItems(state.permissions)
                .filter((item) => item.key !== 'dashboard' && item.key !== 'settings')
                .map((item) => (
                  <EmptyState
                    key={item.key}
                    headingLevel={3}
                    title={tShell(`sections.${item.key as 'contacts'}.emptyTitle`)}
                    description={tShell(`sections.${item.key as 'contacts'}.emptyDescription`)}
                  />
                ))}
              {visibleNavItems(state.permissions).length === 1 ? (
                <EmptyState
                  headingLevel={3}
                  title={tShell('dashboard.nothingTitle')}
                  description={tShell('dashboard.nothingDescription')}
                />
              ) : null}
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
