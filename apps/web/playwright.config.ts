import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';

// The root test script starts the whole platform and says where it is; these specs never start a server.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error(
    'E2E_BASE_URL is not set. Start the platform (or `next start`) and run, for example:\n' +
      '  E2E_BASE_URL=http://127.0.0.1:3000 pnpm --filter @ontrack/web exec playwright test',
  );
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // A flow signs in by emailed link (often twice), runs axe and waits for the API, Next and PostgreSQL, all
  // sharing two cores with the browser: 15–31 s per flow, and the same suite ran 40–50 % slower from one run to
  // the next on the same machine. Playwright's 30 s default left no margin; longer flows set their own.
  timeout: 60_000,
  // Traces and screenshots of failures; scripts/test.mjs puts them beside its report.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT ?? 'test-results/results.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
});
