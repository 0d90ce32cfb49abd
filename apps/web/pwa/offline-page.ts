/** The page shown instead of any page that cannot be reached offline (app/~offline). */
export const OFFLINE_URL = '/~offline';

/**
 * The cache holding the offline page, apart from Serwist's precache: it is rendered in the visitor's language,
 * so it is fetched again (from the page, pwa/service-worker-registration.tsx) when that language changes,
 * while precached files only change with a new build.
 */
export const OFFLINE_CACHE = 'ontrack-offline-v1';

/** Where the service worker is served from (app/serwist/[path]/route.ts builds it). */
export const SERVICE_WORKER_URL = '/serwist/sw.js';

/** The `lang` of a cached page's <html>, to tell whether the cached offline page is in the right language. */
export function documentLanguage(html: string): string | undefined {
  return /<html[^>]*\slang="([^"]+)"/i.exec(html)?.[1];
}
