// The cost of row-level security on a tenant-scoped read (issue: security core, target ≤ 1.10×).
// Same data, same transaction shape (BEGIN; set_config; SELECT; COMMIT with the settings pipelined), two roles:
//   rls      the app role ontrack_app: RLS applies (policies on app.tenant_id)
//   bypass   the owner (a superuser here): RLS does not apply
// and two query shapes: `explicit` (WHERE tenant_id = $1 as repositories may write it) and `policy-only`
// (no tenant predicate in the query: only the policy narrows it; the bypass run must then add it itself).
// Usage: bash scripts/bootstrap.sh node bench/rls-overhead.mjs [tenants=50] [rowsPerTenant=2000] [seconds=5] [concurrency=16]
// Run `npm run build` first (it imports packages/db/dist). PostgreSQL: DATABASE_URL, else 127.0.0.1:5432.
import postgres from 'postgres';
import { appRoleUrl, DEV_APP_PASSWORD } from '../packages/db/dist/app-role.js';
import { migrateDatabase } from '../packages/db/dist/migrate.js';
import { createScratchDatabase } from '../scripts/lib/postgres.mjs';

const [tenantCount = 50, rowsPerTenant = 2000, seconds = 5, concurrency = 16] = process.argv.slice(2).map(Number);
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const scratch = await createScratchDatabase(server, 'ontrack_bench_rls');
try {
  await migrateDatabase(scratch.url, DEV_APP_PASSWORD);
  const owner = postgres(scratch.url, { max: concurrency, onnotice: () => {} });
  const app = postgres(appRoleUrl(scratch.url, DEV_APP_PASSWORD), { max: concurrency, onnotice: () => {} });

  console.error(`loading ${tenantCount} tenants × ${rowsPerTenant} activity rows…`);
  await owner.begin(async (tx) => {
    await tx`select set_config('app.context', 'system:bench', true)`;
    // Synthetic rows (not a real chain): the chain-extension trigger would refuse them. DDL is transactional,
    // so no other session sees the trigger off.
    await tx`alter table activity_log disable trigger activity_log_extend_chain`;
    await tx`
      insert into tenants (id, slug, name)
      select gen_random_uuid(), 'bench-' || i, 'Bench ' || i from generate_series(1, ${tenantCount}) i`;
    await tx`
      insert into activity_log (tenant_id, seq, id, occurred_at, actor_type, actor_label, entity_type, entity_id,
                                action, summary, prev_hash, hash)
      select t.id, s, gen_random_uuid(), now() - (s || ' seconds')::interval, 'user', 'bench@example.test', 'contact',
             s::text, 'update', jsonb_build_object('name', jsonb_build_array('a', 'b')), repeat('0', 64), repeat('f', 64)
      from tenants t cross join generate_series(1, ${rowsPerTenant}) s where t.slug like 'bench-%'`;
    await tx`alter table activity_log enable trigger activity_log_extend_chain`;
  });
  await owner`analyze activity_log`;
  const tenantIds = (await owner`select id from tenants where slug like 'bench-%'`).map((row) => row.id);

  const read = (sql, shape) => {
    let n = 0;
    return async () => {
      const tenantId = tenantIds[n++ % tenantIds.length];
      const rows = await sql.begin((tx) => [
        tx`select set_config('app.tenant_id', ${tenantId}, true)`,
        shape === 'explicit'
          ? tx`select seq, action, entity_type, occurred_at from activity_log where tenant_id = ${tenantId} order by seq desc limit 50`
          : tx`select seq, action, entity_type, occurred_at from activity_log order by seq desc limit 50`,
      ]);
      const result = rows.at(-1);
      if (result.length !== 50) throw new Error(`expected 50 rows, got ${result.length}`);
      if (result.some((row) => row.seq > rowsPerTenant)) throw new Error('rows of several tenants mixed');
    };
  };
  // The bypass run of the policy-only shape needs its own tenant predicate, or it would read every tenant.
  const variants = [
    ['explicit', 'rls', read(app, 'explicit')],
    ['explicit', 'bypass', read(owner, 'explicit')],
    ['policy-only', 'rls', read(app, 'policy')],
  ];

  const results = {};
  console.log('| query | role | reads/s | p50 ms | p99 ms |\n|---|---|---|---|---|');
  for (let round = 0; round < 2; round++) {
    for (const [shape, role, run] of variants) {
      const latencies = [];
      const deadline = performance.now() + seconds * 1000;
      for (let i = 0; i < 200; i++) await run(); // warm-up
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < deadline) {
            const t0 = performance.now();
            await run();
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const rate = latencies.length / ((performance.now() - started) / 1000);
      latencies.sort((a, b) => a - b);
      const pct = (p) => latencies[Math.floor((latencies.length - 1) * p)].toFixed(3);
      // The second round is the one reported (the first warms caches for every variant).
      if (round === 1) {
        results[`${shape}/${role}`] = rate;
        console.log(`| ${shape} | ${role} | ${Math.round(rate)} | ${pct(0.5)} | ${pct(0.99)} |`);
      }
    }
  }
  const ratio = (a, b) => (results[b] / results[a]).toFixed(3);
  console.log(`\nbypass / rls (explicit tenant predicate): ${ratio('explicit/rls', 'explicit/bypass')}×`);
  console.log(`bypass / rls (policy only):               ${ratio('policy-only/rls', 'explicit/bypass')}×`);
  await Promise.all([owner.end(), app.end()]);
} finally {
  await scratch.drop();
}
