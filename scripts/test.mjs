// `npm test` (after scripts/bootstrap.sh): every check and every test layer, on a real PostgreSQL and
// Debian's Chromium, ending with one line "N passed, N failed". Steps keep going after a failure so one
// run shows everything that is wrong; the exit code is non-zero if anything failed.
//
//   static     typecheck, lint, generated files (OpenAPI + SDK) and migrations match the code
//   unit       vitest project "unit" and "web" (pure logic)
//   medium     vitest project "medium" (real PostgreSQL, as the app role)
//   e2e-api    vitest project "e2e-api" (the whole API over HTTP)
//   e2e-web    Playwright on the built web app + API, driving /usr/bin/chromium
//   ui stories every Storybook story of packages/ui, checked with axe in light, dark and high contrast
//
// While working on one area: `node scripts/test.mjs --only=e2e-web -- e2e/portal.spec.ts` runs the named steps
// (static, unit, medium, e2e-api, e2e-web, stories) and hands what follows `--` to Playwright. Two such runs can
// share the machine: each gets its own databases and ports; give each its own TEST_RESULTS_DIR, and
// NEXT_DIST_DIR (a build folder inside apps/web, such as .next-mine) so their web builds do not overwrite
// each other.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startMailDev } from './lib/maildev.mjs';
import { canConnect, createScratchDatabase, startEmbeddedPostgres } from './lib/postgres.mjs';
import { run, startProcess, stopProcess, waitForHttp } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = process.env.TEST_RESULTS_DIR ?? join(root, '.test-results');
const [ownArgs, playwrightArgs] = splitArgs(process.argv.slice(2));
const onlySteps = ownArgs
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (step) => !onlySteps || onlySteps.includes(step);
// A web build elsewhere than .next (see the header): next.config.ts reads the same variable.
const webDistDir = process.env.NEXT_DIST_DIR;
const log = (message) => console.log(`\n\x1b[36m[test]\x1b[0m ${message}`);
const results = []; // { step, passed, failed, note }

process.env.TURBO_TELEMETRY_DISABLED = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

/** A step that is one check: it passes or fails as a whole. */
async function check(step, command, args, env) {
  log(step);
  try {
    await run(command, args, { cwd: root, env });
    results.push({ step, passed: 1, failed: 0 });
  } catch (error) {
    results.push({ step, passed: 0, failed: 1, note: error.message });
  }
}

/** A step that runs a test runner and counts its tests from the runner's JSON report. */
async function suite(step, command, args, { env, report, count }) {
  log(step);
  let runError;
  try {
    await run(command, args, { cwd: root, env });
  } catch (error) {
    runError = error;
  }
  const counts = existsSync(report) ? count(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 0 };
  // A runner that crashed before reporting, or exited non-zero with no failed test, still fails the step.
  if (runError && counts.failed === 0) counts.failed = 1;
  if (!runError && counts.passed === 0) counts.failed += 1; // a suite that ran nothing is a defect
  results.push({ step, ...counts, note: runError?.message });
}

const vitestCounts = (report) => ({ passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 });
const playwrightCounts = (report) => ({
  passed: (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0),
  failed: report.stats?.unexpected ?? 0,
});

function splitArgs(args) {
  const dash = args.indexOf('--');
  return dash === -1 ? [args, []] : [args.slice(0, dash), args.slice(dash + 1)];
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** DATABASE_URL if set, else the machine's server on 127.0.0.1:5432 if it answers, else an embedded one. */
async function postgresServer() {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, describe: 'DATABASE_URL', stop: async () => {} };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await canConnect(local)) return { url: local, describe: 'local server on 127.0.0.1:5432', stop: async () => {} };
  const port = Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54330);
  const embedded = await startEmbeddedPostgres({
    dataDir: join(root, '.data', 'postgres-test'),
    port,
    database: 'postgres',
    log,
  });
  return { url: embedded.adminUrl, describe: `embedded on 127.0.0.1:${port}`, stop: embedded.stop };
}

async function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  log(`${path} is missing: installing Debian's chromium package`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    process.getuid?.() === 0 ? run('apt-get', args, { env }) : run('sudo', ['apt-get', ...args], { env });
  await apt(['update', '-qq']);
  await apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
  return path;
}

