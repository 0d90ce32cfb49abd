// First-load JavaScript of the web app, page by page: what a first-time visitor's browser downloads before the
// page is usable, against the 170 kB (gzip) budget per route.
//
// A production build of apps/web (Turbopack) goes into its own folder (apps/web/.next-bench, so it does not
// overwrite a `.next` someone else is using), `next start` serves it on a free port of 127.0.0.1, and Debian's
// Chromium (through Playwright) loads each route COLD: a new browser context (empty cache, cookies only),
// the HTTP cache disabled over CDP and the service worker blocked (otherwise it would precache every chunk of
// the build and the count would mean nothing). After network idle, every JavaScript response of the load is
// summed: the decoded body ("raw") and what went over the wire ("gzip": `next start` compresses with gzip, so
// this is the encoded body size the browser reports; a script served uncompressed is gzipped here with zlib's
// default level instead, and the output says so).
//
// Signed-in pages only check on the server that a session cookie is present (modules/shell/require-session-
// cookie.ts); the bench sets both session cookies to dummy values (Chromium accepts `Secure` `__Host-` cookies
// for http://127.0.0.1, a potentially trustworthy origin). No API runs: API_INTERNAL_URL names a closed port,
// so the shell's /api/v1/me gets the proxy's 502 and the page shows its error state. That changes no JavaScript
// the route loads as long as the app has no lazily imported code (it has none: no next/dynamic, no
// React.lazy); a route that ends up somewhere else (a client-side redirect) is marked in the table.
//
// Usage (from the repository root):
//   bash scripts/bootstrap.sh node --import tsx bench/web-first-load-js.ts [--no-build] [--routes /a,/b]
//     [--budget 170] [--top 5] [--verbose]
// --no-build reuses apps/web/.next-bench; --top lists the largest scripts of each route over budget (all routes
// with --verbose, which also shows the output of `next start`). Exit code 1 when a route is over budget.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../apps/web/e2e/chromium.js';
import * as processes from '../scripts/lib/processes.mjs';

// processes.mjs is untyped JavaScript: TypeScript infers its options from the defaults alone.
const { run, stopProcess } = processes;
const startProcess = processes.startProcess as unknown as (
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; quiet: boolean; onExit: () => void },
) => ChildProcess;
const waitForHttp = processes.waitForHttp as unknown as (
  url: string,
  options: { timeoutMs: number; isAlive: () => boolean },
) => Promise<boolean>;

// bench/ has no dependencies of its own: Playwright is the web app's copy (it drives /usr/bin/chromium). Its
// package is CommonJS re-exporting another package that is not resolvable from here, so neither an ESM import
// nor its types reach it; the little used of it is typed below.
interface Response {
  url(): string;
  status(): number;
  body(): Promise<Buffer>;
  headers(): Record<string, string>;
  headerValue(name: string): Promise<string | null>;
  request(): { resourceType(): string; sizes(): Promise<{ responseBodySize: number }> };
}
interface Page {
  url(): string;
  on(event: 'response', listener: (response: Response) => void): void;
  goto(url: string, options: { waitUntil: 'networkidle'; timeout: number }): Promise<Response | null>;
}
interface BrowserContext {
  addCookies(cookies: Record<string, string | boolean>[]): Promise<void>;
  newPage(): Promise<Page>;
  newCDPSession(page: Page): Promise<{ send(method: string, params?: object): Promise<unknown> }>;
  close(): Promise<void>;
}
interface Browser {
  newContext(options: { baseURL: string; serviceWorkers: 'block' }): Promise<BrowserContext>;
  close(): Promise<void>;
}
const { chromium } = createRequire(new URL('../apps/web/package.json', import.meta.url))('@playwright/test') as {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
};

