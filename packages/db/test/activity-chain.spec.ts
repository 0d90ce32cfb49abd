import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type ActivityEntryInput, type ActivityExecutor, appendActivity, hashEntry } from '../src/activity-chain.js';
import { type VerifyChainOptions, verifyChain } from '../src/activity-chain-verify.js';
import { generateSigningKey, writeCheckpoint } from '../src/activity-checkpoints.js';
import { createDatabase } from '../src/client.js';
import { newId } from '../src/ids.js';
import { activityCheckpoints, activityLog } from '../src/schema/activity.js';
import { tenants } from '../src/schema/tenants.js';
import { DEMO_TENANT_ID, OTHER_TENANT_ID } from '../src/seed-data.js';
import { applySessionContext } from '../src/session-context.js';

// Medium test: a real PostgreSQL database created for this run (scripts/test/database.global-setup.ts).
// The app role is what the API uses (RLS applies); the owner is a superuser here, needed to tamper.
const app = createDatabase(inject('appDatabaseUrl'), { max: 20, applicationName: 'activity-chain-test' });
const owner = createDatabase(inject('ownerDatabaseUrl'), { max: 2, applicationName: 'activity-chain-test-owner' });
const key = generateSigningKey();
const publicKeys = new Map([[key.keyId, key.publicKey]]);
// Small batches so that every walk crosses several page boundaries.
const verifyOptions: VerifyChainOptions = { batchSize: 2, publicKeys };

afterAll(async () => {
  await Promise.all([app.close(), owner.close()]);
});

function asTenant<T>(tenantId: string, work: (tx: ActivityExecutor) => Promise<T>): Promise<T> {
  return app.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId });
    return work(tx);
  });
}

/** A tenant of this test alone, so that chains and tamperings never meet those of other tests. */
async function createTenant(label: string): Promise<string> {
  const id = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId: id, system: 'test' });
    await tx.insert(tenants).values({ id, slug: `chain-${label}-${id.slice(-8)}`, name: `Chain test ${label}` });
  });
  return id;
}

function entry(tenantId: string, label: string): ActivityEntryInput {
  return {
    tenantId,
    actorType: 'user',
    actorUserId: newId(),
    actorLabel: 'tester@example.test',
    entityType: 'invoice',
    entityId: newId(),
    action: 'update',
    // A Date and an undefined member: appendActivity must hash what jsonb stores, not what it was given.
    summary: { label, total: [100, 120], nested: { z: 1, a: [true, null] }, at: new Date(0), gone: undefined },
    requestId: `req-${label}`,
    ip: '2001:0DB8:0000::0001',
    userAgent: 'vitest',
  };
}

/** A tenant with `length` entries appended one transaction each, and optionally a checkpoint at the end. */
async function tenantWithChain(label: string, length: number, { checkpoint = false } = {}): Promise<string> {
  const tenantId = await createTenant(label);
  for (let index = 1; index <= length; index += 1) {
    await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, `${label}-${index}`)]));
  }
  if (checkpoint) await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, 'period-end', key));
  expect(await verify(tenantId)).toMatchObject({ ok: true, rows: length });
  return tenantId;
}

function verify(tenantId: string, options: VerifyChainOptions = verifyOptions) {
  return asTenant(tenantId, (tx) => verifyChain(tx, tenantId, options));
}

/**
 * Runs `work` as the owner with the append-only and chain-extension triggers disabled. The ALTERs and the tampering share one
 * transaction: DDL is transactional in PostgreSQL, so no other session ever sees the trigger disabled, and
 * if the tampering fails the rollback re-enables it (a `finally` could not run SQL in an aborted
 * transaction). The last test of this file checks that the trigger is enabled.
 */
function tamper(tenantId: string, work: (tx: ActivityExecutor) => Promise<unknown>): Promise<void> {
  return owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test-tamper' });
    await tx.execute(sql`alter table activity_log disable trigger user`);
    await work(tx);
    await tx.execute(sql`alter table activity_log enable trigger user`);
  });
}

