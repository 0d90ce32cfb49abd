import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@ontrack/db/ids';
import { outbox } from '@ontrack/db/schema/outbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOutboxFixture } from './outbox-fixtures.js';

/**
 * 1,000 committed events; the worker process is killed with SIGKILL several times mid-run and restarted
 * (and, with Redis, Redis itself is killed and restarted, losing every queued job). In the end every event
 * is done and its effect happened exactly once: effects commit in the same transaction as "done", and the
 * lease brings back whatever a dead worker or a dead Redis was holding.
 */
const apiRoot = new URL('../..', import.meta.url).pathname;
const EVENTS = 1000;

let fixture: Awaited<ReturnType<typeof createOutboxFixture>>;
beforeAll(async () => {
  fixture = await createOutboxFixture(inject('ownerDatabaseUrl'), inject('appDatabaseUrl'));
});
afterAll(() => fixture.close());

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startWorker(env: Record<string, string>): ChildProcess {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, which a SIGKILL of the
  // CLI would leave running — the kill must hit the process doing the work.
  return spawn(
    process.execPath,
    ['--conditions=@ontrack/source', '--import', 'tsx', 'test/crash/outbox-crash-worker.ts'],
    {
      cwd: apiRoot,
      env: { ...process.env, APP_DATABASE_URL: inject('appDatabaseUrl'), ...env },
      stdio: 'ignore',
    },
  );
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

async function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function enqueueMany(tag: string): Promise<string[]> {
  const ids = Array.from({ length: EVENTS }, () => newId());
  await fixture.inTenant(async (tx) => {
    for (let offset = 0; offset < EVENTS; offset += 250) {
      await tx.insert(outbox).values(
        ids.slice(offset, offset + 250).map((id, index) => ({
          tenantId: fixture.tenantId,
          id,
          job: 'test.crash-effect',
          payload: { n: offset + index },
          dedupeKey: `${tag}:${offset + index}`,
        })),
      );
    }
  });
  return ids;
}

async function doneCount(ids: string[]): Promise<number> {
  const [row] = await fixture.owner`
    select count(*)::int as n from outbox where tenant_id = ${fixture.tenantId} and id = any(${ids}::uuid[]) and status = 'done'`;
  return row?.n ?? 0;
}

/** Interrupts the run four times while work remains; returns how many interrupts hit a run in progress. */
async function runUntilDone(ids: string[], interrupt: (round: number) => Promise<void>): Promise<number> {
  let midRun = 0;
  let before = await doneCount(ids);
  for (let round = 0; round < 4; round++) {
    // Wait until the (re)started worker is making progress, then strike at a random moment of it.
    const waitUntil = Date.now() + 30_000;
    while ((await doneCount(ids)) <= before && Date.now() < waitUntil) await sleep(50);
    await sleep(50 + Math.floor(Math.random() * 200));
    const done = await doneCount(ids);
    if (done === EVENTS) break;
    if (done > before) midRun += 1;
    await interrupt(round);
    before = await doneCount(ids);
  }
  const deadline = Date.now() + 90_000;
  while ((await doneCount(ids)) < EVENTS) {
    if (Date.now() > deadline) throw new Error(`only ${await doneCount(ids)} of ${EVENTS} events done`);
    await sleep(200);
  }
  return midRun;
}

function expectExactlyOnce(ids: string[], counts: Map<string, number>): void {
  const wrong = ids.filter((id) => counts.get(id) !== 1).map((id) => `${id}: ${counts.get(id) ?? 0}`);
  expect(wrong).toEqual([]);
}

describe('the outbox survives crashes', () => {
  it('in process: SIGKILL of the worker several times mid-run', async () => {
    const ids = await enqueueMany('in-process');
    const schema = await fixture.schemaName();
    let worker = startWorker({ CRASH_SCHEMA: schema });
    try {
      const midRun = await runUntilDone(ids, async () => {
        await kill(worker);
        worker = startWorker({ CRASH_SCHEMA: schema });
      });
      expect(midRun).toBeGreaterThanOrEqual(2); // the kills really landed while events were being handled
      expectExactlyOnce(ids, await fixture.effectCounts());
    } finally {
      await kill(worker);
    }
  }, 150_000);

  it('with BullMQ: SIGKILL of the worker and of Redis mid-run', async () => {
    const ids = await enqueueMany('bullmq');
    const schema = await fixture.schemaName();
    const port = await freePort();
    let redis = startRedis(port);
    await sleep(300);
    const env = { CRASH_SCHEMA: schema, REDIS_URL: `redis://127.0.0.1:${port}`, CRASH_QUEUE: `crash-${port}` };
    let worker = startWorker(env);
    try {
      const midRun = await runUntilDone(ids, async (round) => {
        if (round % 2 === 0) {
          await kill(redis); // every queued job is gone with it
          redis = startRedis(port);
        } else {
          await kill(worker);
          worker = startWorker(env);
        }
      });
      expect(midRun).toBeGreaterThanOrEqual(2); // the kills really landed while events were being handled
      expectExactlyOnce(ids, await fixture.effectCounts());
    } finally {
      await kill(worker);
      await kill(redis);
    }
  }, 150_000);
});
