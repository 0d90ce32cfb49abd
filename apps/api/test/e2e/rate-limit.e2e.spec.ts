import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_TENANT_ID, OTHER_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import { PROBLEM_CONTENT_TYPE } from '@ontrack/schemas/problem';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/load-config.js';
import { TooManyRequestsException } from '../../src/platform/rate-limit/rate-limit.reply.js';
import { RateLimiter } from '../../src/platform/rate-limit/rate-limiter.js';
import { callApi, type RunningApi, startApi } from './start-api.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Rate limits against a real Redis, through the whole API. Every run (and every describe) uses a key prefix
 * of its own, so parallel runs sharing the Redis never see each other's counters.
 */
describe('per-tenant rate limit over HTTP, counted in Redis', () => {
  const prefix = `ontrack-test:${randomUUID()}`;
  const env = {
    REDIS_URL,
    RATE_LIMIT_PREFIX: prefix,
    RATE_LIMITS: JSON.stringify({ 'tenant:api': { points: 4, duration: 2 } }),
  };
  let first: RunningApi;
  let second: RunningApi;
  const redis = new Redis(REDIS_URL, { lazyConnect: true });

  beforeAll(async () => {
    // Two API processes sharing one Redis: the count is the deployment's, not each process's.
    [first, second] = await Promise.all([startApi(env), startApi(env)]);
    await redis.connect();
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const demo = (api: RunningApi) => callApi(api, '/tenant', { user: SEED_USER_IDS.demoAdmin, tenant: 'demo' });
  const other = (api: RunningApi) => callApi(api, '/tenant', { user: SEED_USER_IDS.otherAdmin, tenant: 'other' });

  it('refuses the request past the limit with a 429 problem and Retry-After, and lets it through after the window', async () => {
    // A member of another tenant naming demo is refused (403) before anything is counted for demo.
    for (let attempt = 0; attempt < 6; attempt++) {
      expect((await callApi(first, '/tenant', { user: SEED_USER_IDS.otherAdmin, tenant: 'demo' })).status).toBe(403);
    }

    const statuses = [await demo(first), await demo(second), await demo(first), await demo(second)].map(
      (reply) => reply.status,
    );
    expect(statuses).toEqual([200, 200, 200, 200]);

    const refused = await demo(first);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)).toBe(true);
    expect(refused.body).toMatchObject({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      instance: '/api/v1/tenant',
      requestId: refused.requestId,
    });
    expect(refused.body.detail).toMatch(/^Too many attempts\. Try again in [12] seconds?\.$/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // The other process agrees: the count lives in Redis.
    expect((await demo(second)).status).toBe(429);

    // The other tenant is not affected by demo's exhausted allowance.
    expect((await other(second)).status).toBe(200);

    // The counter is in Redis under the run's prefix, hashed (no tenant id in clear), and expires.
    const keys = await redis.keys(`${prefix}:tenant:api:*`);
    expect(keys).toHaveLength(2);
    expect(keys.join()).not.toContain(DEMO_TENANT_ID);
    expect(keys.join()).not.toContain(OTHER_TENANT_ID);
    for (const key of keys) expect(await redis.pttl(key)).toBeGreaterThan(0);

    await sleep(Math.max(retryAfter, 2) * 1000 + 100);
    expect((await demo(first)).status).toBe(200);
    expect((await demo(second)).status).toBe(200);
  });
});

describe('RateLimiter on Redis', () => {
  const prefix = `ontrack-test:${randomUUID()}`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_DATABASE_URL: 'postgres://app@127.0.0.1:5432/unused',
    REDIS_URL,
    RATE_LIMIT_PREFIX: prefix,
    RATE_LIMITS: JSON.stringify({
      'magic-link:email': { points: 2, duration: 60, ceiling: { points: 3, duration: 60 } },
      'refresh:session': { points: 1, duration: 1 },
    }),
  });
  // Connected lazily by the limiter itself, as the API's shared client is.
  const limiter = new RateLimiter(config, redis);

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts per (email, IP) under a per-email ceiling, storing no address in clear', async () => {
    const email = 'Victim@Example.com';
    await limiter.consume('magic-link:email', email, { ip: '203.0.113.66' });
    await limiter.consume('magic-link:email', email, { ip: '203.0.113.66' });
    await expect(limiter.consume('magic-link:email', email, { ip: '203.0.113.66' })).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
    // The real user, elsewhere, still gets a link; then the ceiling (3 for the address) is reached for everyone.
    await limiter.consume('magic-link:email', 'victim@example.com', { ip: '198.51.100.20' });
    await expect(limiter.consume('magic-link:email', email, { ip: '192.0.2.1' })).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );

    const keys = await redis.keys(`${prefix}:*`);
    expect(keys).toContain(limiter.storageKey('magic-link:email', email, { ip: '203.0.113.66' }));
    expect(keys.some((key) => key.startsWith(`${prefix}:magic-link:email:ceiling:`))).toBe(true);
    expect(keys.join()).not.toMatch(/victim|example|@|203\.0\.113/i);
  });

  it('expires a window in Redis: refused, then allowed again after its duration', async () => {
    await limiter.consume('refresh:session', 'session-1');
    const refused = await limiter.consume('refresh:session', 'session-1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyRequestsException);
    expect((refused as TooManyRequestsException).retryAfterSeconds).toBe(1);
    await sleep(1_100);
    await expect(limiter.consume('refresh:session', 'session-1')).resolves.toBeUndefined();
  });
});

