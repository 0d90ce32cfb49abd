// The floor (ARCHITECTURE.md §6, /work/shared/bench/floor): its own database of 100 tenants × 10,000 contacts
// under forced RLS (floor-setup.sql, unchanged) and its one-round-trip server (floor-server.mjs), run beside
// OnTrack in the same session so the ratio between them holds whatever the machine. The floor's data is only
// read, so with `--reuse` the loaded database itself is kept and used again (named by a hash of setup.sql).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { createDatabaseIfMissing, withDatabase } from '../../scripts/lib/postgres.mjs';
import { freePort, stopChild } from './api-process.js';

const SETUP = new URL('./floor-setup.sql', import.meta.url).pathname;
const SERVER = new URL('./floor-server.mjs', import.meta.url).pathname;
const COMPLETE = 'ontrack bench floor: loaded';

export interface FloorDatabase {
  appUrl: string;
  drop(): Promise<void>;
}

export async function prepareFloorDatabase(
  server: string,
  reuse: boolean,
  log: (line: string) => void,
): Promise<FloorDatabase> {
  const setup = readFileSync(SETUP, 'utf8');
  const name = reuse
    ? `ontrack_bench_floor_${createHash('sha256').update(setup).digest('hex').slice(0, 12)}`
    : `ontrack_bench_floor_run_${process.pid}_${Date.now()}`;
  const admin = postgres(withDatabase(server, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    if (existing?.comment === COMPLETE) {
      log(`reusing the floor database ${name}`);
    } else {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await createDatabaseIfMissing(withDatabase(server, 'postgres'), name);
      log(`loading the floor's 1M contacts into ${name}`);
      const owner = postgres(withDatabase(server, name), { max: 1, onnotice: () => {} });
      try {
        await owner.unsafe(setup);
      } finally {
        await owner.end({ timeout: 2 });
      }
      await admin.unsafe(`comment on database "${name}" is '${COMPLETE}'`);
    }
  } finally {
    await admin.end({ timeout: 2 });
  }
  const appUrl = new URL(withDatabase(server, name));
  appUrl.username = 'floor_app';
  appUrl.password = 'app';
  return {
    appUrl: appUrl.toString(),
    drop: async () => {
      if (reuse) return;
      const sql = postgres(withDatabase(server, 'postgres'), { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 2 });
      }
    },
  };
}

export async function startFloorServer(appUrl: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH ?? '', APP_URL: appUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the floor server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the floor server exited (${code}):\n${output}`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
