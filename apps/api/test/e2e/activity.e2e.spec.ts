import { type ActivityEntryInput, appendActivity } from '@ontrack/db/activity-chain';
import { loadSigningKey } from '@ontrack/db/activity-checkpoints';
import { createDatabase, type DatabaseHandle } from '@ontrack/db/client';
import { provisionDefaultLeadStages } from '@ontrack/db/default-lead-stages';
import { defaultRoleId, provisionDefaultRoles } from '@ontrack/db/default-roles';
import { newId } from '@ontrack/db/ids';
import { activityCheckpoints } from '@ontrack/db/schema/activity';
import { memberships } from '@ontrack/db/schema/memberships';
import { userRoles } from '@ontrack/db/schema/rbac';
import { tenants } from '@ontrack/db/schema/tenants';
import { users } from '@ontrack/db/schema/users';
import { OTHER_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import { applySessionContext } from '@ontrack/db/session-context';
import type { ActivityPage, AuditVerifyResult } from '@ontrack/schemas/activity';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ActivityModule } from '../../src/modules/activity/activity.module.js';
import { DATABASE } from '../../src/platform/db/database.module.js';
import { signCheckpointsAt } from './audit-checkpoint-helpers.js';
import { callApi, type RunningApi, startApi } from './start-api.js';
import { TEST_SIGNING_KEY_PEM } from './test-signing-key.js';

const SIGNING_KEY_PEM = TEST_SIGNING_KEY_PEM;

