import { fileURLToPath } from 'node:url';
import { withSerwist } from '@serwist/turbopack';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { STATIC_SECURITY_HEADERS } from './modules/security/security-headers';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // scripts/test.mjs and bench/ may build elsewhere (NEXT_DIST_DIR=.next-bench) so that two builds on one
  // machine do not overwrite each other; `next start` reads the same variable.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Fixed security headers on pages and static files; the CSP (per-request nonce) comes from proxy.ts.
  // /api/* is excluded: those responses carry the API's own headers through the proxy route.
  async headers() {
    return [{ source: '/((?!api(?:/|$)).*)', headers: [...STATIC_SECURITY_HEADERS] }];
  },
  reactStrictMode: true,
  // Metadata is resolved before the page streams, for every visitor (not only for the bots Next lists):
  // titles come from the messages of the request's language (async), and streamed metadata leaves a page
  // without a <title> for a moment after a client-side navigation — which screen readers and axe notice.
  htmlLimitedBots: /.*/,
  transpilePackages: ['@ontrack/ui', '@ontrack/sdk'],
  // The monorepo root, so file tracing and Turbopack see the workspace packages outside apps/web.
  outputFileTracingRoot: workspaceRoot,
  turbopack: {
    root: workspaceRoot,
    // Turbopack cannot be given the `@ontrack/source` export condition that tsc and vitest use, so the
    // workspace packages are aliased to their sources the same way: the app builds whether or not they were
    // built first, and an edit to a primitive shows up in `next dev` at once.
    resolveAlias: {
      '@ontrack/ui/*': '../../packages/ui/src/*.tsx',
      '@ontrack/sdk/*': '../../packages/sdk/src/*.ts',
    },
  },
};

// next-intl without i18n routing: the plugin points `next-intl/config` at i18n/request.ts (locale per request).
// `precompile` turns every ICU message into a compact form at build time, so the browser gets a small
// formatter instead of the ICU parser (about 10 kB gzipped off every page; bench/web-first-load-js.ts).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: ['en', 'es'], precompile: true } },
});

// Serwist's Turbopack integration builds the service worker (pwa/sw.ts) with esbuild inside a route handler
// (app/serwist/[path]/route.ts) that is prerendered at build time; this keeps esbuild out of the server bundle.
export default withSerwist(withNextIntl(nextConfig));
