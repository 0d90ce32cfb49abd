import { defaultRoleId } from '@ontrack/db/default-roles';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type IssuedSession, SessionService } from '../../src/modules/auth/session.service.js';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import { AccessCache } from '../../src/platform/tenancy/access-cache.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import { accessChanged, type RunningApi, startApi } from './start-api.js';

const CLIENT = { ip: '127.0.0.1', userAgent: 'access-cache.e2e' };

// The tenant guard answers from memory what it read about a session and a membership
// (platform/tenancy/access-cache.ts). What matters is that it never answers with access that was taken away:
// at once for changes made through this API, as soon as the notification arrives for changes made elsewhere.
describe('access cache: sessions and memberships reused until they change', () => {
  let api: RunningApi;
  let other: RunningApi;
  let tenant: TestTenant<'admin' | 'office' | 'suspendable' | 'demoted' | 'signsOut'>;
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });

  beforeAll(async () => {
    [api, other] = await Promise.all([startApi(), startApi()]);
    tenant = await createTestTenant(inject('ownerDatabaseUrl'), {
      admin: { roles: ['admin'] },
      office: { roles: ['office_staff'] },
      suspendable: { roles: ['office_staff'] },
      demoted: { roles: ['office_staff'] },
      signsOut: { roles: ['office_staff'] },
    });
    // Each API's LISTEN is established shortly after it starts; the tests below rely on the cache being on.
    await Promise.all([api, other].map((instance) => waitUntilEnabled(instance.app.get(AccessCache))));
  });
  afterAll(async () => {
    await Promise.all([api?.close(), other?.close()]);
    await owner.end();
  });

  const signIn = (userId: string): Promise<IssuedSession> =>
    api.app.get(SessionService).start({ userId, method: 'magic_link' }, CLIENT);

  /** `as`: a session, or a bare access token (no session: what the tests and `auth:dev-token` sign). */
  async function call(
    on: RunningApi,
    as: IssuedSession | string,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<number> {
    const response = await fetch(`${on.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${typeof as === 'string' ? as : as.accessToken}`,
        'x-tenant-id': tenant.id,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('remembers the live session and the active membership of a granted request, and answers from them', async () => {
    const session = await signIn(tenant.users.office);
    const cache = api.app.get(AccessCache);
    expect(cache.member(tenant.id, tenant.users.office)).toBeUndefined();
    expect(await call(api, session, '/contacts')).toBe(200);
    expect(cache.member(tenant.id, tenant.users.office)).toMatchObject({
      status: 'active',
      roles: ['office_staff'],
      permissions: expect.arrayContaining(['contacts:read', 'contacts:write']),
    });
    expect(cache.session(session.sessionId, tenant.users.office)).toMatchObject({ userId: tenant.users.office });
    // Another user presenting the session id is not answered from it.
    expect(cache.session(session.sessionId, tenant.users.admin)).toBeUndefined();
    expect(await call(api, session, '/contacts')).toBe(200);
  });

  it('a sign-out through the API holds for the very next request', async () => {
    const session = await signIn(tenant.users.signsOut);
    expect(await call(api, session, '/contacts')).toBe(200);
    expect(api.app.get(AccessCache).session(session.sessionId, tenant.users.signsOut)).toBeDefined();
    expect(await call(api, session, '/auth/sign-out', { method: 'POST' })).toBe(204);
    expect(api.app.get(AccessCache).session(session.sessionId, tenant.users.signsOut)).toBeUndefined();
    expect(await call(api, session, '/contacts')).toBe(401);
  });

  it('a role change through the API holds for the very next request', async () => {
    // An Admin's session would owe a second factor first; a token without a session is an Admin all the same.
    const admin = await api.app.get(AccessTokens).sign({ sub: tenant.users.admin });
    const demoted = await signIn(tenant.users.demoted);
    expect(await call(api, demoted, '/contacts', { method: 'POST', body: { displayName: 'Before' } })).toBe(201);
    const crew = defaultRoleId(tenant.id, 'crew');
    const body = { status: 'active', roleIds: [crew] };
    expect(await call(api, admin, `/members/${tenant.users.demoted}`, { method: 'PATCH', body })).toBe(200);
    expect(await call(api, demoted, '/contacts', { method: 'POST', body: { displayName: 'After' } })).toBe(403);
  });

  it('a change made elsewhere reaches every API process by notification', async () => {
    const session = await signIn(tenant.users.suspendable);
    // Both processes have read (and kept) the membership.
    expect(await call(api, session, '/contacts')).toBe(200);
    expect(await call(other, session, '/contacts')).toBe(200);
    expect(other.app.get(AccessCache).member(tenant.id, tenant.users.suspendable)).toBeDefined();

    await owner`update memberships set status = 'suspended' where tenant_id = ${tenant.id} and user_id = ${tenant.users.suspendable}`;
    await Promise.all([accessChanged(api), accessChanged(other)]);
    expect(api.app.get(AccessCache).member(tenant.id, tenant.users.suspendable)).toBeUndefined();
    expect(await call(api, session, '/contacts')).toBe(403);
    expect(await call(other, session, '/contacts')).toBe(403);

    // A refusal is never kept: reactivated, the member is let in again on the next request.
    await owner`update memberships set status = 'active' where tenant_id = ${tenant.id} and user_id = ${tenant.users.suspendable}`;
    expect(await call(other, session, '/contacts')).toBe(200);
  });

  it('a session revoked elsewhere (another process, a script) is refused once announced', async () => {
    const session = await signIn(tenant.users.office);
    expect(await call(other, session, '/contacts')).toBe(200);
    await owner`update sessions set revoked_at = now(), revoked_reason = 'test' where id = ${session.sessionId}`;
    await accessChanged(other);
    expect(await call(other, session, '/contacts')).toBe(401);
  });

  it('with ACCESS_CACHE_TTL_MS=0 nothing is kept: every request reads the session and the membership', async () => {
    const uncached = await startApi({ ACCESS_CACHE_TTL_MS: '0' });
    try {
      const session = await signIn(tenant.users.office);
      expect(await call(uncached, session, '/contacts')).toBe(200);
      const cache = uncached.app.get(AccessCache);
      expect(cache.enabled).toBe(false);
      expect(cache.member(tenant.id, tenant.users.office)).toBeUndefined();
      // Not even a notification is needed for a change to hold.
      await owner`update sessions set revoked_at = now(), revoked_reason = 'test' where id = ${session.sessionId}`;
      expect(await call(uncached, session, '/contacts')).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});

async function waitUntilEnabled(cache: AccessCache): Promise<void> {
  for (let attempt = 0; attempt < 200 && !cache.enabled; attempt++) await new Promise((r) => setTimeout(r, 25));
  expect(cache.enabled).toBe(true);
}
