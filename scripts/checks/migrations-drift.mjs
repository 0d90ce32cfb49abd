// Fails when packages/db/src/schema needs a migration that is not committed: drizzle-kit generates into a
// scratch copy of packages/db/migrations, and any new file there means the schema and migrations disagree.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dbPackage = new URL('../../packages/db', import.meta.url).pathname;
const committed = join(dbPackage, 'migrations');
// drizzle-kit only takes an `out` relative to the config file, so the scratch copy lives beside it (ignored by git).
const scratchRelative = '.drift-check/migrations';
const scratch = join(dbPackage, scratchRelative);
rmSync(join(dbPackage, '.drift-check'), { recursive: true, force: true });
cpSync(committed, scratch, { recursive: true });

const list = (dir) => readdirSync(dir, { recursive: true }).map(String).sort();
const before = list(scratch);
const output = execFileSync(join(dbPackage, 'node_modules/.bin/drizzle-kit'), ['generate', '--name', 'drift_check'], {
  cwd: dbPackage,
  env: { ...process.env, DRIZZLE_OUT: `./${scratchRelative}` },
  // No terminal: a schema change that needs a rename decision fails here instead of waiting for an answer.
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  timeout: 120_000,
});
const added = list(scratch).filter((file) => !before.includes(file));
rmSync(join(dbPackage, '.drift-check'), { recursive: true, force: true });
// drizzle-kit exits 0 even when it fails, so success is only its explicit "nothing to migrate".
if (added.length === 0 && !/No schema changes/.test(output)) {
  console.error(`drizzle-kit generate did not run cleanly:\n${output}`);
  process.exit(1);
}
if (added.length > 0) {
  console.error(
    `the schema needs a migration that is not committed (drizzle-kit generated: ${added.join(', ')}).\n` +
      'Run `npm run db:generate`, review the SQL and commit it.',
  );
  process.exit(1);
}
console.log('migrations match the schema');
