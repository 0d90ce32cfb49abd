import type { Permission } from '@ontrack/schemas/permissions';

export type NavKey = 'dashboard' | 'contacts' | 'leads' | 'jobs' | 'invoices' | 'activity' | 'settings';

export interface NavItem {
  key: NavKey;
  href: string;
  /** Shown when the caller holds ANY of these in the active business; empty: everyone signed in. */
  anyOf: readonly Permission[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', href: '/app', anyOf: [] },
  { key: 'contacts', href: '/contacts', anyOf: ['contacts:read'] },
  { key: 'leads', href: '/leads', anyOf: ['leads:read'] },
  { key: 'jobs', href: '/jobs', anyOf: ['jobs:read'] },
  { key: 'invoices', href: '/invoices', anyOf: ['invoices:read'] },
  { key: 'activity', href: '/activity', anyOf: ['activity:read'] },
  { key: 'settings', href: '/settings', anyOf: ['tenant:manage', 'users:read'] },
];

export function allows(permissions: ReadonlySet<Permission>, anyOf: readonly Permission[]): boolean {
  return anyOf.length === 0 || anyOf.some((permission) => permissions.has(permission));
}

export function visibleNavItems(permissions: ReadonlySet<Permission>): NavItem[] {
  return NAV_ITEMS.filter((item) => allows(permissions, item.anyOf));
}

/** The item a path belongs to (its own page or one below it), for `aria-current`. */
export function activeNavKey(pathname: string): NavKey | undefined {
  const match = NAV_ITEMS.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`)).sort(
    (a, b) => b.href.length - a.href.length,
  )[0];
  return match?.key;
}
