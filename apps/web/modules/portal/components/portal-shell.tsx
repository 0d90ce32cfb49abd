'use client';

import { BrandMark } from '@ontrack/ui/brand-mark';
import { Button } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { Skeleton } from '@ontrack/ui/skeleton';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LazyToaster } from '../../shell/components/lazy-toaster';
import { SessionTimeoutWarning } from '../../shell/components/session-timeout-warning';
import { useShell } from '../../shell/shell-context';
import { useSignOut } from '../../shell/use-sign-out';
import { activePortalKey, PORTAL_NAV } from '../portal-navigation';

/**
 * The client portal's frame: the business's name first (it is their portal, not OnTrack's), five places in a
 * row that scrolls sideways on a phone, and sign out. No tenant switcher: a portal session belongs to one
 * business.
 */
export function PortalShell({ children }: { children: ReactNode }) {
  const t = useTranslations('portal.shell');
  const state = useShell();
  const pathname = usePathname();
  const current = activePortalKey(pathname);
  const { signOut, signingOut, failure } = useSignOut('/sign-in');
  const business = state.status === 'ready' ? state.tenant?.name : undefined;

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-navy text-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/portal" className={cn('shrink-0 rounded-md', focusRing, 'focus-visible:outline-brand-green')}>
              <BrandMark size="sm" />
              <span className="sr-only">{t('home')}</span>
            </Link>
            {business ? (
              <p className="min-w-0 truncate font-semibold">{business}</p>
            ) : (
              <Skeleton className="h-5 w-40 bg-white/20" />
            )}
          </div>
          <Button
            variant="secondary"
            className="min-h-11 shrink-0 focus-visible:outline-brand-green"
            onClick={signOut}
            disabled={signingOut || state.status !== 'ready'}
          >
            {signingOut ? t('signingOut') : t('signOut')}
          </Button>
        </div>
        <nav aria-label={t('navLabel')} className="mx-auto max-w-4xl overflow-x-auto px-2 sm:px-4">
          <ul className="flex gap-1">
            {PORTAL_NAV.map((item) => (
              <li key={item.key}>
                <Link
                  href={item.href}
                  aria-current={current === item.key ? 'page' : undefined}
                  className={cn(
                    'flex min-h-11 items-center whitespace-nowrap rounded-t-md px-4 font-medium text-white/90 hover:bg-white/10',
                    'aria-[current=page]:bg-background aria-[current=page]:text-foreground',
                    focusRing,
                    'focus-visible:outline-brand-green',
                  )}
                >
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {failure ? (
        <p role="alert" className="mx-auto mt-4 w-full max-w-4xl px-4 text-danger sm:px-6">
          {failure}
        </p>
      ) : null}
      <main id="main" tabIndex={-1} className="flex-1 focus-visible:outline-none">
        <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-6 lg:py-12">{children}</div>
      </main>
      <SessionTimeoutWarning />
      <LazyToaster label={t('notifications')} dismissLabel={t('dismiss')} />
    </div>
  );
}
