'use client';

import { BrandMark } from '@ontrack/ui/brand-mark';
import { Button, buttonClassName } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { DialogTitle } from '@ontrack/ui/dialog';
import { Sheet, SheetContent, SheetTrigger } from '@ontrack/ui/sheet';
import { Skeleton } from '@ontrack/ui/skeleton';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { replaceWithFullLoad } from '../../auth/navigate-session';
import { useProblemDetail } from '../../auth/use-problem-detail';
import { activeNavKey, visibleNavItems } from '../navigation';
import { shellApi } from '../shell-api';
import { type ShellState, useShell } from '../shell-context';
import { TenantSwitcher } from './tenant-switcher';

function MenuIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M4 6h16M4 12h16M4 18h16" strokeLinecap="round" />
    </svg>
  );
}

function NavLinks({ state, onNavigate }: { state: ShellState; onNavigate?: () => void }) {
  const t = useTranslations('shell');
  const pathname = usePathname();
  if (state.status !== 'ready') {
    return (
      <div aria-busy="true" className="space-y-2">
        <span className="sr-only">{t('loadingMenu')}</span>
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} className="h-11 w-full" />
        ))}
      </div>
    );
  }
  const current = activeNavKey(pathname);
  return (
    <nav aria-label={t('navLabel')}>
      <ul className="space-y-1">
        {visibleNavItems(state.permissions).map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={current === item.key ? 'page' : undefined}
              className={cn(
                'flex min-h-11 items-center rounded-md px-3 text-base font-medium hover:bg-surface-muted',
                'aria-[current=page]:bg-surface-muted aria-[current=page]:font-semibold aria-[current=page]:underline aria-[current=page]:underline-offset-4',
                focusRing,
              )}
            >
              {t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountSection({ state, onNavigate }: { state: ShellState; onNavigate?: () => void }) {
  const t = useTranslations('shell.account');
  const problemDetail = useProblemDetail();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState<string>();
  if (state.status !== 'ready') return null;

  async function signOut() {
    setSigningOut(true);
    setFailed(undefined);
    const result = await shellApi.signOut();
    // A 401 means the session had ended already: signed out either way.
    if (result.ok || result.problem.status === 401) return replaceWithFullLoad('/sign-in');
    setSigningOut(false);
    setFailed(problemDetail(result.problem));
  }

  return (
    <div className="space-y-2 border-t border-border pt-4">
      <p className="truncate font-semibold">{state.user.name}</p>
      <p className="truncate text-sm text-muted-foreground">{state.user.email}</p>
      <Link
        href="/settings/devices"
        onClick={onNavigate}
        className={buttonClassName({ variant: 'ghost', className: 'w-full justify-start' })}
      >
        {t('devices')}
      </Link>
      <Button variant="secondary" className="w-full" onClick={signOut} disabled={signingOut}>
        {signingOut ? t('signingOut') : t('signOut')}
      </Button>
      {failed ? (
        <p role="alert" className="text-sm text-danger">
          {failed}
        </p>
      ) : null}
    </div>
  );
}

function SidebarContent({ state, onNavigate }: { state: ShellState; onNavigate?: () => void }) {
  return (
    <>
      {state.status === 'ready' ? <TenantSwitcher user={state.user} tenant={state.tenant} /> : null}
      <NavLinks state={state} onNavigate={onNavigate} />
      <AccountSection state={state} onNavigate={onNavigate} />
    </>
  );
}

/**
 * The frame of every signed-in page: a sidebar on wide screens, a top bar with a menu sheet on phones. The
 * navigation shows what the user may do in the active business; the pages check again (and the API decides).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations('shell');
  const state = useShell();
  const [menuOpen, setMenuOpen] = useState(false);
  const businessName = state.status === 'ready' ? state.tenant?.name : undefined;

  return (
    <div className="flex min-h-dvh flex-col lg:flex-row">
      <header className="sticky top-0 z-30 flex items-center justify-between gap-3 bg-brand-navy px-4 py-2 text-white lg:hidden">
        <Link href="/app" className={cn('rounded-md', focusRing, 'focus-visible:outline-brand-green')}>
          <BrandMark size="sm" />
          <span className="sr-only">{t('home')}</span>
        </Link>
        {businessName ? <span className="min-w-0 flex-1 truncate text-sm font-medium">{businessName}</span> : null}
        <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
          <SheetTrigger asChild>
            <Button variant="secondary" className="min-h-11 min-w-11 focus-visible:outline-brand-green">
              <MenuIcon />
              <span>{t('menu')}</span>
            </Button>
          </SheetTrigger>
          <SheetContent side="start" closeLabel={t('closeMenu')}>
            <DialogTitle className="text-lg font-semibold">{t('menu')}</DialogTitle>
            <SidebarContent state={state} onNavigate={() => setMenuOpen(false)} />
          </SheetContent>
        </Sheet>
      </header>
      <aside className="hidden w-72 shrink-0 flex-col gap-6 border-e border-border bg-surface p-5 lg:flex lg:min-h-dvh">
        <Link href="/app" className={cn('self-start rounded-md', focusRing)}>
          <BrandMark />
          <span className="sr-only">{t('home')}</span>
        </Link>
        <SidebarContent state={state} />
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus-visible:outline-none">
        <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-6 lg:py-12">{children}</div>
      </main>
    </div>
  );
}