/** The database's own message of a failed query (Drizzle wraps it as the `cause` of "Failed query: ..."). */
async function databaseError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  throw new Error('expected the database to refuse the statement');
}

const ofTenant = (tenantId: string) => eq(activityLog.tenantId, tenantId);
const atSeq = (tenantId: string, seq: number) => and(ofTenant(tenantId), eq(activityLog.seq, seq));

describe('appendActivity', () => {
  it('numbers entries 1..n, links each to the previous one and verifies', async () => {
    const tenantId = await createTenant('append');
    const first = await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, 'a')]));
    const more = await asTenant(tenantId, (tx) =>
      appendActivity(tx, [entry(tenantId, 'b'), entry(tenantId, 'c'), entry(tenantId, 'd')]),
    );
    const rows = [...first, ...more];
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    rows.slice(1).forEach((row, index) => {
      expect(row.prevHash).toBe(rows[index]?.hash);
    });
    for (const row of rows) expect(row.hash).toBe(hashEntry(row));
    // Stored as PostgreSQL normalizes it, and hashed that way.
    expect(rows[0]?.ip).toBe('2001:db8::1');
    expect(rows[0]?.summary).toStrictEqual({
      label: 'a',
      total: [100, 120],
      nested: { z: 1, a: [true, null] },
      at: '1970-01-01T00:00:00.000Z',
    });

    for (const batchSize of [1, 3, 1000]) {
      expect(await verify(tenantId, { batchSize, publicKeys })).toEqual({
        ok: true,
        rows: 4,
        head: { seq: 4, hash: rows[3]?.hash },
        checkpoints: 0,
        signaturesChecked: true,
      });
    }
    expect(await asTenant(tenantId, (tx) => appendActivity(tx, []))).toEqual([]);
  });

  it('keeps a gap-free chain under 50 concurrent writers', async () => {
    const tenantId = await createTenant('concurrent');
    const sizes = Array.from({ length: 50 }, (_, writer) => (writer % 3) + 1);
    const started = performance.now();
    const written = await Promise.all(
      sizes.map((size, writer) =>
        asTenant(tenantId, (tx) =>
          appendActivity(
            tx,
            Array.from({ length: size }, (_, index) => entry(tenantId, `w${writer}-${index}`)),
          ),
        ),
      ),
    );
    const elapsed = performance.now() - started;
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.info(`50 writers appended ${total} entries in ${elapsed.toFixed(0)} ms (pool of 20 connections)`);

    // Each writer's entries are consecutive (one lock holder at a time), and together they are 1..total.
    for (const rows of written) {
      const seqs = rows.map((row) => row.seq);
      expect(seqs).toEqual(seqs.map((_, index) => (seqs[0] ?? 0) + index));
    }
    const allSeqs = written.flat().map((row) => row.seq);
    expect(allSeqs.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect(await verify(tenantId, { batchSize: 17, publicKeys })).toMatchObject({
      ok: true,
      rows: total,
      head: { seq: total },
    });
  });
});

