/// <reference lib="webworker" />
import { NetworkOnly, type PrecacheEntry, Serwist, type SerwistGlobalConfig } from 'serwist';
import { OFFLINE_CACHE, OFFLINE_URL } from './offline-page';

/*
 * The service worker: precaches the app shell (Next's hashed static files and public/: scripts, styles,
 * icons) so the offline page can render, and shows that page when a navigation fails for want of a network.
 *
 * Never cached: anything under /api/ (tenant data, sessions, sign-in steps). No rule below matches /api/, so
 * the worker does not even answer those requests: the browser sends them to the network exactly as without a
 * worker (network only), and no business's data or signed-in response is ever stored on the device or served
 * from a cache. Pages are not cached either: they are rendered per request (a fresh CSP nonce, and they may
 * carry account data). Offline data arrives in a later issue, with its own rules.
 */

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    // Filled at build time with the precache list (URL + revision) by @serwist/turbopack.
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const isApi = (url: URL) =>
  url.origin === self.location.origin && (url.pathname === '/api' || url.pathname.startsWith('/api/'));

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // Page loads only; /api/ is left alone even when navigated to (the API docs), see above.
      matcher: ({ request, url }) => request.mode === 'navigate' && !isApi(url),
      handler: new NetworkOnly({
        plugins: [
          {
            // The network failed (offline, DNS, server unreachable): answer with the stored offline page.
            handlerDidError: async () => (await caches.open(OFFLINE_CACHE)).match(OFFLINE_URL),
          },
        ],
      }),
    },
  ],
});

// The offline page is stored at install in the visitor's language of the moment; the page refreshes it when
// the language changes (pwa/service-worker-registration.tsx).
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(OFFLINE_CACHE).then((cache) => cache.add(new Request(OFFLINE_URL, { cache: 'reload' }))));
});

serwist.addEventListeners();
