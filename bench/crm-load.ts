// Load test of the contacts API (issue 7 item 9): list and search under autocannon, the same list with RLS bypassed,
// the raw floor beside it, SQL round trips per request, and simulated users with think time. `--help` explains.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildApi } from './lib/api-process.js';
import { type CrmDatabase, dropCachedCrmDatabases, prepareCrmDatabase } from './lib/crm-data.js';
import { PHASES, type Phase, runPhases } from './lib/crm-phases.js';
import { type CrmLoadReport, printReport, writeReport } from './lib/crm-report.js';
import { prepareFloorDatabase } from './lib/floor.js';
import type { MixOptions } from './lib/think-time-mix.js';

const HELP = `Load test of the contacts API (issue 7 item 9) — bench/README.md has the figures and how to read them.

  bash scripts/bootstrap.sh node --conditions=@ontrack/source --import tsx bench/crm-load.ts [options]

What it does, in one process run:
  1. builds the API (turbo, cached) and creates a scratch database: migrated, N tenants × M contacts with
     realistic names, emails, phones and tags (~1.1 service addresses each), default roles and pipeline per
     tenant, one bench user who is Admin in every tenant, a real session; ANALYZE. With --reuse the loaded
     data is cached as a template database (named by a hash of the migrations and the loader) and each run
     works on a copy of it, dropped at the end.
  2. phases, each with the API started fresh (node apps/api/dist/main.js in a child process, NODE_ENV=production,
     logging silent, RUN_WORKERS=false, the per-tenant rate limit raised), rotating X-Tenant-ID over the tenants,
     autocannon at each --connections for --duration s after a --warmup s warm-up:
       floor        raw Fastify + pg, one round trip (bench/lib/floor-server.mjs), on its own 1M-row table
       rls          GET /api/v1/contacts?limit=20; ?q=<name fragment>; ?q=<phone digits>  (app role: RLS applies);
                    GET /api/v1/me/access beside the list (token, tenant guard, rate limit, serializer, no
                    SQL): the list's ceiling in this API; then GET /api/healthz (no token, no database)
       bypass       the same list with the API connected as the owner, a superuser (RLS does not apply)
       round-trips  the API's database traffic through a counting TCP proxy: flights per request, and which
                    statements each carried, before and after the HTTP response arrived
       mix          --mix-users users thinking 1–5 s then 70 % reads (list, search, get) / 30 % writes (POST with
                    an Idempotency-Key, PATCH with If-Match) for --mix-seconds s
  3. prints a markdown table with the ratios to the targets, and writes bench/results/crm-load-<date>.json.

Options:
  --reuse                 cache the loaded databases between runs (loading 1M rows takes minutes)
  --prepare-only          load (or check) the cached databases, as --reuse keeps them, and exit
  --drop-cache            drop the cached databases (and leftovers of interrupted runs) and exit
  --only <phases>         comma-separated: rls,bypass,floor,round-trips,mix (default: all)
  --tenants <n>           default 100
  --contacts <n>          contacts per tenant, default 10000
  --connections <list>    default 50,500
  --duration <s>          per measured run, default 15
  --rounds <n>            repeat the compared runs (floor, list, list with RLS bypassed) n times, interleaved,
                          and the mix n times; ratios and the mix's p95 use the medians. Default 1; use 3 or
                          more on a machine that others share
  --warmup <s>            before each measured run, default 3
  --mix-users <n>         default 500
  --mix-seconds <s>       default 60
  --mix-searches <which>  names-and-phones (default), phones, or none (the search share lists instead)
  --samples <n>           requests per endpoint in round-trips, default 5
  --api-pool <n>          the API's DATABASE_POOL_MAX (default: the API's own default, 10)
  --redis <auto|off>      auto (default): the API uses Redis (as in production: rate limits) when it answers
  --no-build              run apps/api/dist as it is
  --keep                  keep this run's database (its name is printed)
  --help

Environment: BENCH_PG_URL (else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres) — an owner
(superuser) URL on 127.0.0.1; BENCH_REDIS_URL (else REDIS_URL, else redis://127.0.0.1:6379);
BENCH_API_NODE_OPTIONS: NODE_OPTIONS of the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
Targets (issue 7): list at 50 connections ≥ 0.67× the floor; RLS bypass / RLS ≤ 1.10×; ≤ 2 round trips for a
simple read; mix p95 < 50 ms with no errors. The machine's load average is recorded beside every run.`;