describe('checkpoints', () => {
  it('sign the head once per period, and none for an empty chain', async () => {
    const tenantId = await createTenant('checkpoint');
    expect(await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, '2026-11-24T01', key))).toBe(false);
    await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, 'a'), entry(tenantId, 'b')]));
    expect(await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, '2026-11-24T01', key))).toBe(true);
    await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, 'c')]));
    expect(await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, '2026-11-24T01', key))).toBe(false);
    expect(await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, '2026-11-24T02', key))).toBe(true);

    const stored = await asTenant(tenantId, (tx) =>
      tx.select().from(activityCheckpoints).where(eq(activityCheckpoints.tenantId, tenantId)),
    );
    expect(stored.map(({ period, seq, keyId }) => ({ period, seq, keyId }))).toEqual([
      { period: '2026-11-24T01', seq: 2, keyId: key.keyId },
      { period: '2026-11-24T02', seq: 3, keyId: key.keyId },
    ]);
    expect(await verify(tenantId)).toMatchObject({ ok: true, rows: 3, checkpoints: 2, signaturesChecked: true });
  });

  it('with a forged signature or an unknown key are breaks; without keys only seq and hash are checked', async () => {
    const tenantId = await tenantWithChain('forged', 3);
    const [head] = await asTenant(tenantId, (tx) => tx.select().from(activityLog).where(atSeq(tenantId, 3)));
    const other = generateSigningKey();
    await asTenant(tenantId, (tx) =>
      tx.insert(activityCheckpoints).values({
        tenantId,
        period: 'forged',
        seq: 3,
        hash: head?.hash ?? '',
        keyId: key.keyId,
        signature: Buffer.alloc(64, 1).toString('base64'),
        signedAt: new Date(),
      }),
    );
    expect(await verify(tenantId)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, id: head?.id, reason: 'checkpoint_signature_invalid', period: 'forged' },
    });
    expect(await verify(tenantId, { publicKeys: new Map([[other.keyId, other.publicKey]]) })).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: 'checkpoint_key_unknown', actual: key.keyId },
    });
    expect(await verify(tenantId, {})).toMatchObject({ ok: true, checkpoints: 1, signaturesChecked: false });
  });
});

describe('verifyChain catches tampering by a superuser', () => {
  it('an edited summary: hash_mismatch at that seq', async () => {
    const tenantId = await tenantWithChain('edit', 5);
    await tamper(tenantId, (tx) =>
      tx
        .update(activityLog)
        .set({ summary: { label: 'rewritten' } })
        .where(atSeq(tenantId, 3)),
    );
    expect(await verify(tenantId)).toMatchObject({
      ok: false,
      rows: 2,
      brokenAt: { seq: 3, reason: 'hash_mismatch' },
    });
  });

  it('a deleted middle row: seq_gap at the missing seq', async () => {
    const tenantId = await tenantWithChain('delete', 5);
    await tamper(tenantId, (tx) => tx.delete(activityLog).where(atSeq(tenantId, 3)));
    expect(await verify(tenantId)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, id: null, reason: 'seq_gap', expected: 'seq 3', actual: expect.stringMatching(/^seq 4 /) },
    });
  });

  it('two rows swapped: prev_hash_mismatch at the first of them', async () => {
    const tenantId = await tenantWithChain('swap', 5);
    await tamper(tenantId, async (tx) => {
      const rows = await tx
        .select()
        .from(activityLog)
        .where(and(ofTenant(tenantId), inArray(activityLog.seq, [2, 4])));
      const [second, fourth] = rows.sort((a, b) => a.seq - b.seq);
      if (!second || !fourth) throw new Error('fixture rows missing');
      // Every column moves but the position; ids are unique per tenant, so park one first.
      await tx.update(activityLog).set({ id: newId() }).where(atSeq(tenantId, 2));
      await tx
        .update(activityLog)
        .set({ ...second, seq: 4 })
        .where(atSeq(tenantId, 4));
      await tx
        .update(activityLog)
        .set({ ...fourth, seq: 2 })
        .where(atSeq(tenantId, 2));
    });
    expect(await verify(tenantId)).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'prev_hash_mismatch' } });
  });

  it('the app role cannot slip a row in out of place: refused at write time, not only found later', async () => {
    const tenantId = await tenantWithChain('stray', 3);
    const attempt = (change: (first: typeof activityLog.$inferSelect, head: string) => Record<string, unknown>) =>
      databaseError(
        asTenant(tenantId, async (tx) => {
          const rows = await tx.select().from(activityLog).where(ofTenant(tenantId)).orderBy(activityLog.seq);
          const first = rows[0];
          const head = rows.at(-1)?.hash ?? '';
          if (!first) throw new Error('fixture row missing');
          const stray = { ...first, id: newId(), summary: { label: 'slipped in' }, ...change(first, head) };
          await tx.insert(activityLog).values({ ...stray, hash: hashEntry(stray as typeof first) });
        }),
      );
    expect(await attempt(() => ({ seq: 0 }))).toMatch(/does not extend the chain/);
    expect(await attempt((_, head) => ({ seq: 9, prevHash: head }))).toMatch(/does not extend the chain/);
    expect(await attempt(() => ({ seq: 4 }))).toMatch(/does not extend the chain/); // wrong prev_hash
    expect(await verify(tenantId)).toMatchObject({ ok: true, rows: 3 });
  });

  it('a deleted tail that a checkpoint covers: chain_truncated at the first missing seq', async () => {
    const tenantId = await tenantWithChain('truncate', 5, { checkpoint: true });
    await tamper(tenantId, (tx) => tx.delete(activityLog).where(and(ofTenant(tenantId), gte(activityLog.seq, 4))));
    expect(await verify(tenantId)).toMatchObject({
      ok: false,
      rows: 3,
      brokenAt: { seq: 4, id: null, reason: 'chain_truncated', period: 'period-end' },
    });
  });

  it('an edit with every later hash recomputed: only the signed checkpoint notices', async () => {
    const tenantId = await createTenant('rewrite');
    for (const label of ['a', 'b']) await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, label)]));
    await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, 'period-1', key)); // seq 2: before the edit
    for (const label of ['c', 'd', 'e']) await asTenant(tenantId, (tx) => appendActivity(tx, [entry(tenantId, label)]));
    await asTenant(tenantId, (tx) => writeCheckpoint(tx, tenantId, 'period-2', key)); // seq 5: covers it

    await tamper(tenantId, async (tx) => {
      const rows = await tx.select().from(activityLog).where(ofTenant(tenantId)).orderBy(activityLog.seq);
      let prevHash = rows[1]?.hash ?? '';
      for (const row of rows.slice(2)) {
        const rewritten = { ...row, prevHash, summary: row.seq === 3 ? { label: 'rewritten' } : row.summary };
        const hash = hashEntry(rewritten);
        await tx
          .update(activityLog)
          .set({ summary: rewritten.summary, prevHash, hash })
          .where(atSeq(tenantId, row.seq));
        prevHash = hash;
      }
    });
    expect(await verify(tenantId)).toMatchObject({
      ok: false,
      rows: 5, // every link checks out by itself
      checkpoints: 1, // period-1 (seq 2) still agrees
      brokenAt: { seq: 5, reason: 'checkpoint_mismatch', period: 'period-2' },
    });
  });
});

