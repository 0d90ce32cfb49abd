import { createSerwistRoute } from '@serwist/turbopack';

/**
 * Serves the service worker at /serwist/sw.js (with `Service-Worker-Allowed: /`, so it controls the whole
 * origin). Prerendered at build time: esbuild bundles pwa/sw.ts and injects the precache list of
 * `.next/static` and `public/` (Serwist's defaults for Next).
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'pwa/sw.ts',
  // The native esbuild binary the app already depends on, rather than downloading esbuild-wasm.
  useNativeEsbuild: true,
  // Source maps of the app's chunks are not needed offline.
  globIgnores: ['**/node_modules/**/*', '**/*.map'],
});
