import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './modules/security/security-headers';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Fixed security headers on pages and static files; the CSP (per-request nonce) comes from proxy.ts.
  // /api/* is excluded: those responses carry the API's own headers through the proxy route.
  async headers() {
    return [{ source: '/((?!api(?:/|$)).*)', headers: [...STATIC_SECURITY_HEADERS] }];
  },
  reactStrictMode: true,
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

export default nextConfig;
