import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (see their "exports"), as in the root projects, so
// the tests never depend on a previous build.
const conditions = ['@ontrack/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: 'web',
    environment: 'node',
    // Only the small unit tests; the Playwright specs in e2e/ need a browser and a running platform.
    include: ['modules/**/*.spec.ts', 'i18n/**/*.spec.ts'],
  },
});
