'use client';

import { buttonClassName } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { EmptyState } from '@ontrack/ui/empty-state';
import { Skeleton } from '@ontrack/ui/skeleton';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { FormAlert } from '../../auth/components/form-alert';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { type DashboardKind, dashboardKind } from '../dashboard-kind';
import { allows, type NavKey, visibleNavItems } from '../navigation';
import { useShell } from '../shell-context';

// Only Admins see it, and it brings the team page's queries: other homes do not load it.
const AdminSetupChecklist = dynamic(
  () => import('../components/admin-setup-checklist').then((module) => module.AdminSetupChecklist),
  { loading: () => <Skeleton className="h-56 w-full" /> },
);

/** What each home puts first: the areas of the day's work, in the order that person reaches for them. */
const FOCUS: Record<DashboardKind, readonly NavKey[]> = {
  admin: ['leads', 'jobs', 'invoices', 'contacts'],
  office: ['leads', 'jobs', 'invoices', 'contacts'],
  crew: ['jobs'],
  property_manager: ['jobs', 'contacts'],
  member: ['contacts', 'leads', 'jobs', 'invoices'],
};

/**
 * The signed-in home, one per kind of work: Admins see how far the business is set up and the team; the
 * office sees the day's pipeline, jobs and money; a crew member sees today's jobs in large, one-handed
 * blocks; a property manager sees their properties' work. Each area shows an empty state until later issues
 * fill it, and only the areas the person may open.
 */
export function DashboardView() {
  const t = useTranslations('dashboard');
  const tShell = useTranslations('shell');
  const problemDetail = useProblemDetail();
  // next-intl's formatter carries the business's time zone already (i18n/request.ts).
  const format = useFormatter();
  const state = useShell();

  if (state.status === 'loading') {
    return (
      <div aria-busy="true" className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight">{tShell('nav.dashboard')}</h1>
        <p role="status" className="sr-only">
          {t('loading')}
        </p>
        <Skeleton className="h-6 w-1/2" />
        <div className="grid gap-4 md:grid-cols-2">
          <Skeleton className="h-36 w-full" />
          <Skeleton className="h-36 w-full" />
        </div>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{tShell('nav.dashboard')}</h1>
        <FormAlert title={t('failedTitle')}>{problemDetail(state.problem)}</FormAlert>
      </>
    );
  }

  const { user, tenant, permissions, scopes } = state;
  if (!tenant) {
    return (
      <>
        <h1 className="text-3xl font-bold tracking-tight">{t('greeting', { name: user.name })}</h1>
        <EmptyState title={t('noBusinessTitle')} description={t('noBusinessDescription')} />
      </>
    );
  }

  const kind = dashboardKind(permissions, scopes);
  const visible = new Set(visibleNavItems(permissions).map((item) => item.key));
  const areas = FOCUS[kind].filter((key) => visible.has(key));

  return (
    <>
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">{t('greeting', { name: user.name })}</h1>
        <p className="text-lg text-muted-foreground">
          {t('today', { business: tenant.name, date: format.dateTime(new Date(), { dateStyle: 'medium' }) })}
        </p>
      </div>
      {kind === 'admin' ? <AdminSetupChecklist /> : null}
      <section aria-labelledby="work-heading" className="space-y-4">
        <h2 id="work-heading" className="text-xl font-semibold">
          {t(`${kind}.workHeading`)}
        </h2>
        {areas.length ? (
          <ul className={cn('grid gap-4', kind === 'crew' ? 'grid-cols-1' : 'md:grid-cols-2')}>
            {areas.map((key) => (
              <li key={key} className="flex flex-col gap-2">
                <EmptyState
                  headingLevel={3}
                  title={t(`${kind}.areas.${key}.title` as 'office.areas.leads.title')}
                  description={t(`${kind}.areas.${key}.description` as 'office.areas.leads.description')}
                />
                <Link
                  href={`/${key}`}
                  className={buttonClassName({
                    variant: 'secondary',
                    size: kind === 'crew' ? 'lg' : undefined,
                    className: cn('self-start', kind === 'crew' && 'w-full'),
                  })}
                >
                  {t('open', { area: tShell(`nav.${key}`) })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState headingLevel={3} title={t('nothingTitle')} description={t('nothingDescription')} />
        )}
      </section>
      {allows(permissions, ['activity:read']) ? (
        <p>
          <Link href="/activity" className={cn('font-medium underline underline-offset-4', focusRing)}>
            {t('activityLink')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