const { values: args } = parseArgs({
  options: {
    help: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'drop-cache': { type: 'boolean', default: false },
    'prepare-only': { type: 'boolean', default: false },
    only: { type: 'string', default: PHASES.join(',') },
    rounds: { type: 'string', default: '1' },
    tenants: { type: 'string', default: '100' },
    contacts: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50,500' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    'mix-users': { type: 'string', default: '500' },
    'mix-seconds': { type: 'string', default: '60' },
    'mix-searches': { type: 'string', default: 'names-and-phones' },
    samples: { type: 'string', default: '5' },
    'api-pool': { type: 'string' },
    redis: { type: 'string', default: 'auto' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const only = new Set(args.only.split(',') as Phase[]);
for (const phase of only) if (!PHASES.includes(phase)) fail(`--only: ${phase}? (one of ${PHASES.join(', ')})`);
const count = (value: string | undefined, name: string, min = 1) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) fail(`${name} must be an integer ≥ ${min}`);
  return number;
};
const TENANTS = count(args.tenants, '--tenants');
const CONTACTS = count(args.contacts, '--contacts');
const CONNECTIONS = args.connections.split(',').map((c) => count(c, '--connections'));
const DURATION = count(args.duration, '--duration');
const WARMUP = count(args.warmup, '--warmup', 0);
const MIX_USERS = count(args['mix-users'], '--mix-users');
const MIX_SECONDS = count(args['mix-seconds'], '--mix-seconds');
const SAMPLES = count(args.samples, '--samples');
const ROUNDS = count(args.rounds, '--rounds');
const API_POOL = args['api-pool'] === undefined ? undefined : count(args['api-pool'], '--api-pool');
if (!['auto', 'off'].includes(args.redis)) fail('--redis: auto or off');
const MIX_SEARCHES = args['mix-searches'] as MixOptions['searches'];
if (!['names-and-phones', 'phones', 'none'].includes(MIX_SEARCHES))
  fail('--mix-searches: names-and-phones, phones or none');

// biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
const PG_SERVER = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
for (const [url, what] of [
  [PG_SERVER, 'PostgreSQL'],
  [REDIS_URL, 'Redis'],
] as const) {
  // This script creates and drops databases: never anywhere but on this machine.
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) fail(`${what} must be on 127.0.0.1, not ${host}`);
}

function fail(message: string): never {
  console.error(`${message}\n\nbench/crm-load.ts --help explains the options.`);
  process.exit(64);
}

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => log(`cleanup: ${error}`));
}
process.once('SIGINT', () => {
  log('interrupted: stopping the servers and dropping the run database');
  void cleanUp().finally(() => process.exit(130));
});

if (args['drop-cache']) {
  await dropCachedCrmDatabases(PG_SERVER, log);
  process.exit(0);
}
if (args['prepare-only']) {
  const options = { server: PG_SERVER, tenants: TENANTS, contactsPerTenant: CONTACTS, reuse: true, log };
  await (await prepareCrmDatabase(options)).drop();
  await prepareFloorDatabase(PG_SERVER, true, log);
  process.exit(0);
}

const report: CrmLoadReport = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    node: process.version,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
    uptimeAtStart: spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim() ?? '',
  },
  settings: {
    tenants: TENANTS,
    contactsPerTenant: CONTACTS,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    rounds: ROUNDS,
    warmupSeconds: WARMUP,
    apiPoolMax: API_POOL ?? 'API default (10)',
    redis: 'off',
    phases: [...only],
  },
  runs: [],
};

try {
  if (!args['no-build'] && [...only].some((p) => p !== 'floor')) buildApi(log);
  const redisUrl = args.redis === 'auto' && (await reachable(REDIS_URL)) ? REDIS_URL : undefined;
  report.settings.redis = redisUrl ? 'on (rate limits in Redis, as in production)' : 'off (in-memory rate limits)';

  let data: CrmDatabase | undefined;
  if ([...only].some((p) => p !== 'floor')) {
    data = await prepareCrmDatabase({
      server: PG_SERVER,
      tenants: TENANTS,
      contactsPerTenant: CONTACTS,
      reuse: args.reuse,
      log,
    });
    const database = data;
    cleanups.push(async () => {
      if (args.keep) log(`kept the run database ${database.name}`);
      else await database.drop();
    });
    report.data = { database: data.name, origin: data.origin };
  }

  await runPhases(
    {
      only,
      server: PG_SERVER,
      reuse: args.reuse,
      connections: CONNECTIONS,
      seconds: DURATION,
      warmupSeconds: WARMUP,
      rounds: ROUNDS,
      samples: SAMPLES,
      mixUsers: MIX_USERS,
      mixSeconds: MIX_SECONDS,
      mixSearches: MIX_SEARCHES,
      apiPool: API_POOL,
      redisUrl,
      log,
      onCleanup: (cleanup) => cleanups.push(cleanup),
    },
    report,
    data,
  );
} finally {
  await cleanUp();
}
report.finishedAt = new Date().toISOString();
report.machine.uptimeAtEnd = spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim() ?? '';
printReport(report);
log(`written to ${writeReport(report)}`);

async function reachable(url: string): Promise<boolean> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379), timeout: 1000 });
  try {
    return await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => resolve(false));
    });
  } finally {
    socket.destroy();
  }
}