describe('the per-tenant API ceiling, leased from Redis (RateLimitPolicy.leased)', () => {
  const prefix = `ontrack-test:${randomUUID()}`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  /** A process's limiter; 1,000 points a minute: leases of 10. */
  const processLimiter = (points = 1000) =>
    new RateLimiter(
      loadConfig({
        NODE_ENV: 'test',
        APP_DATABASE_URL: 'postgres://app@127.0.0.1:5432/unused',
        REDIS_URL,
        RATE_LIMIT_PREFIX: prefix,
        RATE_LIMITS: JSON.stringify({ 'tenant:api': { points, duration: 60 } }),
      }),
      redis,
    );
  const counted = async (limiter: RateLimiter, tenant: string) =>
    Number(await redis.get(limiter.storageKey('tenant:api', tenant)));

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('takes points from Redis a lease at a time, and each process leases its own', async () => {
    const [first, second] = [processLimiter(), processLimiter()];
    for (let request = 0; request < 25; request++) await first.consume('tenant:api', 'tenant-a');
    expect(await counted(first, 'tenant-a')).toBe(30); // three leases of 10, five points still in hand
    await second.consume('tenant:api', 'tenant-a');
    expect(await counted(first, 'tenant-a')).toBe(40);
    for (let request = 0; request < 5; request++) await first.consume('tenant:api', 'tenant-a');
    expect(await counted(first, 'tenant-a')).toBe(40);
  });

  it('shares one lease call between concurrent requests', async () => {
    const limiter = processLimiter();
    await Promise.all(Array.from({ length: 50 }, () => limiter.consume('tenant:api', 'tenant-b')));
    expect(await counted(limiter, 'tenant-b')).toBe(50);
  });

  it('never grants more than the window’s points across processes, then refuses with a 429 and the wait', async () => {
    const processes = [processLimiter(300), processLimiter(300)]; // leases of 3
    let granted = 0;
    let refusal: unknown;
    for (let request = 0; request < 400 && !refusal; request++) {
      const limiter = processes[request % 2] as RateLimiter;
      refusal = await limiter.consume('tenant:api', 'tenant-c').then(
        () => void granted++,
        (error: unknown) => error,
      );
    }
    expect(refusal).toBeInstanceOf(TooManyRequestsException);
    expect((refusal as TooManyRequestsException).retryAfterSeconds).toBeGreaterThan(50);
    expect(granted).toBeLessThanOrEqual(300);
    // At most one lease per process is lost at the end of the window.
    expect(granted).toBeGreaterThanOrEqual(300 - 2 * 3);
  });

  it('counts exactly when a window has fewer than 200 points (a lease of one)', async () => {
    const limiter = processLimiter(150);
    for (let request = 0; request < 7; request++) await limiter.consume('tenant:api', 'tenant-d');
    expect(await counted(limiter, 'tenant-d')).toBe(7);
  });
});
