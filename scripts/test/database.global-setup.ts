import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
// Relative import of a dependency-free module: the global setup runs outside the projects' resolver, so a
// bare `@ontrack/db/...` import would load a possibly stale dist/ instead of the sources under test.
import { appRoleUrl, DEV_APP_PASSWORD } from '../../packages/db/src/app-role.js';
import { createScratchDatabase } from '../lib/postgres.mjs';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

/**
 * Every medium / e2e-api run gets its own freshly created, migrated and seeded database on the server
 * named by TEST_PG_SERVER_URL (set by scripts/test.mjs: DATABASE_URL, else the local server on 5432,
 * else an embedded one), so runs never collide. It is dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl =
    process.env.TEST_PG_SERVER_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(serverUrl, `ontrack_${project.name.replace(/\W/g, '_')}`);
  // The same CLIs as `npm run db:migrate` / `db:seed`, from the sources (tsx with the source condition).
  const env = { ...process.env, DATABASE_URL: scratch.url, APP_DATABASE_PASSWORD: DEV_APP_PASSWORD };
  for (const cli of ['migrate-cli.ts', 'seed-cli.ts']) {
    await run('tsx', ['--conditions=@ontrack/source', `packages/db/src/${cli}`], { cwd: root, env });
  }
  project.provide('ownerDatabaseUrl', scratch.url);
  project.provide('appDatabaseUrl', appRoleUrl(scratch.url, DEV_APP_PASSWORD));
  return async () => {
    if (process.env.KEEP_TEST_DATABASE !== '1') await scratch.drop();
  };
}