/** Every page of the app, in one place: a route that answers 404 is listed as missing, not measured. */
const ROUTES = [
  '/',
  '/sign-in',
  '/sign-in/check-email',
  '/sign-in/mfa',
  '/auth/magic',
  '/app',
  '/contacts',
  '/leads',
  '/jobs',
  '/invoices',
  '/activity',
  '/settings',
  '/settings/profile',
  '/settings/security',
  '/settings/devices',
  '/settings/business',
  '/settings/team',
  '/settings/roles',
  '/portal/demo/sign-in',
  '/portal',
  '/portal/profile',
  '/portal/estimates',
  '/portal/invoices',
  '/portal/jobs',
  '/~offline',
];

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    routes: { type: 'string' },
    budget: { type: 'string', default: '170' },
    top: { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
  },
});
const BUDGET_KB = Number(args.budget);
const TOP = Number(args.top);
if (!(BUDGET_KB > 0)) throw new Error('--budget is in kB (1 kB = 1,000 bytes) and must be positive');
const routes = args.routes ? args.routes.split(',').map((route) => route.trim()) : ROUTES;

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'apps/web');
const DIST_DIR = '.next-bench';
const kB = (bytes: number) => bytes / 1000;

interface Script {
  url: string;
  raw: number;
  gzip: number;
  /** true when the server sent it gzip-encoded (gzip = bytes on the wire), false when gzipped here. */
  servedGzip: boolean;
  encoding: string;
}

interface RouteResult {
  route: string;
  status: number | 'error';
  finalPath: string;
  scripts: Script[];
  error?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function build(): Promise<void> {
  const env = { TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: DIST_DIR };
  console.log('building the workspace packages (turbo), then apps/web into .next-bench (next build)…');
  await run(
    join(root, 'node_modules/.bin/turbo'),
    ['run', 'build', '--output-logs=errors-only', '--filter=!@ontrack/web'],
    { cwd: root, env },
  );
  await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: webDir, env });
}

async function measureScript(response: Response): Promise<Script> {
  const [body, sizes, encoding] = await Promise.all([
    response.body(),
    response.request().sizes(),
    response.headerValue('content-encoding'),
  ]);
  const servedGzip = encoding === 'gzip';
  return {
    url: response.url(),
    raw: body.length,
    gzip: servedGzip ? sizes.responseBodySize : gzipSync(body).length,
    servedGzip,
    encoding: encoding ?? 'identity',
  };
}

const isScript = (response: Response) =>
  response.request().resourceType() === 'script' ||
  /javascript|ecmascript/.test(response.headers()['content-type'] ?? '');

