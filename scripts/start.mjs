// `npm start`: everything from a fresh clone to a running platform (after scripts/bootstrap.sh put Node 24,
// pnpm and the dependencies in place): database (embedded unless DATABASE_URL), build, migrate, seed,
// then the API and the web app. Ctrl-C / SIGTERM stops every child process and the embedded database.
import { join } from 'node:path';
import { localSecrets } from './lib/local-secrets.mjs';
import { startMailDev } from './lib/maildev.mjs';
import { startEmbeddedPostgres } from './lib/postgres.mjs';
import { run, startProcess, stopProcess, waitForHttp } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const env = process.env;
const webPort = Number(env.PORT ?? 3000);
const apiPort = Number(env.API_PORT ?? 4000);
const embeddedPort = Number(env.EMBEDDED_PG_PORT ?? 54329);
const log = (message) => console.log(`\x1b[36m[ontrack]\x1b[0m ${message}`);

const children = [];
let database;
let mail;
let stopping = false;

async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(children.map((child) => stopProcess(child)));
  await mail?.stop?.();
  await database?.stop?.();
  log('stopped');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const started = Date.now();
  process.env.TURBO_TELEMETRY_DISABLED = '1';
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, describe: 'DATABASE_URL' };
  } else {
    const dataDir = join(root, '.data', 'postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, port: embeddedPort, database: 'ontrack', log });
    database = { ...embedded, describe: `embedded, data in .data/postgres, 127.0.0.1:${embeddedPort}` };
  }

  if (env.SMTP_URL) {
    mail = { smtpUrl: env.SMTP_URL, describe: 'SMTP_URL' };
  } else {
    // A local catcher with a web inbox, so sign-in links can be followed with no mail account anywhere.
    const maildev = await startMailDev({
      smtpPort: Number(env.MAILDEV_SMTP_PORT ?? 1025),
      webPort: Number(env.MAILDEV_WEB_PORT ?? 1080),
      log,
      mailDirectory: join(root, '.data', 'maildev'),
    });
    mail = { ...maildev, describe: `MailDev inbox ${maildev.inboxUrl}  (SMTP ${maildev.smtpUrl})` };
  }

  log('building (cached by Turborepo when nothing changed)');
  await run('turbo', ['run', 'build', '--output-logs=errors-only'], { cwd: root });

  const { migrateDatabase } = await import('../packages/db/dist/migrate.js');
  const { seedDatabase } = await import('../packages/db/dist/seed.js');
  const { appRoleUrl, DEV_APP_PASSWORD } = await import('../packages/db/dist/app-role.js');
  const appPassword = env.APP_DATABASE_PASSWORD ?? DEV_APP_PASSWORD;
  log('migrating the database and updating the ontrack_app role');
  await migrateDatabase(database.url, appPassword);
  if (env.SEED !== 'false') {
    const counts = await seedDatabase(database.url);
    log(`demo data loaded (${counts.tenants} tenants)`);
  }

  const exitWith = (name) => (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      void stop(1);
    }
  };
  const secrets = localSecrets(join(root, '.data', 'secrets.json'));
  const api = startProcess('api', process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: join(root, 'apps/api'),
    env: {
      AUTH_JWT_SECRET: env.AUTH_JWT_SECRET ?? secrets.AUTH_JWT_SECRET,
      AUTH_ENCRYPTION_KEY: env.AUTH_ENCRYPTION_KEY ?? secrets.AUTH_ENCRYPTION_KEY,
      AUDIT_SIGNING_KEY: env.AUDIT_SIGNING_KEY ?? secrets.AUDIT_SIGNING_KEY,
      SMTP_URL: mail.smtpUrl,
      NODE_ENV: env.NODE_ENV ?? 'production',
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      // Sign-in and invitation emails link to the web app as the browser reaches it.
      APP_URL: env.APP_URL ?? `http://localhost:${webPort}`,
      APP_DATABASE_URL: env.APP_DATABASE_URL ?? appRoleUrl(database.url, appPassword),
    },
    onExit: exitWith('api'),
  });
  children.push(api);
  const web = startProcess(
    'web',
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(webPort)],
    {
      cwd: join(root, 'apps/web'),
      env: { NODE_ENV: 'production', API_INTERNAL_URL: `http://127.0.0.1:${apiPort}` },
      onExit: exitWith('web'),
    },
  );
  children.push(web);

  const webUrl = `http://localhost:${webPort}`;
  const ready = await waitForHttp(`http://127.0.0.1:${webPort}/api/readyz`, {
    timeoutMs: 120_000,
    isAlive: () => !stopping,
  });
  if (!ready) throw new Error('the platform did not become ready within 2 minutes; see the output above');
  console.log(`
  \x1b[1mOnTrack is running\x1b[0m (ready in ${Math.round((Date.now() - started) / 1000)} s)
    Web app         ${webUrl}
    API             ${webUrl}/api  (same origin; the API itself listens on http://127.0.0.1:${apiPort}/api)
    API reference   ${webUrl}/api/docs   spec: ${webUrl}/api/openapi.json
    Health          ${webUrl}/api/healthz   ${webUrl}/api/readyz
    PostgreSQL      ${database.describe}
    Email           ${mail.describe}
    Redis           ${env.REDIS_URL ? 'REDIS_URL (workers: node apps/api/dist/worker.js)' : 'not configured: background work runs in-process'}
  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(`\x1b[31m[ontrack]\x1b[0m ${error instanceof Error ? error.message : error}`);
  await stop(1);
}
