import type { KeyObject } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq, or, sql } from 'drizzle-orm';
import { type VerifyChainResult, verifyChain } from './activity-chain-verify.js';
import { loadSigningKey } from './activity-checkpoints.js';
import { createDatabase, type Database } from './client.js';
import { readScriptEnv } from './env.js';
import { tenants } from './schema/tenants.js';
import { applySessionContext } from './session-context.js';

// `npm run audit:verify [-- --tenant <slug-or-id>]`: walks each tenant's activity chain and checks its
// signed checkpoints; one line per tenant, exit code 1 if any chain is broken.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<number> {
  // pnpm may pass the `--` separator through; parseArgs would take everything after it as positionals.
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const { values } = parseArgs({ args, options: { tenant: { type: 'string' } } });
  const env = readScriptEnv();
  const publicKeys = checkpointKeys(process.env.AUDIT_SIGNING_KEY);

  const { db, close } = createDatabase(env.DATABASE_URL, { max: 1, applicationName: 'ontrack-audit-verify' });
  try {
    const targets = await listTenants(db, values.tenant);
    if (targets.length === 0) {
      console.error(
        values.tenant
          ? `no tenant "${values.tenant}"`
          : 'no tenant visible: is DATABASE_URL a superuser? (RLS shows a non-superuser owner no tenant here)',
      );
      return 1;
    }
    let broken = 0;
    for (const tenant of targets) {
      const result = await db.transaction(
        async (tx) => {
          await applySessionContext(tx, { tenantId: tenant.id, system: 'audit-verify' });
          return verifyChain(tx, tenant.id, { publicKeys });
        },
        // One snapshot for the whole walk, so appends during it cannot look like a truncation.
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      if (!result.ok) broken += 1;
      console.log(formatResult(tenant.slug, result));
    }
    return broken > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

function checkpointKeys(source: string | undefined): ReadonlyMap<string, KeyObject> | undefined {
  if (!source) {
    console.log('AUDIT_SIGNING_KEY is not set: checkpoint signatures are NOT checked (their seq and hash still are)');
    return undefined;
  }
  const key = loadSigningKey(source);
  console.log(`checking checkpoint signatures with key ${key.keyId}`);
  // Only the current key: checkpoints signed by a retired key are reported as checkpoint_key_unknown.
  return new Map([[key.keyId, key.publicKey]]);
}

/**
 * The tenants to verify, listed in a system context. A superuser owner (tests, the embedded server) bypasses
 * RLS anyway; a non-superuser owner is bound by it (FORCE) and needs the `tenants_select_system` policy
 * (migration 0004), because `tenants_select` alone shows only the context's tenant and the user's
 * memberships. A tenant given by id is looked up in its own context, which makes its row visible either way.
 */
async function listTenants(db: Database, wanted: string | undefined): Promise<{ id: string; slug: string }[]> {
  const byId = wanted !== undefined && UUID.test(wanted);
  return db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId: byId ? wanted : undefined, system: 'audit-verify' });
    return tx
      .select({ id: tenants.id, slug: tenants.slug })
      .from(tenants)
      .where(
        wanted === undefined ? undefined : or(eq(tenants.slug, wanted), byId ? eq(tenants.id, wanted) : sql`false`),
      )
      .orderBy(tenants.slug);
  });
}

function formatResult(slug: string, result: VerifyChainResult): string {
  if (result.ok) {
    const { seq, hash } = result.head;
    const count = result.checkpoints;
    const checkpoints = count > 0 ? `, ${count} checkpoint${count === 1 ? '' : 's'}` : '';
    return `${slug}: ok, ${result.rows} entries, head ${seq} (${hash.slice(0, 8)}…)${checkpoints}`;
  }
  const { seq, id, reason, expected, actual } = result.brokenAt;
  return `${slug}: BROKEN at seq ${seq} (id ${id ?? 'none'}): ${reason}; expected ${expected}, found ${actual}`;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