async function browserTests(serverUrl) {
  const step = 'e2e-web (Playwright, Chromium)';
  let database;
  let mail;
  const children = [];
  try {
    const chromium = await ensureChromium();
    log('building the platform for the browser tests');
    if (webDistDir) {
      await run('turbo', ['run', 'build', '--output-logs=errors-only', '--filter=!@ontrack/web'], { cwd: root });
      await run('node', ['node_modules/next/dist/bin/next', 'build'], { cwd: join(root, 'apps/web') });
    } else {
      await run('turbo', ['run', 'build', '--output-logs=errors-only'], { cwd: root });
    }
    database = await createScratchDatabase(serverUrl, 'ontrack_e2e_web');
    const { migrateDatabase } = await import('../packages/db/dist/migrate.js');
    const { seedDatabase } = await import('../packages/db/dist/seed.js');
    const { appRoleUrl, DEV_APP_PASSWORD } = await import('../packages/db/dist/app-role.js');
    await migrateDatabase(database.url, DEV_APP_PASSWORD);
    await seedDatabase(database.url);

    const [apiPort, webPort] = [await freePort(), await freePort()];
    const baseUrl = `http://127.0.0.1:${webPort}`;
    // The sign-in spec reads its link from MailDev's REST API, as a person would from the inbox.
    mail = await startMailDev({ smtpPort: 0, webPort: 0 });
    children.push(
      startProcess('api', process.execPath, ['dist/main.js'], {
        cwd: join(root, 'apps/api'),
        env: {
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          AUTH_JWT_SECRET: randomBytes(48).toString('base64url'),
          AUTH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          SMTP_URL: mail.smtpUrl,
          // Links in sign-in emails point at the web app as the browser reaches it; the CSRF check trusts it.
          APP_URL: baseUrl,
          // The email jobs run in this process (the default without REDIS_URL; set in case the shell has one).
          RUN_WORKERS: 'true',
          // Every spec signs in from this one address, the seed users many times an hour: the real limits
          // (tested in e2e-api) would refuse the suite itself.
          RATE_LIMITS: JSON.stringify({
            'magic-link:ip': { points: 2000 },
            'magic-link:email': { points: 200, ceiling: { points: 400, duration: 3600 } },
            'sign-in:ip': { points: 2000 },
            // The public request form's specs send it from this one address too.
            'public-request:ip': { points: 1000 },
          }),
          API_PORT: String(apiPort),
          APP_DATABASE_URL: appRoleUrl(database.url, DEV_APP_PASSWORD),
        },
      }),
      startProcess(
        'web',
        process.execPath,
        ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(webPort)],
        {
          cwd: join(root, 'apps/web'),
          env: { NODE_ENV: 'production', API_INTERNAL_URL: `http://127.0.0.1:${apiPort}` },
          quiet: true,
        },
      ),
    );
    if (!(await waitForHttp(`${baseUrl}/api/readyz`, { timeoutMs: 90_000 }))) {
      throw new Error('the platform did not become ready for the browser tests');
    }
    const report = join(resultsDir, 'playwright.json');
    await suite(step, 'pnpm', ['--filter', '@ontrack/web', 'exec', 'playwright', 'test', ...playwrightArgs], {
      env: {
        E2E_BASE_URL: baseUrl,
        MAILDEV_API_URL: mail.apiUrl,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT: report,
        PLAYWRIGHT_OUTPUT_DIR: join(resultsDir, 'playwright-web'),
      },
      report,
      count: playwrightCounts,
    });
  } catch (error) {
    results.push({ step, passed: 0, failed: 1, note: error.message });
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
    await mail?.stop().catch(() => {});
    await database?.drop().catch(() => {});
  }
}

/** The design system's stories: a static Storybook build, then axe on every story in every colour scheme. */
async function storyTests() {
  const step = 'ui stories (axe)';
  try {
    const chromium = await ensureChromium();
    log('building Storybook for the story tests');
    await run('pnpm', ['--filter', '@ontrack/ui', 'run', 'build-storybook'], {
      cwd: root,
      env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    const report = join(resultsDir, 'playwright-ui.json');
    await suite(step, 'pnpm', ['--filter', '@ontrack/ui', 'exec', 'playwright', 'test'], {
      env: { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT: report },
      report,
      count: playwrightCounts,
    });
  } catch (error) {
    results.push({ step, passed: 0, failed: 1, note: error.message });
  }
}

const started = Date.now();
const server = await postgresServer();
try {
  log(`PostgreSQL for this run: ${server.describe}; each layer gets its own fresh database`);
  if (wanted('static')) {
    await check('typecheck', 'turbo', ['run', 'typecheck', '--output-logs=errors-only']);
    await check('typecheck (root scripts)', 'tsc', ['-p', 'tsconfig.json']);
    await check('lint + format (biome)', 'biome', ['ci', '.']);
    await check('generated OpenAPI + SDK match the code', 'node', ['scripts/generate.mjs', '--check']);
    await check('committed migrations match the schema', 'node', ['scripts/checks/migrations-drift.mjs']);
  }

  const vitestEnv = { TEST_PG_SERVER_URL: server.url };
  for (const [key, step, projects] of [
    ['unit', 'unit', ['unit', 'web']],
    ['medium', 'medium (PostgreSQL as ontrack_app)', ['medium']],
    ['e2e-api', 'e2e-api (whole API over HTTP)', ['e2e-api']],
  ]) {
    if (!wanted(key)) continue;
    const report = join(resultsDir, `vitest-${projects[0]}.json`);
    await suite(
      step,
      'vitest',
      [
        'run',
        ...projects.flatMap((name) => ['--project', name]),
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
      ],
      { env: vitestEnv, report, count: vitestCounts },
    );
  }
  if (wanted('e2e-web')) await browserTests(server.url);
  if (wanted('stories')) await storyTests();
} finally {
  await server.stop();
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log('\n  step                                             passed  failed');
for (const result of results) {
  const mark = result.failed ? '\x1b[31m✗\x1b[0m' : '\x1b[32m✓\x1b[0m';
  console.log(
    `  ${mark} ${result.step.padEnd(46)} ${String(result.passed).padStart(6)}  ${String(result.failed).padStart(6)}`,
  );
  if (result.failed && result.note) console.log(`      ${result.note}`);
}
console.log(`\n  ${Math.round((Date.now() - started) / 1000)} s\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
