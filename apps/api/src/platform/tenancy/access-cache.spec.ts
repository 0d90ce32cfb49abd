import type { DatabaseHandle } from '@ontrack/db/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config/config.schema.js';
import { ACCESS_CHANNEL, AccessCache } from './access-cache.js';
import type { MemberAccess } from './tenancy.repository.js';

// The rules of what may be answered from memory. The LISTEN connection is replaced by its two callbacks (the
// cache's own logic is what is tested here); test/e2e/access-cache.e2e.spec.ts runs it on PostgreSQL's NOTIFY.
const TENANT = '01970000-0000-7000-8000-0000000000a1';
const OTHER_TENANT = '01970000-0000-7000-8000-0000000000a2';
const USER = '01970000-0000-7000-8000-0000000000b1';
const SESSION = '01970000-0000-7000-8000-0000000000c1';

const active: MemberAccess = {
  email: 'office@example.test',
  status: 'active',
  roles: ['office_staff'],
  scopes: ['tenant'],
  permissions: ['contacts:read'],
};

function harness(settings: { ttlMs?: number; maxEntries?: number } = {}) {
  const listener: { notify?: (payload: string) => void; established?: () => void } = {};
  const database = {
    sql: {
      listen: (channel: string, notify: (payload: string) => void, established: () => void) => {
        expect(channel).toBe(ACCESS_CHANNEL);
        Object.assign(listener, { notify, established });
        return Promise.resolve({ unlisten: async () => undefined });
      },
      notify: async (_channel: string, payload: string) => listener.notify?.(payload),
    },
  } as unknown as DatabaseHandle;
  const config = {
    ACCESS_CACHE_TTL_MS: settings.ttlMs ?? 30_000,
    ACCESS_CACHE_MAX_ENTRIES: settings.maxEntries ?? 100,
  } as AppConfig;
  const cache = new AccessCache(config, database);
  cache.onApplicationBootstrap();
  return { cache, listener };
}

/** USER's membership of both tenants, then one of USER's sessions (live for a minute). */
function rememberBothTenantsAndSession(cache: AccessCache): void {
  cache.rememberMember(cache.beginRead(), TENANT, USER, active);
  cache.rememberMember(cache.beginRead(), OTHER_TENANT, USER, active);
  cache.rememberSession(cache.beginRead(), SESSION, {
    userId: USER,
    portalTenantId: null,
    expiresAt: Date.now() + 60_000,
  });
}

describe('AccessCache', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z'), toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps nothing until LISTEN holds, and drops everything when it is established again', () => {
    const { cache, listener } = harness();
    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    expect(cache.enabled).toBe(false);
    expect(cache.member(TENANT, USER)).toBeUndefined();

    listener.established?.();
    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    expect(cache.member(TENANT, USER)).toEqual(active);
    // A reconnect: what was announced while the connection was down is lost, so nothing kept can be trusted.
    listener.established?.();
    expect(cache.member(TENANT, USER)).toBeUndefined();
  });

  it('keeps only active memberships', () => {
    const { cache, listener } = harness();
    listener.established?.();
    cache.rememberMember(cache.beginRead(), TENANT, USER, { ...active, status: 'suspended' });
    cache.rememberMember(cache.beginRead(), OTHER_TENANT, USER, { ...active, status: 'invited' });
    expect(cache.member(TENANT, USER)).toBeUndefined();
    expect(cache.member(OTHER_TENANT, USER)).toBeUndefined();
  });

  it('does not keep a read that a change overtook', () => {
    const { cache, listener } = harness();
    listener.established?.();
    const before = cache.beginRead();
    listener.notify?.(`tenant:${OTHER_TENANT}`); // any change: the read may have seen the old state
    cache.rememberMember(before, TENANT, USER, active);
    expect(cache.member(TENANT, USER)).toBeUndefined();
    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    expect(cache.member(TENANT, USER)).toEqual(active);
  });

  it('forgets a tenant’s memberships, or a user’s memberships and sessions, as announced', () => {
    const { cache, listener } = harness();
    listener.established?.();
    const remember = () => rememberBothTenantsAndSession(cache);
    remember();
    listener.notify?.(`tenant:${TENANT}`);
    expect(cache.member(TENANT, USER)).toBeUndefined();
    expect(cache.member(OTHER_TENANT, USER)).toEqual(active);
    expect(cache.session(SESSION, USER)).toBeDefined();

    remember();
    cache.forget([`user:${USER}`]); // the commit path: keys read from app.access_changed
    expect(cache.member(TENANT, USER)).toBeUndefined();
    expect(cache.member(OTHER_TENANT, USER)).toBeUndefined();
    expect(cache.session(SESSION, USER)).toBeUndefined();
  });

  it('answers for a session only to its user, and only until its expiry or the TTL', () => {
    const { cache, listener } = harness({ ttlMs: 10_000 });
    listener.established?.();
    cache.rememberSession(cache.beginRead(), SESSION, {
      userId: USER,
      portalTenantId: null,
      expiresAt: Date.now() + 5_000,
    });
    expect(cache.session(SESSION, USER)).toBeDefined();
    expect(cache.session(SESSION, '01970000-0000-7000-8000-0000000000b2')).toBeUndefined();
    vi.setSystemTime(Date.now() + 5_000);
    expect(cache.session(SESSION, USER)).toBeUndefined();

    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    vi.setSystemTime(Date.now() + 9_999);
    expect(cache.member(TENANT, USER)).toEqual(active);
    vi.setSystemTime(Date.now() + 1);
    expect(cache.member(TENANT, USER)).toBeUndefined();
  });

  it('starts over when full rather than growing without bound', () => {
    const { cache, listener } = harness({ maxEntries: 2 });
    listener.established?.();
    rememberBothTenantsAndSession(cache); // the session is the third entry
    expect(cache.member(TENANT, USER)).toBeUndefined();
    expect(cache.session(SESSION, USER)).toBeDefined();
  });

  it('settles once its own notification is back, after every change announced before it', async () => {
    const { cache, listener } = harness();
    listener.established?.();
    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    const settled = cache.settle();
    await settled;
    expect(cache.member(TENANT, USER)).toEqual(active); // a barrier forgets nothing
  });

  it('is off with a TTL of 0', () => {
    const { cache, listener } = harness({ ttlMs: 0 });
    expect(listener.established).toBeUndefined();
    cache.rememberMember(cache.beginRead(), TENANT, USER, active);
    expect(cache.member(TENANT, USER)).toBeUndefined();
  });
});
