'use client';

import { buttonClassName } from '@ontrack/ui/button';
import { EmptyState } from '@ontrack/ui/empty-state';
import { Skeleton } from '@ontrack/ui/skeleton';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { useShell } from '../../shell/shell-context';
import { belongsInPortal, PORTAL_SECTIONS } from '../portal-navigation';

/** The client's landing page: who they deal with, and their estimates, jobs and invoices at a glance. */
export function PortalHomeView() {
  const t = useTranslations('portal');
  const problemDetail = useProblemDetail();
  const state = useShell();

  if (state.status === 'loading') {
    return (
      <div aria-busy="true" className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">{t('home.loadingTitle')}</h1>
        <Skeleton className="h-6 w-2/3" />
        <div className="grid gap-4 md:grid-cols-3">
          {PORTAL_SECTIONS.map((section) => (
            <Skeleton key={section} className="h-40 w-full" />
          ))}
        </div>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{t('home.loadingTitle')}</h1>
        <FormAlert title={t('home.failedTitle')}>{problemDetail(state.problem)}</FormAlert>
      </>
    );
  }

  const business = state.tenant?.name ?? '';
  return (
    <>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t('home.title', { name: state.user.name })}</h1>
        <p className="text-lg text-muted-foreground">{t('home.intro', { business })}</p>
      </div>
      {belongsInPortal(state.scopes) ? null : (
        <FormAlert tone="info" title={t('home.staffTitle')}>
          <p>{t('home.staffDetail', { business })}</p>
          <Link href="/app" className={buttonClassName({ variant: 'secondary', className: 'mt-3' })}>
            {t('home.staffLink')}
          </Link>
        </FormAlert>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        {PORTAL_SECTIONS.map((section) => (
          <section key={section} aria-labelledby={`${section}-heading`} className="flex flex-col gap-3">
            <h2 id={`${section}-heading`} className="text-xl font-semibold">
              <Link href={`/portal/${section}`} className="underline-offset-4 hover:underline">
                {t(`shell.nav.${section}`)}
              </Link>
            </h2>
            <EmptyState
              headingLevel={3}
              title={t(`sections.${section}.emptyTitle`)}
              description={t(`sections.${section}.emptyDescription`, { business })}
            />
          </section>
        ))}
      </div>
    </>
  );
}
