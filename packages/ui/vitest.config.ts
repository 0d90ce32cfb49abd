import { defineConfig } from 'vitest/config';

// Its own config, so `vitest run` in this package does not pick up the workspace one from the root.
export default defineConfig({
  test: {
    name: 'ui',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
