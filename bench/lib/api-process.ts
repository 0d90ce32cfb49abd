// The API under test, in a child process of its own (so the load generator never shares its event loop): the
// production build `node apps/api/dist/main.js`, as `npm start` runs it, configured like production (NODE_ENV,
// real secrets, sessions required) with logging off, no background workers, and the per-tenant rate limit raised
// far above what the bench sends. Also the token signer: the API's own AccessTokens class from the same build.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = new URL('../../', import.meta.url).pathname;
const API_DIR = `${ROOT}apps/api/`;

/** `turbo run build` of the API and the packages it needs (cached when nothing changed). */
export function buildApi(log: (line: string) => void): void {
  log('building the API (turbo run build --filter=@ontrack/api; cached when unchanged)');
  const result = spawnSync('turbo', ['run', 'build', '--filter=@ontrack/api', '--output-logs=errors-only'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new Error(`the API build failed (exit ${result.status}); fix it or pass --no-build`);
}

export interface ApiSettings {
  /** What the API connects as: the app role (RLS applies) or the owner (RLS bypassed). */
  databaseUrl: string;
  redisUrl?: string;
  /** DATABASE_POOL_MAX; undefined: the API's default. */
  poolMax?: number;
}

export interface RunningApi {
  baseUrl: string;
  /** An access token of the bench user's session, signed with this API's key (valid 15 minutes). */
  sign(userId: string, sessionId: string): Promise<string>;
  stop(): Promise<void>;
}

interface AccessTokensLike {
  sign(claims: { sub: string; sid?: string }): Promise<string>;
}

export async function startApi(settings: ApiSettings): Promise<RunningApi> {
  const port = await freePort();
  const jwtSecret = randomBytes(32).toString('base64url');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    APP_DATABASE_URL: settings.databaseUrl,
    LOG_LEVEL: 'silent',
    RUN_WORKERS: 'false',
    API_DOCS_ENABLED: 'false',
    AUTH_JWT_SECRET: jwtSecret,
    AUTH_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Required in production; nothing the bench does sends mail (RUN_WORKERS=false: no delivery jobs run).
    SMTP_URL: 'smtp://127.0.0.1:2525',
    // 6,000 requests a minute per tenant is the production ceiling; the bench sends more than that on purpose.
    RATE_LIMITS: JSON.stringify({ 'tenant:api': { points: 100_000_000, duration: 60 } }),
    RATE_LIMIT_PREFIX: `bench-crm:${process.pid}:${port}`,
    ...(settings.redisUrl && { REDIS_URL: settings.redisUrl }),
    ...(settings.poolMax && { DATABASE_POOL_MAX: String(settings.poolMax) }),
    // e.g. BENCH_API_NODE_OPTIONS=--cpu-prof to see where the API spends its time (profiles land in apps/api/).
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
    ...(process.env.BENCH_API_NODE_OPTIONS && { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS }),
  };
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: API_DIR, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitReady(child, `${baseUrl}/api/readyz`, () => stderr);

  // The API's own signer, from the same build, with this process's key.
  const { AccessTokens } = (await import(`${API_DIR}dist/platform/auth/access-token.js`)) as {
    AccessTokens: new (config: { AUTH_JWT_SECRET: string }) => AccessTokensLike;
  };
  const tokens = new AccessTokens({ AUTH_JWT_SECRET: jwtSecret });
  return {
    baseUrl,
    sign: (userId, sessionId) => tokens.sign({ sub: userId, sid: sessionId }),
    stop: () => stopChild(child),
  };
}

async function waitReady(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `${signal ?? code}`;
  });
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the API exited (${exited}) before it was ready:\n${stderr()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await stopChild(child);
  throw new Error(`the API was not ready within 60 s:\n${stderr()}`);
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