describe('activity feed, entity timeline and chain verification over HTTP', () => {
  let plain: RunningApi;
  let signed: RunningApi;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  const ownerDb = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
  // A business of this file's own, so the chain holds exactly what the tests put there.
  let tenant: { tenantId: string; adminId: string; email: string };
  const actorB = newId();
  const byB = { actorUserId: actorB, actorLabel: 'b@audit.test' };
  const bySystem = { actorType: 'system', actorUserId: null, actorLabel: 'import' } as const;
  const salesExport = { entityType: 'report', entityId: 'sales', action: 'read', sensitiveRead: true };
  const seqs: Record<string, number> = {};

  beforeAll(async () => {
    plain = await startApi({}, undefined, [ActivityModule]);
    signed = await startApi({ AUDIT_SIGNING_KEY: SIGNING_KEY_PEM }, undefined, [ActivityModule]);
    tenant = await createTenant('feed');
    const { adminId, tenantId } = tenant;
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10));
    const entry = (label: string, fields: Partial<ActivityEntryInput>): [string, ActivityEntryInput] => [
      label,
      {
        tenantId,
        actorType: 'user',
        actorUserId: adminId,
        actorLabel: tenant.email,
        entityType: 'invoice',
        action: 'update',
        ...fields,
      },
    ];
    const entries = [
      entry('inv1-create', { entityId: 'inv-1', action: 'create', occurredAt: at(1), summary: { total: 100 } }),
      entry('inv1-update', { entityId: 'inv-1', occurredAt: at(2), summary: { total: [100, 120] } }),
      entry('c1-create', { ...byB, entityType: 'contact', entityId: 'c-1', action: 'create', occurredAt: at(3) }),
      entry('inv2-create', { ...byB, entityId: 'inv-2', action: 'create', occurredAt: at(4) }),
      entry('export', { ...salesExport, occurredAt: at(5) }),
      entry('inv1-update-b', { ...byB, entityId: 'inv-1', occurredAt: at(6), summary: { due: ['a', 'b'] } }),
      entry('c1-delete', { ...bySystem, entityType: 'contact', entityId: 'c-1', action: 'delete', occurredAt: at(7) }),
    ];
    const rows = await ownerDb.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'test' });
      return appendActivity(
        tx,
        entries.map(([, input]) => input),
      );
    });
    entries.forEach(([label], index) => {
      seqs[label] = rows[index]?.seq ?? -1;
    });
  });
  afterAll(async () => {
    await Promise.all([plain.close(), signed.close()]);
    await owner.end();
    await ownerDb.close();
  });

  async function createTenant(label: string) {
    const tenantId = newId();
    const adminId = newId();
    const email = `admin-${label}-${tenantId.slice(-8)}@audit.test`;
    await ownerDb.db.transaction(async (tx) => {
      await applySessionContext(tx, { system: 'test' });
      await tx.insert(users).values({ id: adminId, email, name: 'Audit Admin' });
    });
    await ownerDb.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId, system: 'test' });
      await tx.insert(tenants).values({ id: tenantId, slug: `${label}-${tenantId.slice(-8)}`, name: `Audit ${label}` });
      await provisionDefaultRoles(tx, tenantId);
      await provisionDefaultLeadStages(tx, tenantId);
      await tx.insert(memberships).values({ tenantId, userId: adminId, status: 'active', activatedAt: new Date() });
      await tx.insert(userRoles).values({ tenantId, userId: adminId, roleId: defaultRoleId(tenantId, 'admin') });
    });
    return { tenantId, adminId, email };
  }

  async function call<T>(
    path: string,
    { api = plain, user = tenant.adminId, tenantId = tenant.tenantId, method = 'GET' } = {},
  ) {
    return callApi<T>(api, path, { user, tenant: tenantId, method });
  }
  const feed = async (query = '', options: Parameters<typeof call>[1] = {}) => {
    const { status, body } = await call<ActivityPage>(`/activity${query}`, options);
    expect(status).toBe(200);
    return body;
  };
  const seqsOf = (page: ActivityPage) => page.items.map((item) => item.seq);
  const seqsOfLabels = (...labels: string[]) => labels.map((label) => seqs[label]);
  const verify = (api = plain, who: { user?: string; tenantId?: string } = {}) =>
    call<AuditVerifyResult>('/audit/verify', { api, method: 'POST', ...who });
  const countEntries = async (tenantId: string) =>
    (await owner<{ n: number }[]>`select count(*)::int as n from activity_log where tenant_id = ${tenantId}`)[0]?.n;

  it('lists the feed newest first, page by page, until nextCursor is null', async () => {
    const first = await feed('?limit=3');
    expect(seqsOf(first)).toEqual([7, 6, 5]);
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      seq: 7,
      occurredAt: '2026-01-07T10:00:00.000Z',
      actorType: 'system',
      actorUserId: null,
      actorLabel: 'import',
      entityType: 'contact',
      entityId: 'c-1',
      action: 'delete',
      summary: {},
      sensitiveRead: false,
      requestId: null,
      ip: null,
      userAgent: null,
    });
    const second = await feed(`?limit=3&cursor=${first.nextCursor}`);
    expect(seqsOf(second)).toEqual([4, 3, 2]);
    const last = await feed(`?limit=3&cursor=${second.nextCursor}`);
    expect(seqsOf(last)).toEqual([1]);
    expect(last.nextCursor).toBeNull();
    expect(seqsOf(await feed())).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it.each([
    ['?entityType=invoice', ['inv1-update-b', 'inv2-create', 'inv1-update', 'inv1-create']],
    ['?entityType=invoice&entityId=inv-1', ['inv1-update-b', 'inv1-update', 'inv1-create']],
    ['?actorUserId=ACTOR_B', ['inv1-update-b', 'inv2-create', 'c1-create']],
    ['?action=create', ['inv2-create', 'c1-create', 'inv1-create']],
    ['?sensitiveRead=true', ['export']],
    ['?sensitiveRead=false&entityType=contact', ['c1-delete', 'c1-create']],
    ['?from=2026-01-03T10:00:00Z&to=2026-01-05T10:00:00.000Z', ['inv2-create', 'c1-create']],
    ['?from=2026-01-06T10:00:00Z', ['c1-delete', 'inv1-update-b']],
    ['?from=2026-01-06T04:00:00.001-06:00', ['c1-delete']],
    ['?entityType=invoice&actorUserId=ACTOR_B&limit=1', ['inv1-update-b']],
    ['?entityType=nothing_here', []],
  ])('filters %s', async (query, labels) => {
    const page = await feed(query.replace('ACTOR_B', actorB));
    expect(seqsOf(page)).toEqual(seqsOfLabels(...labels));
  });

  it('shows one entity’s timeline, with the same pagination', async () => {
    const first = await call<ActivityPage>('/activity/entities/invoice/inv-1?limit=2');
    expect(first.status).toBe(200);
    expect(seqsOf(first.body)).toEqual(seqsOfLabels('inv1-update-b', 'inv1-update'));
    expect(first.body.items[0]?.summary).toEqual({ due: ['a', 'b'] });
    const rest = await call<ActivityPage>(`/activity/entities/invoice/inv-1?limit=2&cursor=${first.body.nextCursor}`);
    expect(seqsOf(rest.body)).toEqual(seqsOfLabels('inv1-create'));
    expect(rest.body.nextCursor).toBeNull();
    expect(seqsOf((await call<ActivityPage>('/activity/entities/contact/c-9')).body)).toEqual([]);
  });

  it('422 naming every bad filter', async () => {
    const query =
      '?limit=0&actorUserId=nope&from=yesterday&sensitiveRead=maybe&cursor=xyz&entityType=Invoice!&colour=red';
    const { status, body } = await call<{ errors: { in: string; field: string; detail: string }[] }>(
      `/activity${query}`,
    );
    expect(status).toBe(422);
    expect(body.errors.every((error) => error.in === 'query')).toBe(true);
    expect(body.errors.map((error) => error.field).sort()).toEqual(
      ['actorUserId', 'colour', 'cursor', 'entityType', 'from', 'limit', 'sensitiveRead'].sort(),
    );
    expect(body.errors.find((error) => error.field === 'colour')?.detail).toBe('colour is not a known field');

    for (const bad of ['?limit=101', '?limit=2.5', '?to=2026-01-01T00:00:00Z&from=2026-01-02T00:00:00Z']) {
      const response = await call<{ errors: { field: string }[] }>(`/activity${bad}`);
      expect({ bad, status: response.status }).toEqual({ bad, status: 422 });
    }
    const path = await call<{ errors: { in: string; field: string }[] }>('/activity/entities/Invoice!/x');
    expect(path.status).toBe(422);
    expect(path.body.errors).toMatchObject([{ in: 'path', field: 'entityType' }]);
  });

  it('403 without activity:read (crew)', async () => {
    const { status, body } = await call<{ detail: string }>('/activity', {
      user: SEED_USER_IDS.demoCrew,
      tenantId: 'demo',
    });
    expect(status).toBe(403);
    expect(body.detail).toMatch(/activity:read/);
  });

  it('another business sees none of these entries, and these entries show nothing of it', async () => {
    const marker = `marker-${newId()}`;
    await ownerDb.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: OTHER_TENANT_ID, system: 'test' });
      await appendActivity(tx, [
        {
          tenantId: OTHER_TENANT_ID,
          actorType: 'system',
          actorLabel: 'test',
          entityType: 'invoice',
          entityId: marker,
          action: 'create',
        },
      ]);
    });
    const asOther = { user: SEED_USER_IDS.otherAdmin, tenantId: 'other' };
    expect((await feed(`?entityId=${marker}`, asOther)).items).toHaveLength(1);
    expect((await feed(`?entityId=${marker}`)).items).toHaveLength(0);
    expect((await feed('?entityType=invoice&entityId=inv-1', asOther)).items).toHaveLength(0);
    expect((await call<ActivityPage>('/activity/entities/invoice/inv-1', asOther)).body.items).toHaveLength(0);
    const ours = new Set((await feed()).items.map((item) => item.id));
    let cursor: string | null = null;
    do {
      const page: ActivityPage = await feed(`?limit=100${cursor ? `&cursor=${cursor}` : ''}`, asOther);
      expect(page.items.filter((item) => ours.has(item.id))).toEqual([]);
      cursor = page.nextCursor;
    } while (cursor);
    // Naming this business does not help the other admin either.
    expect((await call('/activity', { user: SEED_USER_IDS.otherAdmin })).status).toBe(403);
  });

  it('reading the feed is not itself recorded', async () => {
    const before = await countEntries(tenant.tenantId);
    await feed();
    await feed('?sensitiveRead=true');
    await call('/activity/entities/invoice/inv-1');
    expect(await countEntries(tenant.tenantId)).toBe(before);
  });

  it('verifies the chain (signatures not checked without a key) and records the verification as a sensitive read', async () => {
    const { status, body } = await verify();
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, entries: 7, head: { seq: 7 }, checkpoints: 'not_checked' });
    expect(body.brokenAt).toBeUndefined();
    const [recorded] = (await feed('?sensitiveRead=true&limit=1')).items;
    expect(recorded).toMatchObject({
      seq: 8,
      entityType: 'activity_log',
      action: 'verify',
      actorUserId: tenant.adminId,
      actorLabel: tenant.email,
      sensitiveRead: true,
      summary: { ok: true, entries: 7, headSeq: 7, checkpoints: 'not_checked' },
    });
    expect((await verify(plain, { user: SEED_USER_IDS.demoCrew, tenantId: 'demo' })).status).toBe(403);
  });

  it('with AUDIT_SIGNING_KEY, checks checkpoint signatures against the server’s key', async () => {
    const { db } = signed.app.get<DatabaseHandle>(DATABASE);
    const at = new Date('2041-03-03T03:30:00Z');
    const { outcomes } = await signCheckpointsAt(db, loadSigningKey(SIGNING_KEY_PEM), at, [tenant.tenantId]);
    expect([...outcomes.values()]).toEqual(['done']);
    const { body } = await verify(signed);
    expect(body).toMatchObject({ ok: true, entries: 8, checkpoints: 'verified' });
    expect(body.checkpointCount).toBeGreaterThanOrEqual(1);

    // A checkpoint that was not signed with the server's key: caught with the key, not without it.
    const forged = await createTenant('forged');
    await ownerDb.db.transaction(async (tx) => {
      await applySessionContext(tx, { tenantId: forged.tenantId, system: 'test' });
      const [row] = await appendActivity(tx, [
        { tenantId: forged.tenantId, actorType: 'system', actorLabel: 'test', entityType: 'x', action: 'create' },
      ]);
      await tx.insert(activityCheckpoints).values({
        tenantId: forged.tenantId,
        period: '1999-01-01T00',
        seq: 1,
        hash: row?.hash ?? '',
        keyId: loadSigningKey(SIGNING_KEY_PEM).keyId,
        signature: Buffer.alloc(64).toString('base64'),
        signedAt: new Date(),
      });
    });
    const asForged = { user: forged.adminId, tenantId: forged.tenantId };
    expect((await verify(signed, asForged)).body).toMatchObject({
      ok: false,
      brokenAt: { seq: 1, reason: 'checkpoint_signature_invalid', period: '1999-01-01T00' },
    });
    expect((await verify(plain, asForged)).body).toMatchObject({ ok: true, checkpoints: 'not_checked' });
  });

  it('reports the first broken link after a superuser edits an entry with the trigger disabled', async () => {
    // One owner transaction: the trigger is off only inside it, so no other test can ever see it disabled.
    await owner.begin(async (sql) => {
      await sql`alter table activity_log disable trigger activity_log_append_only`;
      await sql`update activity_log set summary = ${sql.json({ total: [100, 99] })}
                where tenant_id = ${tenant.tenantId} and seq = ${seqs['inv1-update'] ?? -1}`;
      await sql`alter table activity_log enable trigger activity_log_append_only`;
    });
    const { status, body } = await verify();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: false,
      entries: 1,
      brokenAt: { seq: 2, reason: 'hash_mismatch' },
    });
    expect(body.head.seq).toBeGreaterThanOrEqual(9);
    const [recorded] = (await feed('?action=verify&limit=1')).items;
    expect(recorded?.summary).toMatchObject({ ok: false, brokenAt: { seq: 2, reason: 'hash_mismatch' } });
  });
});
