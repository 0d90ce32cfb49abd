import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from '../config/load-config.js';
import { DEFAULT_RATE_LIMITS } from './rate-limit.policies.js';
import { TooManyRequestsException } from './rate-limit.reply.js';
import { RateLimiter } from './rate-limiter.js';

const BASE_ENV = { NODE_ENV: 'test', APP_DATABASE_URL: 'postgres://app@127.0.0.1:5432/ontrack' };

/** The in-memory limiter (no REDIS_URL), configured exactly as the API would be from its environment. */
function memoryLimiter(limits: object = {}): RateLimiter {
  const config = loadConfig({ ...BASE_ENV, RATE_LIMITS: JSON.stringify(limits) });
  return new RateLimiter(config, null);
}

async function refusal(action: Promise<void>): Promise<TooManyRequestsException> {
  const error = await action.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TooManyRequestsException);
  return error as TooManyRequestsException;
}

describe('RateLimiter (in memory)', () => {
  it('allows the policy’s points, then refuses with a 429 problem and the seconds to wait', async () => {
    const limiter = memoryLimiter({ 'sign-in:ip': { points: 3, duration: 60 } });
    for (let attempt = 0; attempt < 3; attempt++) await limiter.consume('sign-in:ip', '203.0.113.7');

    const refused = await refusal(limiter.consume('sign-in:ip', '203.0.113.7'));
    expect(refused.getStatus()).toBe(429);
    expect(refused.getResponse()).toMatchObject({ type: 'about:blank', title: 'Too Many Requests', status: 429 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key has its own count.
    await expect(limiter.consume('sign-in:ip', '203.0.113.8')).resolves.toBeUndefined();
  });

  it('counts each policy separately for the same key', async () => {
    const limiter = memoryLimiter({
      'refresh:ip': { points: 1, duration: 60 },
      'sign-in:ip': { points: 1, duration: 60 },
    });
    await limiter.consume('refresh:ip', '198.51.100.1');
    await limiter.consume('sign-in:ip', '198.51.100.1');
    await refusal(limiter.consume('refresh:ip', '198.51.100.1'));
  });

  it('compares keys case-insensitively, so an email cannot dodge its limit by changing case', async () => {
    const limiter = memoryLimiter({ 'magic-link:email': { points: 1, ceiling: { points: 5, duration: 60 } } });
    await limiter.consume('magic-link:email', 'Ann@Example.com', { ip: '192.0.2.1' });
    await refusal(limiter.consume('magic-link:email', 'ann@example.COM', { ip: '192.0.2.1' }));
  });

  it('lets a window expire: the key is allowed again once its duration has passed', async () => {
    const limiter = memoryLimiter({ 'totp:user': { points: 2, duration: 1, ceiling: { points: 10, duration: 1 } } });
    await limiter.consume('totp:user', 'user-1', { ip: '192.0.2.1' });
    await limiter.consume('totp:user', 'user-1', { ip: '192.0.2.1' });
    const refused = await refusal(limiter.consume('totp:user', 'user-1', { ip: '192.0.2.1' }));
    expect(refused.retryAfterSeconds).toBe(1);
    await sleep(1_100);
    await expect(limiter.consume('totp:user', 'user-1', { ip: '192.0.2.1' })).resolves.toBeUndefined();
  });

  it('keeps a blocked key refused for blockDuration, and no longer', async () => {
    const limiter = memoryLimiter({ 'sign-in:ip': { points: 1, duration: 1, blockDuration: 2 } });
    await limiter.consume('sign-in:ip', '192.0.2.9');
    const refused = await refusal(limiter.consume('sign-in:ip', '192.0.2.9'));
    expect(refused.retryAfterSeconds).toBe(2);
    await sleep(1_200);
    await refusal(limiter.consume('sign-in:ip', '192.0.2.9'));
    await sleep(1_000);
    await expect(limiter.consume('sign-in:ip', '192.0.2.9')).resolves.toBeUndefined();
  });

  describe('per-account policies (per account and IP, under a per-account ceiling)', () => {
    const limits = { 'magic-link:email': { points: 2, duration: 60, ceiling: { points: 5, duration: 60 } } };

    it('an attacker on one IP exhausts only their own pair: the real user on another IP still gets in', async () => {
      const limiter = memoryLimiter(limits);
      await limiter.consume('magic-link:email', 'victim@example.com', { ip: '203.0.113.66' });
      await limiter.consume('magic-link:email', 'victim@example.com', { ip: '203.0.113.66' });
      // The attacker keeps trying; refused attempts do not eat into the account's ceiling.
      for (let attempt = 0; attempt < 10; attempt++) {
        await refusal(limiter.consume('magic-link:email', 'victim@example.com', { ip: '203.0.113.66' }));
      }
      await expect(
        limiter.consume('magic-link:email', 'victim@example.com', { ip: '198.51.100.20' }),
      ).resolves.toBeUndefined();
    });

    it('the ceiling caps the account across IPs, until its window ends', async () => {
      const limiter = memoryLimiter(limits);
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5']) {
        await limiter.consume('magic-link:email', 'target@example.com', { ip });
      }
      const refused = await refusal(limiter.consume('magic-link:email', 'target@example.com', { ip: '192.0.2.6' }));
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Other accounts are not affected.
      await expect(
        limiter.consume('magic-link:email', 'other@example.com', { ip: '192.0.2.6' }),
      ).resolves.toBeUndefined();
    });

    it('reset forgets the pair and the ceiling (e.g. after a successful second factor)', async () => {
      const limiter = memoryLimiter(limits);
      await limiter.consume('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' });
      await limiter.consume('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' });
      await refusal(limiter.consume('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' }));
      await limiter.reset('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' });
      await expect(
        limiter.consume('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' }),
      ).resolves.toBeUndefined();
    });
  });

  it('stores counters under <prefix>:<policy>:<hash>, never the email itself', () => {
    const limiter = memoryLimiter();
    const key = limiter.storageKey('magic-link:email', 'ann@example.com', { ip: '192.0.2.1' });
    expect(key).toMatch(/^ontrack:rl:magic-link:email:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('ann');
    expect(limiter.storageKey('tenant:api', 'T-1')).toBe(limiter.storageKey('tenant:api', 't-1'));
  });

  it('uses the production defaults when RATE_LIMITS is unset, and overrides only what it names', () => {
    expect(new RateLimiter(loadConfig(BASE_ENV), null).policy('tenant:api')).toEqual(DEFAULT_RATE_LIMITS['tenant:api']);
    const limiter = memoryLimiter({ 'tenant:api': { points: 50 } });
    expect(limiter.policy('tenant:api')).toEqual({ ...DEFAULT_RATE_LIMITS['tenant:api'], points: 50 });
    expect(limiter.policy('magic-link:email')).toEqual(DEFAULT_RATE_LIMITS['magic-link:email']);
  });

  it('refuses a RATE_LIMITS that is not JSON or names an unknown policy, naming the variable', () => {
    for (const value of ['{nope', '{"login:ip":{"points":1}}', '{"sign-in:ip":{"points":0}}']) {
      expect(() => loadConfig({ ...BASE_ENV, RATE_LIMITS: value })).toThrow(InvalidConfigError);
      expect(() => loadConfig({ ...BASE_ENV, RATE_LIMITS: value })).toThrow(/RATE_LIMITS is invalid/);
    }
  });

  it('never makes a lockout permanent: every default window and block is finite', () => {
    for (const policy of Object.values(DEFAULT_RATE_LIMITS)) {
      expect(policy.duration).toBeGreaterThan(0);
      expect(policy.duration).toBeLessThanOrEqual(3600);
      expect(policy.blockDuration).toBeLessThanOrEqual(3600);
      if (policy.ceiling) expect(policy.ceiling.points).toBeGreaterThan(policy.points);
    }
  });
});
