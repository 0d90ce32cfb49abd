import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    environment: 'node',
    // Only the small unit tests; the Playwright specs in e2e/ need a browser and a running platform.
    include: ['modules/**/*.spec.ts'],
  },
});
