'use client';

import { BrandMark } from '@ontrack/ui/brand-mark';
import { Button, buttonClassName } from '@ontrack/ui/button';
import { cn, focusRing } from '@ontrack/ui/class-names';
import { Skeleton } from '@ontrack/ui/skeleton';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useState } from 'react';
import { replaceWithFullLoad } from '../../auth/navigate-session';
import { belongsInPortal } from '../../portal/portal-navigation';
import { activeNavKey, visibleNavItems } from '../navigation';
import { type ShellState, useShell } from '../shell-context';
import { useSignOut } from '../use-sign-out';
import { LazyToaster } from './lazy-toaster';
import { SessionTimeoutWarning } from './session-timeout-warning';
import { TenantSwitcher } from './tenant-switcher';

const loadMenuSheet = () => import('./menu-sheet');
const MenuSheet = dynamic(() => loadMenuSheet().then((module) => module.MenuSheet));
const preloadMenuSheet = () => void loadMenuSheet();

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
  const { signOut, signingOut, failure: failed } = useSignOut('/sign-in');
  if (state.status !== 'ready') return null;

  return (
    <div className="space-y-2 border-t border-border pt-4">
      <p className="truncate font-semibold">{state.user.name}</p>
      <p className="truncate text-sm text-muted-foreground">{state.user.email}</p>
      <ul>
        {(['profile', 'security', 'devices'] as const).map((page) => (
          <li key={page}>
            <Link
              href={`/settings/${page}`}
              onClick={onNavigate}
              className={buttonClassName({ variant: 'ghost', className: 'w-full justify-start' })}
            >
              {t(page)}
            </Link>
          </li>
        ))}
      </ul>
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
  const portalOnly = state.status === 'ready' && belongsInPortal(state.scopes);
  // A client signing in on the staff sign-in page lands here: their place is the client portal.
  useEffect(() => {
    if (portalOnly) replaceWithFullLoad('/portal');
  }, [portalOnly]);
  const businessName = state.status === 'ready' ? state.tenant?.name : undefined;

  return (
    <div className="flex min-h-dvh flex-col lg:flex-row">
      <header className="sticky top-0 z-30 flex items-center justify-between gap-3 bg-brand-navy px-4 py-2 text-white lg:hidden">
        <Link href="/app" className={cn('rounded-md', focusRing, 'focus-visible:outline-brand-green')}>
          <BrandMark size="sm" />
          <span className="sr-only">{t('home')}</span>
        </Link>
        {businessName ? <span className="min-w-0 flex-1 truncate text-sm font-medium">{businessName}</span> : null}
        <Button
          variant="secondary"
          className="min-h-11 min-w-11 focus-visible:outline-brand-green"
          aria-haspopup="dialog"
          aria-expanded={menuOpen}
          // Fetch the sheet's code as the finger comes down, so it is there when the click lands.
          onPointerDown={preloadMenuSheet}
          onFocus={preloadMenuSheet}
          onClick={() => setMenuOpen(true)}
        >
          <MenuIcon />
          <span>{t('menu')}</span>
        </Button>
        {menuOpen ? (
          <MenuSheet open={menuOpen} onOpenChange={setMenuOpen} title={t('menu')} closeLabel={t('closeMenu')}>
            <SidebarContent state={state} onNavigate={() => setMenuOpen(false)} />
          </MenuSheet>
        ) : null}
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
      <SessionTimeoutWarning />
      <LazyToaster label={t('notifications')} dismissLabel={t('dismiss')} />
    </div>
  );
}
