// Outbox throughput (committed → handled events/s) and latency, in process and over BullMQ.
//
// Producers commit events the way the API does — a tenant transaction per "request", each writing its
// event(s) with `enqueueEvent` — while the API's OutboxRunner runs in a child process (like `node dist/worker.js`)
// with a job that inserts one row in the job's transaction. Latency is the time from a producer seeing its
// COMMIT succeed to the handler's transaction (which also marks the event done) having committed.
//   burst   N events committed as fast as the producers can: the runner's maximum rate; latency is mostly queueing
//   steady  a rate-limited, open-loop producer at --steady-load (default 50 %) of the burst rate: latency under load
//   light   20 events/s for 10 s: what a lightly used system sees, where the relay's idle polling shows
// A scratch database is created on the local server, migrated and dropped at the end; with BullMQ a queue of
// its own on the local Redis, obliterated at the end.
//
// Usage: bash scripts/bootstrap.sh node --conditions=@ontrack/source --import tsx bench/outbox-throughput.ts
//   [--events 5000] [--producers 8] [--per-tx 1] [--tenants 4] [--transports in-process,bullmq]
//   [--modes burst,steady,light] [--steady-load 0.5] [--steady-seconds 20] [--warmup 200]
// PostgreSQL: BENCH_PG_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (loopback only).
// Redis: BENCH_REDIS_URL, else REDIS_URL, else redis://127.0.0.1:6379; BullMQ rows are skipped if it is down.
// The runner uses the API's defaults (config.schema.ts); OUTBOX_POLL_MS, OUTBOX_CONCURRENCY, OUTBOX_LEASE_MS and
// DATABASE_POOL_MAX in the environment override them, as they would for the API.
import { connect } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { appRoleUrl, DEV_APP_PASSWORD } from '@ontrack/db/app-role';
import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { migrateDatabase } from '@ontrack/db/migrate';
import { applySessionContext } from '@ontrack/db/session-context';
import postgres from 'postgres';
// bench/ has no dependencies of its own: BullMQ and ioredis (to obliterate the bench queue) are the API's copies.
import { Queue } from '../apps/api/node_modules/bullmq/dist/esm/index.js';
import { Redis } from '../apps/api/node_modules/ioredis/built/index.js';
import { enqueueEvent } from '../apps/api/src/platform/outbox/outbox-store.js';
import { createScratchDatabase } from '../scripts/lib/postgres.mjs';
import { now, RunnerProcess, type RunnerSettings } from './outbox-throughput.ipc.js';
import { BENCH_SCHEMA, BENCH_SCHEMA_DDL, benchJob } from './outbox-throughput.job.js';

type Transport = 'in-process' | 'bullmq';
type Mode = 'burst' | 'steady' | 'light';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    producers: { type: 'string', default: '8' },
    'per-tx': { type: 'string', default: '1' },
    tenants: { type: 'string', default: '4' },
    transports: { type: 'string', default: 'in-process,bullmq' },
    modes: { type: 'string', default: 'burst,steady,light' },
    'steady-load': { type: 'string', default: '0.5' },
    'steady-seconds': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '200' },
  },
});
const EVENTS = positiveInt(args.events, '--events');
const PRODUCERS = positiveInt(args.producers, '--producers');
const PER_TX = positiveInt(args['per-tx'], '--per-tx');
const TENANTS = positiveInt(args.tenants, '--tenants');
const WARMUP = args.warmup === '0' ? 0 : positiveInt(args.warmup, '--warmup');
const STEADY_LOAD = Number(args['steady-load']);
const STEADY_SECONDS = positiveInt(args['steady-seconds'], '--steady-seconds');
const LIGHT_RATE = 20;
const LIGHT_SECONDS = 10;
const TRANSPORTS = args.transports.split(',') as Transport[];
const MODES = args.modes.split(',') as Mode[];
if (TRANSPORTS.some((t) => t !== 'in-process' && t !== 'bullmq')) throw new Error('--transports: in-process,bullmq');
if (MODES.some((m) => m !== 'burst' && m !== 'steady' && m !== 'light')) throw new Error('--modes: burst,steady,light');
if (MODES.includes('steady') && !MODES.includes('burst')) throw new Error('steady runs at a share of the burst rate');
if (!(STEADY_LOAD > 0 && STEADY_LOAD <= 1)) throw new Error('--steady-load is a share of the burst rate, in (0, 1]');

// biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
const PG_SERVER = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
assertLoopback(PG_SERVER, 'PostgreSQL');
assertLoopback(REDIS_URL, 'Redis');