describe('the append-only guarantees', () => {
  it('deny the app role UPDATE and DELETE on the log and its checkpoints', async () => {
    const tenantId = await tenantWithChain('grants', 2, { checkpoint: true });
    const ofCheckpoints = eq(activityCheckpoints.tenantId, tenantId);
    const attempts = await Promise.all([
      databaseError(asTenant(tenantId, (tx) => tx.update(activityLog).set({ action: 'x' }).where(ofTenant(tenantId)))),
      databaseError(asTenant(tenantId, (tx) => tx.delete(activityLog).where(ofTenant(tenantId)))),
      databaseError(asTenant(tenantId, (tx) => tx.update(activityCheckpoints).set({ seq: 1 }).where(ofCheckpoints))),
      databaseError(asTenant(tenantId, (tx) => tx.delete(activityCheckpoints).where(ofCheckpoints))),
    ]);
    expect(attempts).toEqual([
      'permission denied for table activity_log',
      'permission denied for table activity_log',
      'permission denied for table activity_checkpoints',
      'permission denied for table activity_checkpoints',
    ]);
    expect(await verify(tenantId)).toMatchObject({ ok: true, rows: 2, checkpoints: 1 });
  });

  it('refuse even the owner while the trigger is enabled', async () => {
    const tenantId = await tenantWithChain('trigger', 2, { checkpoint: true });
    const asOwner = (statement: SQL) =>
      databaseError(
        owner.db.transaction(async (tx) => {
          await applySessionContext(tx, { tenantId, system: 'test' });
          return tx.execute(statement);
        }),
      );
    expect(await asOwner(sql`update activity_log set action = 'x' where tenant_id = ${tenantId}`)).toBe(
      'activity_log is append-only: UPDATE refused',
    );
    expect(await asOwner(sql`delete from activity_log where tenant_id = ${tenantId}`)).toBe(
      'activity_log is append-only: DELETE refused',
    );
    expect(await asOwner(sql`delete from activity_checkpoints where tenant_id = ${tenantId}`)).toBe(
      'activity_checkpoints is append-only: DELETE refused',
    );
    expect(await verify(tenantId)).toMatchObject({ ok: true, rows: 2, checkpoints: 1 });
  });
});