async function measureRoute(browser: Browser, baseUrl: string, route: string): Promise<RouteResult> {
  const context = await browser.newContext({ baseURL: baseUrl, serviceWorkers: 'block' });
  try {
    const cookie = { domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' };
    await context.addCookies([
      { ...cookie, name: '__Host-ontrack_access', value: 'bench-dummy-access' },
      { ...cookie, name: '__Host-ontrack_refresh', value: 'bench-dummy-refresh' },
    ]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const pending: Promise<Script | undefined>[] = [];
    let listening = true;
    let unreadable = 0;
    page.on('response', (response) => {
      if (!listening || !isScript(response)) return;
      pending.push(
        measureScript(response).catch(() => {
          unreadable += 1;
          return undefined;
        }),
      );
    });
    const response = await page.goto(route, { waitUntil: 'networkidle', timeout: 60_000 });
    // Scripts that start after network idle are not part of the first load (and the context closes next).
    listening = false;
    const scripts = (await Promise.all(pending)).filter((script) => script !== undefined);
    if (unreadable > 0) throw new Error(`${unreadable} script bodies of ${route} could not be read`);
    return { route, status: response?.status() ?? 'error', finalPath: new URL(page.url()).pathname, scripts };
  } catch (error) {
    return { route, status: 'error', finalPath: route, scripts: [], error: (error as Error).message.split('\n')[0] };
  } finally {
    await context.close();
  }
}

const sum = (scripts: Script[], key: 'raw' | 'gzip') => scripts.reduce((total, script) => total + script[key], 0);

function printTable(results: RouteResult[]): { over: RouteResult[]; missing: string[] } {
  const measured = results.filter((result) => result.status !== 404 && result.status !== 'error');
  const missing = results.filter((result) => result.status === 404).map((result) => result.route);
  const failed = results.filter((result) => result.status === 'error');
  const over = measured.filter((result) => kB(sum(result.scripts, 'gzip')) > BUDGET_KB);
  const rows = measured.map((result) => [
    result.route,
    String(result.scripts.length),
    kB(sum(result.scripts, 'raw')).toFixed(1),
    kB(sum(result.scripts, 'gzip')).toFixed(1),
    kB(sum(result.scripts, 'gzip')) > BUDGET_KB ? 'NO' : 'yes',
    result.finalPath === result.route ? '' : `ended on ${result.finalPath}`,
  ]);
  const header = ['route', 'scripts', 'raw kB', 'gzip kB', `≤ ${BUDGET_KB} kB`, 'note'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
  if (missing.length > 0) console.log(`\nmissing (404): ${missing.join(', ')}`);
  for (const result of failed) console.log(`\nfailed to load ${result.route}: ${result.error}`);

  const all = measured.flatMap((result) => result.scripts);
  const encodings = [...new Set(all.map((script) => script.encoding))].join(', ');
  const gzippedHere = all.filter((script) => !script.servedGzip).length;
  console.log(
    `\nkB = 1,000 bytes. Content-Encoding of the scripts: ${encodings || 'none'}; ` +
      (gzippedHere === 0
        ? 'gzip kB is the encoded size on the wire.'
        : `${gzippedHere} of ${all.length} scripts were not served gzip-encoded and were gzipped here (zlib default level).`),
  );
  for (const result of args.verbose ? measured : over) {
    const biggest = [...result.scripts].sort((a, b) => b.gzip - a.gzip).slice(0, TOP);
    console.log(`\nlargest scripts of ${result.route}:`);
    for (const script of biggest) {
      console.log(
        `  ${kB(script.gzip).toFixed(1).padStart(7)} kB gzip ${kB(script.raw).toFixed(1).padStart(8)} kB raw  ${new URL(script.url).pathname}`,
      );
    }
  }
  return { over: [...over, ...failed], missing };
}

let server: ChildProcess | undefined;
let browser: Browser | undefined;
async function stopAll(): Promise<void> {
  await browser?.close().catch(() => {});
  await stopProcess(server);
}
process.once('unhandledRejection', (error) => {
  console.error(error);
  void stopAll().finally(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

let exitCode = 1;
try {
  if (!args['no-build']) await build();
  else if (!existsSync(join(webDir, DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`--no-build: apps/web/${DIST_DIR} holds no build; run once without it`);
  }
  const [webPort, closedPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${webPort}`;
  let alive = true;
  server = startProcess(
    'web',
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(webPort)],
    {
      cwd: webDir,
      env: {
        NODE_ENV: 'production',
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
        API_INTERNAL_URL: `http://127.0.0.1:${closedPort}`,
      },
      quiet: !args.verbose,
      onExit: () => {
        alive = false;
      },
    },
  );
  if (!(await waitForHttp(`${baseUrl}/manifest.webmanifest`, { timeoutMs: 60_000, isAlive: () => alive }))) {
    throw new Error('next start did not answer within 60 s (rerun with --verbose to see its output)');
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const results: RouteResult[] = [];
  for (const route of routes) {
    const result = await measureRoute(browser, baseUrl, route);
    process.stdout.write(`${route} ${result.status}\n`);
    results.push(result);
  }
  const { over } = printTable(results);
  if (over.length > 0) {
    console.log(`\nover budget or failed: ${over.map((result) => result.route).join(', ')}`);
  }
  exitCode = over.length > 0 ? 1 : 0;
} catch (error) {
  console.error(error);
} finally {
  await stopAll();
}
process.exit(exitCode);
