'use client';

import { useLocale } from 'next-intl';
import { useEffect } from 'react';
import { documentLanguage, OFFLINE_CACHE, OFFLINE_URL, SERVICE_WORKER_URL } from './offline-page';

/**
 * Registers the service worker (pwa/sw.ts) from the app's own script, so no inline script is needed under the
 * nonce CSP (`worker-src 'self'` allows the registration). Not in `next dev`: a worker serving cached chunks
 * would fight hot reloading.
 */
export function ServiceWorkerRegistration() {
  const locale = useLocale();

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    // An ES module worker: @serwist/turbopack bundles it as ESM.
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/', type: 'module' }).catch(() => {
      // Without a worker the app still works online; there is nothing useful to tell the person here.
    });
  }, []);

  useEffect(() => {
    void refreshOfflinePage(locale);
  }, [locale]);

  return null;
}

/** Stores the offline page again when the stored one is in another language than the visitor now reads. */
async function refreshOfflinePage(locale: string): Promise<void> {
  if (typeof caches === 'undefined' || !navigator.onLine) return;
  try {
    const cache = await caches.open(OFFLINE_CACHE);
    const stored = await cache.match(OFFLINE_URL);
    // Nothing stored yet: the worker stores it when it installs, in this same language.
    if (!stored || documentLanguage(await stored.text()) === locale) return;
    await cache.add(new Request(OFFLINE_URL, { cache: 'reload' }));
  } catch {
    // Storage may be unavailable (private mode, quota): the offline page stays as it was.
  }
}
