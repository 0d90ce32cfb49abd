import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import type { SupportAccessGrantView, SupportAccessPage } from '@ontrack/schemas/support-access';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SupportAccessModule } from '../../src/modules/support-access/support-access.module.js';
import { type ApiCall, callApi, type RunningApi, startApi } from './start-api.js';

const { operator, demoAdmin, demoCrew, otherAdmin } = SEED_USER_IDS;
const REASON = 'Customer reported that invoices do not send (ticket 4711).';

describe('support access: request, grant, use, revoke, expiry', () => {
  let api: RunningApi;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    api = await startApi({}, undefined, [SupportAccessModule]);
  });
  afterAll(async () => {
    await api.close();
    await owner.end();
  });

  const call = <T = Record<string, unknown>>(path: string, options: ApiCall & { user: string }) =>
    callApi<T>(api, path, options);

  const requestAccess = (minutes = 30, tenant = DEMO_TENANT_ID) =>
    call<SupportAccessGrantView>('/support-access/requests', {
      user: operator,
      tenant,
      method: 'POST',
      body: { reason: REASON, minutes },
    });
  const decide = (id: string, verb: 'grant' | 'deny' | 'revoke', user: string = demoAdmin, tenant = 'demo') =>
    call<SupportAccessGrantView>(`/support-access/${id}/${verb}`, { user, tenant, method: 'POST' });
  const operatorReadsTenant = () => call('/tenant', { user: operator, tenant: DEMO_TENANT_ID });
  const activityOf = (grantId: string) => owner<{ action: string; actor_type: string; actor_label: string }[]>`
    select action, actor_type::text, actor_label, summary from activity_log
    where tenant_id = ${DEMO_TENANT_ID} and entity_type = 'support_access_grant' and entity_id = ${grantId}
    order by seq`;

  let grantId: string;

  it('an operator without a grant gets 403, like anyone who is not a member', async () => {
    expect((await operatorReadsTenant()).status).toBe(403);
  });

  it('validates the request: reason 10-500 characters, 15-480 minutes', async () => {
    const { status, body } = await call<{ errors: { field: string }[] }>('/support-access/requests', {
      user: operator,
      tenant: DEMO_TENANT_ID,
      method: 'POST',
      body: { reason: 'help', minutes: 5 },
    });
    expect(status).toBe(422);
    expect(body.errors.map((error) => error.field).sort()).toEqual(['minutes', 'reason']);
    expect((await requestAccess(481)).status).toBe(422);
  });

  it('the operator asks: a `requested` grant, recorded in the tenant’s log, not usable yet', async () => {
    const { status, body } = await requestAccess(30);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      operatorUserId: operator,
      operatorEmail: 'support@ontrack.test',
      reason: REASON,
      requestedMinutes: 30,
      status: 'requested',
      decidedByUserId: null,
      expiresAt: null,
      active: false,
    });
    grantId = body.id;
    expect(await activityOf(grantId)).toMatchObject([
      { action: 'request', actor_type: 'user', actor_label: 'support@ontrack.test' },
    ]);
    expect((await operatorReadsTenant()).status).toBe(403);
  });

  it('the admin sees the request with the operator’s email; crew may not list grants', async () => {
    const { status, body } = await call<SupportAccessPage>('/support-access', { user: demoAdmin, tenant: 'demo' });
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ id: grantId, status: 'requested', operatorEmail: 'support@ontrack.test' });
    expect((await call('/support-access', { user: demoCrew, tenant: 'demo' })).status).toBe(403);
  });

  it('the admin grants: expires after the requested minutes; a second decision is a 409', async () => {
    const before = Date.now();
    const { status, body } = await decide(grantId, 'grant');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'granted',
      decidedByUserId: demoAdmin,
      operatorEmail: 'support@ontrack.test',
      active: true,
    });
    const expiresIn = Date.parse(body.expiresAt ?? '') - before;
    expect(expiresIn).toBeGreaterThan(29 * 60_000);
    expect(expiresIn).toBeLessThan(31 * 60_000);
    for (const verb of ['grant', 'deny'] as const) {
      const again = await decide(grantId, verb);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ status: 409, detail: expect.stringMatching(/is granted/) });
    }
  });

  it('the operator reads under the grant, each use logged as actor type support', async () => {
    const { status, body } = await operatorReadsTenant();
    expect(status).toBe(200);
    expect(body.id).toBe(DEMO_TENANT_ID);
    expect((await activityOf(grantId)).at(-1)).toMatchObject({
      action: 'use',
      actor_type: 'support',
      actor_label: 'support@ontrack.test',
      summary: { method: 'GET', path: '/api/v1/tenant' },
    });
  });

  it('the grant is read-only and for this business only', async () => {
    const patch = await call('/tenant', {
      user: operator,
      tenant: DEMO_TENANT_ID,
      method: 'PATCH',
      body: { name: 'Support was here' },
    });
    expect(patch.status).toBe(403);
    expect((await call('/tenant', { user: operator, tenant: OTHER_TENANT_ID })).status).toBe(403);
    const [tenant] = await owner`select name from tenants where id = ${DEMO_TENANT_ID}`;
    expect(tenant?.name).toBe('Evergreen Landscaping');
  });

  it('the admin revokes: the operator’s next request is refused; only a granted access can be revoked', async () => {
    const { status, body } = await decide(grantId, 'revoke');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'revoked', active: false });
    expect((await operatorReadsTenant()).status).toBe(403);
    expect((await decide(grantId, 'revoke')).status).toBe(409);
    expect((await decide(grantId, 'grant')).status).toBe(409);
    expect((await activityOf(grantId)).map((entry) => entry.action)).toEqual(['request', 'grant', 'use', 'revoke']);
  });

  it('an expired grant gives no access', async () => {
    const requested = await requestAccess(15);
    expect((await decide(requested.body.id, 'grant')).status).toBe(200);
    expect((await operatorReadsTenant()).status).toBe(200);
    await owner`update support_access_grants set expires_at = now() - interval '1 second' where id = ${requested.body.id}`;
    expect((await operatorReadsTenant()).status).toBe(403);
    const listed = await call<SupportAccessPage>('/support-access', { user: demoAdmin, tenant: 'demo' });
    expect(listed.body.items.find((item) => item.id === requested.body.id)).toMatchObject({
      status: 'granted',
      active: false,
    });
  });

  it('the admin denies a request; a denied request cannot be granted', async () => {
    const requested = await requestAccess(60);
    const { status, body } = await decide(requested.body.id, 'deny');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'denied', decidedByUserId: demoAdmin, expiresAt: null, active: false });
    expect((await decide(requested.body.id, 'grant')).status).toBe(409);
    expect((await operatorReadsTenant()).status).toBe(403);
  });

  it('only platform operators may ask, and only for a business that exists', async () => {
    for (const user of [otherAdmin, demoAdmin, demoCrew]) {
      const { status } = await call('/support-access/requests', {
        user,
        tenant: DEMO_TENANT_ID,
        method: 'POST',
        body: { reason: REASON, minutes: 30 },
      });
      expect({ user, status }).toEqual({ user, status: 403 });
    }
    expect((await requestAccess(30, '01970000-0000-7000-8000-00000000dead')).status).toBe(404);
  });

  it('the admin of another business neither sees nor decides this business’s grants (404)', async () => {
    const listed = await call<SupportAccessPage>('/support-access', { user: otherAdmin, tenant: 'other' });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item) => item.id)).not.toContain(grantId);
    const requested = await requestAccess(30);
    for (const verb of ['grant', 'deny', 'revoke'] as const) {
      const { status } = await decide(requested.body.id, verb, otherAdmin, 'other');
      expect({ verb, status }).toEqual({ verb, status: 404 });
    }
    expect((await decide(requested.body.id, 'grant', otherAdmin, 'demo')).status).toBe(403);
    const [row] = await owner`select status::text from support_access_grants where id = ${requested.body.id}`;
    expect(row?.status).toBe('requested');
  });

  it('lists newest first with cursor pagination; refuses malformed ids and cursors', async () => {
    const all = await call<SupportAccessPage>('/support-access?limit=100', { user: demoAdmin, tenant: 'demo' });
    const ids = all.body.items.map((item) => item.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect([...ids].sort().reverse()).toEqual(ids);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await call<SupportAccessPage>(`/support-access${query}`, { user: demoAdmin, tenant: 'demo' });
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);

    const bad = await call<{ errors: { in: string; field: string }[] }>('/support-access?cursor=nope!&limit=0', {
      user: demoAdmin,
      tenant: 'demo',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error) => error.field).sort()).toEqual(['cursor', 'limit']);
    const badId = await decide('not-a-uuid', 'grant');
    expect(badId.status).toBe(422);
  });
});
