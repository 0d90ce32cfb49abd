import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources under this condition (see their "exports"),
// so tests never depend on a previous build.
const conditions = ['@ontrack/source', 'module', 'node', 'development|production'];

// Nest's dependency injection reads constructor parameter types from decorator metadata, which only
// SWC (not esbuild/oxc) emits; the plugin compiles API sources with it.
const nestCompatible = () =>
  swc.vite({
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });

/** A Node project; a `database` project gets a freshly created, migrated and seeded database per run. */
function nodeProject(name: string, include: string[], { database = false } = {}) {
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    plugins: [nestCompatible()],
    test: {
      name,
      include,
      environment: 'node' as const,
      ...(database && {
        globalSetup: ['scripts/test/database.global-setup.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      }),
    },
  };
}

export default defineConfig({
  test: {
    // A focused test (.only) must never make a run look green.
    allowOnly: false,
    projects: [
      nodeProject('unit', ['apps/api/src/**/*.spec.ts', 'packages/*/src/**/*.spec.ts']),
      nodeProject('medium', ['apps/api/test/medium/**/*.spec.ts', 'packages/*/test/**/*.spec.ts'], { database: true }),
      nodeProject('e2e-api', ['apps/api/test/e2e/**/*.spec.ts'], { database: true }),
      'apps/web/vitest.config.ts',
    ],
  },
});