describe('tenant isolation', () => {
  it('hides the demo tenant’s activity and checkpoints from another tenant, and refuses writes into it', async () => {
    const appended = await asTenant(DEMO_TENANT_ID, async (tx) => {
      const rows = await appendActivity(tx, [entry(DEMO_TENANT_ID, 'demo-1'), entry(DEMO_TENANT_ID, 'demo-2')]);
      await writeCheckpoint(tx, DEMO_TENANT_ID, `isolation-${newId()}`, key);
      return rows;
    });
    const seen = (tenantId: string) =>
      asTenant(tenantId, async (tx) => ({
        log: await tx.select({ tenantId: activityLog.tenantId }).from(activityLog),
        checkpoints: await tx.select({ tenantId: activityCheckpoints.tenantId }).from(activityCheckpoints),
      }));
    const demo = await seen(DEMO_TENANT_ID);
    expect(demo.log.length).toBeGreaterThanOrEqual(appended.length);
    expect(demo.checkpoints.length).toBeGreaterThanOrEqual(1);

    const other = await seen(OTHER_TENANT_ID);
    expect([...other.log, ...other.checkpoints].filter((row) => row.tenantId !== OTHER_TENANT_ID)).toEqual([]);
    expect(await asTenant(OTHER_TENANT_ID, (tx) => verifyChain(tx, DEMO_TENANT_ID))).toMatchObject({
      ok: true,
      rows: 0,
    });
    expect(
      await databaseError(asTenant(OTHER_TENANT_ID, (tx) => appendActivity(tx, [entry(DEMO_TENANT_ID, 'x')]))),
    ).toBe('new row violates row-level security policy for table "activity_log"');
    expect(await verify(DEMO_TENANT_ID)).toMatchObject({ ok: true });
  });
});

describe('npm run audit:verify', () => {
  const run = promisify(execFile);
  const root = new URL('../../..', import.meta.url).pathname;
  const cli = (args: string[]) =>
    run('tsx', ['--conditions=@ontrack/source', 'packages/db/src/audit-verify-cli.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject('ownerDatabaseUrl'), AUDIT_SIGNING_KEY: key.privateKeyPem },
    });

  it('prints one line per tenant and exits 1 when a chain is broken', async () => {
    const intact = await tenantWithChain('cli-ok', 3, { checkpoint: true });
    const [{ slug } = { slug: '' }] = await owner.db
      .select({ slug: tenants.slug })
      .from(tenants)
      .where(eq(tenants.id, intact));
    const ok = await cli(['--tenant', slug]);
    expect(ok.stdout).toContain(`key ${key.keyId}`);
    expect(ok.stdout).toMatch(new RegExp(`^${slug}: ok, 3 entries, head 3 \\([0-9a-f]{8}…\\), 1 checkpoint$`, 'm'));

    const broken = await tenantWithChain('cli-broken', 3);
    await tamper(broken, (tx) => tx.update(activityLog).set({ action: 'erased' }).where(atSeq(broken, 2)));
    const failure = await cli(['--', '--tenant', broken]).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/: BROKEN at seq 2 \(id [0-9a-f-]{36}\): hash_mismatch/);
  });
});

describe('after the tampering tests', () => {
  it('the append-only trigger is enabled again', async () => {
    const [trigger] = await owner.sql<{ enabled: string }[]>`
      select tgenabled as enabled from pg_trigger where tgname = 'activity_log_append_only'`;
    expect(trigger?.enabled).toBe('O');
  });
});
