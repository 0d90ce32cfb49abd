// How many round trips a tenant-scoped read costs with postgres.js (ARCHITECTURE.md §6).
// Runs the same read of one tenant row as the app role, three ways, and prints ops/s and latency percentiles:
//   bare        the SELECT alone, no transaction: the floor. RLS hides the row (no tenant setting), which
//               is why the app cannot do this; it still costs one round trip like a real read
//   sequential  BEGIN; set_config(...); SELECT; COMMIT — each statement awaited before the next
//   pipelined   inside sql.begin, set_config and SELECT sent together without awaiting the first
// Usage: npm run bootstrap -- node bench/tenant-transaction.mjs [iterations=3000] [concurrency=1,16]
// PostgreSQL: DATABASE_URL if set, else 127.0.0.1:5432; a scratch database is created and dropped.
import postgres from 'postgres';
import { appRoleUrl, DEV_APP_PASSWORD } from '../packages/db/dist/app-role.js';
import { migrateDatabase } from '../packages/db/dist/migrate.js';
import { seedDatabase } from '../packages/db/dist/seed.js';
import { DEMO_TENANT_ID } from '../packages/db/dist/seed-data.js';
import { createScratchDatabase } from '../scripts/lib/postgres.mjs';

const iterations = Number(process.argv[2] ?? 3000);
const concurrencies = (process.argv[3] ?? '1,16').split(',').map(Number);
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const scratch = await createScratchDatabase(server, 'ontrack_bench');
try {
  await migrateDatabase(scratch.url, DEV_APP_PASSWORD);
  await seedDatabase(scratch.url);
  const sql = postgres(appRoleUrl(scratch.url, DEV_APP_PASSWORD), { max: Math.max(...concurrencies) });

  const variants = {
    bare: () => sql`select id, name from tenants where id = ${DEMO_TENANT_ID}`,
    sequential: () =>
      sql.begin(async (tx) => {
        await tx`select set_config('app.tenant_id', ${DEMO_TENANT_ID}, true)`;
        return tx`select id, name from tenants`;
      }),
    pipelined: () =>
      sql.begin((tx) => [
        tx`select set_config('app.tenant_id', ${DEMO_TENANT_ID}, true)`,
        tx`select id, name from tenants`,
      ]),
  };

  // The transactional variants must see exactly the demo tenant, the bare one nothing (RLS), or the comparison
  // is meaningless.
  for (const [name, run] of Object.entries(variants)) {
    const result = await run();
    const rows = Array.isArray(result[0]) ? result.at(-1) : result;
    const expected = name === 'bare' ? 0 : 1;
    if (rows.length !== expected) throw new Error(`${name} returned ${rows.length} rows, expected ${expected}`);
  }

  console.log(`| variant | concurrency | ops/s | p50 ms | p99 ms |\n|---|---|---|---|---|`);
  for (const concurrency of concurrencies) {
    for (const [name, run] of Object.entries(variants)) {
      for (let i = 0; i < 200; i++) await run(); // warm-up
      const latencies = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next++ < iterations) {
            const t0 = performance.now();
            await run();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(3);
      console.log(`| ${name} | ${concurrency} | ${Math.round(iterations / seconds)} | ${pct(0.5)} | ${pct(0.99)} |`);
    }
  }
  await sql.end();
} finally {
  await scratch.drop();
}
