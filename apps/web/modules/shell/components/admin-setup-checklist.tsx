'use client';

import { cn, focusRing } from '@ontrack/ui/class-names';
import { Skeleton } from '@ontrack/ui/skeleton';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { api, unwrap } from '../../data/api-client';
import { settingsKeys } from '../../settings/settings-api';
import { useInvitations, useMembers } from '../../team/team-api';
import { shellKeys } from '../shell-context';

interface Step {
  key: 'branding' | 'team' | 'mfa';
  href: string;
  done: boolean;
}

function CheckIcon({ done }: { done: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={cn('size-6 shrink-0', done ? 'text-success' : 'text-muted-foreground')}
    >
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="2" />
      {done ? <path d="m7 12 3.5 3.5L17 9" fill="none" stroke="currentColor" strokeWidth="2.5" /> : null}
    </svg>
  );
}

/**
 * An Admin's first weeks: what is left to set up, read from the business itself (its branding, its people,
 * its sign-in rule), each step a link to where it is done. Counts of people and pending invitations too.
 */
export function AdminSetupChecklist() {
  const t = useTranslations('dashboard.admin');
  const tenant = useQuery({ queryKey: shellKeys.tenant, queryFn: () => unwrap(() => api.GET('/api/v1/tenant')) });
  const security = useQuery({
    queryKey: settingsKeys.tenantSecurity,
    queryFn: () => unwrap(() => api.GET('/api/v1/tenant/security')),
  });
  // The team page's own queries: a change made there is what this card shows next.
  const members = useMembers();
  const invitations = useInvitations();

  if (!tenant.data || !security.data || !members.data || !invitations.data) {
    const failed = tenant.isError || security.isError || members.isError || invitations.isError;
    return (
      <section aria-labelledby="setup-heading" aria-busy={!failed} className="space-y-3">
        <h2 id="setup-heading" className="text-xl font-semibold">
          {t('setupHeading')}
        </h2>
        {failed ? (
          <p className="text-muted-foreground">{t('setupUnavailable')}</p>
        ) : (
          <Skeleton className="h-40 w-full" />
        )}
      </section>
    );
  }

  const activeMembers = members.data.filter((member) => member.status === 'active').length;
  const pending = invitations.data.length;
  const steps: Step[] = [
    { key: 'branding', href: '/settings/business', done: Boolean(tenant.data.branding.logoUrl) },
    { key: 'team', href: '/settings/team', done: activeMembers > 1 || pending > 0 },
    { key: 'mfa', href: '/settings/business', done: security.data.mfaRequiredForStaff },
  ];
  const done = steps.filter((step) => step.done).length;

  return (
    <div className="grid gap-4 md:grid-cols-3">
      <section
        aria-labelledby="setup-heading"
        className="space-y-3 rounded-lg border border-border bg-surface p-5 md:col-span-2"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="setup-heading" className="text-xl font-semibold">
            {t('setupHeading')}
          </h2>
          <p className="text-muted-foreground">{t('setupProgress', { done, total: steps.length })}</p>
        </div>
        <ul className="space-y-1">
          {steps.map((step) => (
            <li key={step.key}>
              <Link
                href={step.href}
                className={cn(
                  'flex min-h-11 items-center gap-3 rounded-md px-2 py-2 hover:bg-surface-muted',
                  focusRing,
                )}
              >
                <CheckIcon done={step.done} />
                <span className="flex flex-col">
                  <span
                    className={cn(
                      'font-medium',
                      step.done ? 'text-muted-foreground line-through' : 'underline underline-offset-4',
                    )}
                  >
                    {t(`steps.${step.key}.title`)}
                  </span>
                  <span className="text-sm text-muted-foreground">
                    {step.done ? t('stepDone') : t(`steps.${step.key}.description`)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="team-heading" className="space-y-2 rounded-lg border border-border bg-surface p-5">
        <h2 id="team-heading" className="text-xl font-semibold">
          {t('teamHeading')}
        </h2>
        <p className="text-3xl font-bold tabular-nums">{activeMembers}</p>
        <p className="text-muted-foreground">{t('teamActive', { count: activeMembers })}</p>
        <p>{t('teamPending', { count: pending })}</p>
        <Link href="/settings/team" className={cn('font-medium underline underline-offset-4', focusRing)}>
          {t('teamLink')}
        </Link>
      </section>
    </div>
  );
}
