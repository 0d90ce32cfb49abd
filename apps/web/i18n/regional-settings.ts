import { createApiClient } from '@ontrack/sdk/client';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { type AppLocale, LOCALE_COOKIE, resolveLocale } from './locales';

/** How a page speaks and counts: its language, and the business's currency and time zone. */
export interface RegionalSettings {
  locale: AppLocale;
  /** ISO 4217 code of the business's money; USD until someone signed in tells us their business. */
  currency: string;
  /** IANA zone times are shown in; UTC until someone signed in tells us their business. */
  timeZone: string;
}

export const FALLBACK_CURRENCY = 'USD';
export const FALLBACK_TIME_ZONE = 'UTC';

// Only the access cookie: it alone authenticates a read. Without it there is nobody to ask about (a refresh
// needs the CSRF double submit and belongs to the browser, which renews the session on its next API call).
const ACCESS_COOKIE = '__Host-ontrack_access';
const LOOKUP_TIMEOUT_MS = 2_000;

interface AccountPreferences {
  userLocale: string | null | undefined;
  tenant: { locale: string; currency: string; timeZone: string } | undefined;
}

/**
 * The signed-in user's locale and their business's settings, read from the API with the browser's access
 * cookie. The business is the first active membership until the tenant switcher records a choice. Any failure
 * (no session, expired token, API down) leaves the anonymous resolution in place: a page must still render.
 */
async function accountPreferences(accessToken: string): Promise<AccountPreferences> {
  const api = createApiClient({ baseUrl: process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:4000' });
  const cookie = `${ACCESS_COOKIE}=${accessToken}`;
  try {
    const me = await api.GET('/api/v1/me', { headers: { cookie }, signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) });
    if (!me.data) return { userLocale: undefined, tenant: undefined };
    const membership = me.data.memberships.find((candidate) => candidate.status === 'active');
    if (!membership) return { userLocale: me.data.locale, tenant: undefined };
    const tenant = await api.GET('/api/v1/tenant', {
      headers: { cookie, 'x-tenant-id': membership.tenantId },
      signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
    });
    return { userLocale: me.data.locale, tenant: tenant.data };
  } catch {
    return { userLocale: undefined, tenant: undefined };
  }
}

/**
 * The regional settings of the current request, computed once per request (React `cache`): i18n/request.ts
 * gives the locale and time zone to next-intl, the root layout gives the currency to client components.
 */
export const getRegionalSettings = cache(async (): Promise<RegionalSettings> => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  const accessToken = jar.get(ACCESS_COOKIE)?.value;
  const account = accessToken ? await accountPreferences(accessToken) : undefined;
  return {
    locale: resolveLocale({
      user: account?.userLocale,
      tenant: account?.tenant?.locale,
      cookie: jar.get(LOCALE_COOKIE)?.value,
      acceptLanguage: requestHeaders.get('accept-language'),
    }),
    currency: account?.tenant?.currency ?? FALLBACK_CURRENCY,
    timeZone: account?.tenant?.timeZone ?? FALLBACK_TIME_ZONE,
  };
});
