// The runner process of bench/outbox-throughput.ts: the API's OutboxRunner without Nest (as in
// apps/api/test/crash/outbox-crash-worker.ts) with the bench job, in a process of its own like `node dist/worker.js`.
// It tells the parent over IPC when each event's handler transaction committed. Not meant to be run by hand.
import { createDatabase } from '@ontrack/db/client';
import { configSchema } from '../apps/api/src/platform/config/config.schema.js';
import { JobRegistry } from '../apps/api/src/platform/outbox/job-definition.js';
import {
  OUTBOX_CHANNEL,
  OutboxRunner,
  type OutboxRunnerOptions,
} from '../apps/api/src/platform/outbox/outbox-runner.js';
import { now, type ParentMessage, type RunnerSettings, type WorkerMessage } from './outbox-throughput.ipc.js';
import { benchJob } from './outbox-throughput.job.js';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

if (!process.send) throw new Error('started by bench/outbox-throughput.ts, with an IPC channel');

// Field by field: the whole schema also demands the API's other settings (and .pick() refuses refined schemas).
const { shape } = configSchema;
const fromEnv = <T>(schema: { parse(value: unknown): T }, name: string): T => schema.parse(process.env[name]);
const settings: RunnerSettings = {
  pollMs: fromEnv(shape.OUTBOX_POLL_MS, 'OUTBOX_POLL_MS'),
  leaseMs: fromEnv(shape.OUTBOX_LEASE_MS, 'OUTBOX_LEASE_MS'),
  concurrency: fromEnv(shape.OUTBOX_CONCURRENCY, 'OUTBOX_CONCURRENCY'),
  backoffBaseMs: fromEnv(shape.OUTBOX_BACKOFF_MS, 'OUTBOX_BACKOFF_MS'),
  poolMax: fromEnv(shape.DATABASE_POOL_MAX, 'DATABASE_POOL_MAX'),
};

// Reported in batches: an IPC message per event would cost the runner more than the handler does. The
// timestamps are taken when each event completes, so batching delays the report, not the measurement.
let handled: [string, number][] = [];
const flush = setInterval(() => {
  if (handled.length === 0) return;
  send({ type: 'handled', events: handled });
  handled = [];
}, 20);

const database = createDatabase(process.env.APP_DATABASE_URL ?? '', {
  max: settings.poolMax,
  applicationName: 'bench-outbox-runner',
});
const options: OutboxRunnerOptions = {
  pollMs: settings.pollMs,
  leaseMs: settings.leaseMs,
  concurrency: settings.concurrency,
  backoffBaseMs: settings.backoffBaseMs,
  redisUrl: process.env.REDIS_URL || undefined,
  queueName: process.argv[2],
  // As the API wires it (outbox-workers.ts); BENCH_LISTEN=0 measures the relay on polling alone.
  listen:
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: bench scripts are run by hand, never as turbo tasks
    process.env.BENCH_LISTEN === '0'
      ? undefined
      : async (onCommitted) => (await database.sql.listen(OUTBOX_CHANNEL, onCommitted)).unlisten,
  onError: (error, context) =>
    send({ type: 'error', context, message: error instanceof Error ? error.message : String(error) }),
  onProcessed: (event, outcome) => {
    if (outcome === 'done') handled.push([event.id, now()]);
    else send({ type: 'not-done', id: event.id, outcome });
  },
};
const runner = new OutboxRunner(database.db, new JobRegistry([benchJob as never]), options);

let stopping = false;
process.on('message', (message: ParentMessage) => {
  if (message.type === 'clock') send({ type: 'clock', now: now() });
  else if (message.type === 'usage') {
    const { user, system } = process.cpuUsage();
    send({ type: 'usage', cpuMs: (user + system) / 1000 });
  } else if (message.type === 'stop' && !stopping) {
    stopping = true;
    void runner
      .stop()
      .then(() => database.close())
      .finally(() => {
        clearInterval(flush);
        if (handled.length > 0) send({ type: 'handled', events: handled });
        send({ type: 'stopped' });
        process.disconnect();
      });
  }
});
// The parent going away (Ctrl-C, a crash) must not leave this process running the relay.
process.on('disconnect', () => {
  if (!stopping) process.exit(1);
});

runner.start();
send({ type: 'ready', settings });