function positiveInt(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer`);
  return number;
}

// This script creates and drops databases and Redis keys: never anywhere but on this machine.
function assertLoopback(url: string, what: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`${what} must be on 127.0.0.1, not ${host}`);
}

async function reachable(url: string): Promise<boolean> {
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

interface Committed {
  ids: string[];
  /** event id → when its producer saw the COMMIT succeed */
  committedAt: Map<string, number>;
}

let nextSeq = 0;

/**
 * Commits `events` events in transactions of PER_TX, PRODUCERS at a time, round-robin over the tenants.
 * `startAt(i)` (epoch ms) holds transaction i back until then: an open-loop schedule; without it, as fast as possible.
 */
async function produce(
  app: DatabaseHandle,
  tenantIds: readonly string[],
  events: number,
  startAt?: (transaction: number) => number,
): Promise<Committed> {
  const transactions = Math.ceil(events / PER_TX);
  const committed: Committed = { ids: [], committedAt: new Map() };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PRODUCERS, transactions) }, async () => {
      for (let index = next++; index < transactions; index = next++) {
        const at = startAt?.(index);
        if (at !== undefined && at > now()) await sleep(at - now());
        const tenantId = tenantIds[index % tenantIds.length] ?? '';
        const count = Math.min(PER_TX, events - index * PER_TX);
        const ids = await app.db.transaction(async (tx) => {
          await applySessionContext(tx, { tenantId });
          const written: string[] = [];
          for (let i = 0; i < count; i++) {
            const id = await enqueueEvent(tx, tenantId, benchJob, { seq: nextSeq++ });
            if (id) written.push(id);
          }
          return written;
        });
        const committedAt = now();
        for (const id of ids) {
          committed.ids.push(id);
          committed.committedAt.set(id, committedAt);
        }
      }
    }),
  );
  return committed;
}

interface Row {
  transport: Transport;
  mode: Mode;
  events: number;
  offered: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cpu: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? Number.NaN;
}

async function runPhase(
  runner: RunnerProcess,
  app: DatabaseHandle,
  tenantIds: readonly string[],
  transport: Transport,
  mode: Mode,
  events: number,
  rate?: number,
): Promise<Row> {
  const cpuBefore = await runner.cpuMs();
  const startedAt = now() + 50;
  const committed = await produce(
    app,
    tenantIds,
    events,
    rate === undefined ? undefined : (index) => startedAt + (index * PER_TX * 1000) / rate,
  );
  await runner.waitFor(committed.ids);
  const cpuAfter = await runner.cpuMs();
  const commits = [...committed.committedAt.values()];
  const firstCommit = Math.min(...commits);
  const lastCommit = Math.max(...commits);
  const latencies = committed.ids
    .map((id) => (runner.handled.get(id) ?? Number.NaN) - (committed.committedAt.get(id) ?? Number.NaN))
    .sort((a, b) => a - b);
  const lastHandled = Math.max(...committed.ids.map((id) => runner.handled.get(id) ?? Number.NaN));
  return {
    transport,
    mode,
    events: committed.ids.length,
    offered: committed.ids.length / ((lastCommit - firstCommit) / 1000),
    throughput: committed.ids.length / ((lastHandled - firstCommit) / 1000),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    cpu: (cpuAfter - cpuBefore) / (lastHandled - firstCommit),
  };
}

async function runTransport(
  transport: Transport,
  ownerUrl: string,
  app: DatabaseHandle,
  tenantIds: readonly string[],
  log: (line: string) => void,
): Promise<{ rows: Row[]; settings: RunnerSettings | undefined; clockOffset: number }> {
  const queueName = `bench-outbox-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const runner = await RunnerProcess.start(queueName, {
    APP_DATABASE_URL: appRoleUrl(ownerUrl, DEV_APP_PASSWORD),
    REDIS_URL: transport === 'bullmq' ? REDIS_URL : '',
  });
  const rows: Row[] = [];
  try {
    if (WARMUP > 0) {
      log(`${transport}: warm-up, ${WARMUP} events`);
      await runner.waitFor((await produce(app, tenantIds, WARMUP)).ids);
    }
    let burstRate: number | undefined;
    for (const mode of MODES) {
      await sleep(1000); // the relay back to idle polling, as between bursts of real traffic
      const rate =
        mode === 'steady' ? Math.max(1, (burstRate ?? 0) * STEADY_LOAD) : mode === 'light' ? LIGHT_RATE : undefined;
      const events =
        mode === 'burst'
          ? EVENTS
          : Math.min(EVENTS, Math.round((rate ?? 0) * (mode === 'light' ? LIGHT_SECONDS : STEADY_SECONDS)));
      log(`${transport}: ${mode}, ${events} events${rate ? ` at ${Math.round(rate)}/s` : ''}`);
      const row = await runPhase(runner, app, tenantIds, transport, mode, events, rate);
      if (mode === 'burst') burstRate = row.throughput;
      rows.push(row);
    }
  } finally {
    await runner.stop();
    if (transport === 'bullmq') await obliterateQueue(queueName, log);
  }
  if (runner.problems.length > 0) {
    throw new Error(`${transport}: ${runner.problems.length} problems, e.g. ${runner.problems.slice(0, 5).join('; ')}`);
  }
  return { rows, settings: runner.settings, clockOffset: runner.clockOffset };
}

