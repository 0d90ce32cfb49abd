import { defineConfig } from 'drizzle-kit';

// `generate` needs no database: it diffs src/schema against the snapshots in migrations/meta.
// DRIZZLE_OUT lets the drift check (scripts/checks/migrations-drift.mjs) generate into a scratch copy.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/*.ts',
  out: process.env.DRIZZLE_OUT ?? './migrations',
  casing: 'snake_case',
  strict: true,
  verbose: false,
});
