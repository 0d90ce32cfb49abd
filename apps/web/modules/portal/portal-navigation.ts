import type { RoleScope } from '@ontrack/schemas/permissions';

export type PortalNavKey = 'home' | 'estimates' | 'jobs' | 'invoices' | 'profile';

export const PORTAL_NAV: readonly { key: PortalNavKey; href: string }[] = [
  { key: 'home', href: '/portal' },
  { key: 'estimates', href: '/portal/estimates' },
  { key: 'jobs', href: '/portal/jobs' },
  { key: 'invoices', href: '/portal/invoices' },
  { key: 'profile', href: '/portal/profile' },
];

/** The portal page a path belongs to, for `aria-current` (home only on its own path). */
export function activePortalKey(pathname: string): PortalNavKey | undefined {
  return [...PORTAL_NAV]
    .sort((a, b) => b.href.length - a.href.length)
    .find((item) => pathname === item.href || (item.key !== 'home' && pathname.startsWith(`${item.href}/`)))?.key;
}

/**
 * A client of the business and nothing else: everything they may reach is their own contact's. They belong
 * in the client portal, not in the staff app; anyone holding a wider scope (staff who are also a client) stays
 * in the app.
 */
export function belongsInPortal(scopes: readonly RoleScope[]): boolean {
  return scopes.length > 0 && scopes.every((scope) => scope === 'own_contact');
}

/** The places later issues fill with the client's own records. */
export const PORTAL_SECTIONS = ['estimates', 'jobs', 'invoices'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];