async function obliterateQueue(name: string, log: (line: string) => void): Promise<void> {
  // BullMQ under native ESM wants a client instance rather than connection options.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection: redis });
  try {
    await queue.obliterate({ force: true });
    const left: string[] = [];
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `bull:${name}:*`, 'COUNT', 1000);
      left.push(...keys);
      cursor = nextCursor;
    } while (cursor !== '0');
    if (left.length > 0) log(`warning: Redis keys left behind: ${left.join(', ')}`);
  } finally {
    await queue.close();
    await redis.quit();
  }
}

/** Every event done exactly once, no retries: otherwise the figures would not mean what they say. */
async function verify(owner: postgres.Sql, log: (line: string) => void): Promise<void> {
  const [outbox] = await owner`
    select count(*)::int as total, count(*) filter (where status <> 'done')::int as not_done from outbox`;
  const [handled] = await owner.unsafe(`
    select count(*)::int as total, count(*) filter (where attempt > 1)::int as retried from ${BENCH_SCHEMA}.handled`);
  if (!outbox || !handled || outbox.not_done !== 0 || handled.total !== outbox.total || handled.retried !== 0) {
    throw new Error(`outbox ${JSON.stringify(outbox)}, handled ${JSON.stringify(handled)}`);
  }
  log(`verified: ${outbox.total} events, each done once, none retried`);
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function printTable(rows: readonly Row[]): void {
  console.log(
    '| transport | load | events | committed ev/s | handled ev/s | p50 ms | p95 ms | p99 ms | max ms | runner CPU (1 core = 100 %) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.transport} | ${row.mode} | ${row.events} | ${Math.round(row.offered)} | ${Math.round(row.throughput)} | ` +
        `${fixed(row.p50)} | ${fixed(row.p95)} | ${fixed(row.p99)} | ${fixed(row.max)} | ${Math.round(row.cpu * 100)} % |`,
    );
  }
}

async function main(): Promise<void> {
  const log = (line: string) => console.error(`[bench] ${line}`);
  // Other work on the machine skews every figure: the load average goes into the report.
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const scratch = await createScratchDatabase(PG_SERVER, 'ontrack_bench_outbox');
  let app: DatabaseHandle | undefined;
  const owner = postgres(scratch.url, { max: 1, onnotice: () => {} });
  const interrupted = () => {
    log('interrupted: dropping the scratch database');
    void Promise.allSettled([app?.close(1), owner.end({ timeout: 1 })])
      .then(() => scratch.drop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    log(`scratch database ${scratch.name}: migrating`);
    await migrateDatabase(scratch.url, DEV_APP_PASSWORD);
    const tenantIds = Array.from({ length: TENANTS }, () => newId());
    for (const [index, tenantId] of tenantIds.entries()) {
      await owner.begin(async (tx) => {
        await tx`select set_config('app.context', 'system:bench', true), set_config('app.tenant_id', ${tenantId}, true)`;
        await tx`insert into tenants (id, slug, name) values (${tenantId}, ${`bench-${index}`}, ${`Bench ${index}`})`;
      });
    }
    await owner.unsafe(BENCH_SCHEMA_DDL);
    app = createDatabase(appRoleUrl(scratch.url, DEV_APP_PASSWORD), {
      max: PRODUCERS,
      applicationName: 'bench-producer',
    });

    const rows: Row[] = [];
    const notes: string[] = [];
    let settings: RunnerSettings | undefined;
    for (const transport of TRANSPORTS) {
      if (transport === 'bullmq' && !(await reachable(REDIS_URL))) {
        notes.push(`BullMQ skipped: no Redis at ${REDIS_URL}`);
        continue;
      }
      const result = await runTransport(transport, scratch.url, app, tenantIds, log);
      await verify(owner, log);
      rows.push(...result.rows);
      settings = result.settings;
      notes.push(`${transport}: runner clock offset ${result.clockOffset.toFixed(3)} ms (corrected)`);
    }

    const [pg] = await owner`select current_setting('server_version') as version`;
    console.log(
      `\nOutbox bench, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, PostgreSQL ${pg?.version}, ` +
        `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}; load average ${fixed(loadBefore, 2)} before, ` +
        `${fixed(loadavg()[0] ?? Number.NaN, 2)} after`,
    );
    console.log(
      `runner: pollMs ${settings?.pollMs}, concurrency ${settings?.concurrency}, leaseMs ${settings?.leaseMs}, ` +
        `backoffBaseMs ${settings?.backoffBaseMs}, pool ${settings?.poolMax}; producers: ${PRODUCERS} connections, ` +
        `${PER_TX} event(s) per transaction, ${TENANTS} tenants; steady = ${STEADY_LOAD * 100} % of burst ` +
        `(≤ ${STEADY_SECONDS} s), light = ${LIGHT_RATE}/s for ${LIGHT_SECONDS} s\n`,
    );
    printTable(rows);
    for (const note of notes) console.log(`\n${note}`);
  } finally {
    process.removeListener('SIGINT', interrupted);
    await app?.close();
    await owner.end({ timeout: 2 });
    await scratch.drop();
    log(`dropped ${scratch.name}`);
  }
}

await main();
