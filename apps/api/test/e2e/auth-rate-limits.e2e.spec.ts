import { PROBLEM_CONTENT_TYPE } from '@ontrack/schemas/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

/**
 * The sign-in flows' rate limits over HTTP (in memory: the Redis path is covered by rate-limit.e2e.spec.ts).
 * Clients are told apart by X-Forwarded-For, which the API believes from loopback (TRUST_PROXY), as it does
 * from the web app's proxy; every test uses addresses of its own.
 */
describe('rate limits of the sign-in flows over HTTP', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({
      RATE_LIMITS: JSON.stringify({
        'magic-link:ip': { points: 3, duration: 60 },
        'magic-link:email': { points: 2, duration: 60, ceiling: { points: 4, duration: 60 } },
        'sign-in:ip': { points: 2, duration: 60 },
        'refresh:ip': { points: 2, duration: 60 },
      }),
    });
  });
  afterAll(() => api?.close());

  async function post(path: string, ip: string, body: unknown) {
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }

  const askForLink = (ip: string, email: string) => post('/auth/magic-link', ip, { email });

  function expectTooMany(reply: Awaited<ReturnType<typeof post>>, path: string): void {
    expect(reply.status).toBe(429);
    expect(reply.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)).toBe(true);
    expect(reply.body).toMatchObject({ title: 'Too Many Requests', status: 429, instance: `/api/v1${path}` });
    const retryAfter = Number(reply.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('magic-link:ip — a fourth link request from one address is refused; another address is not', async () => {
    const ip = '203.0.113.10';
    for (const n of [1, 2, 3]) expect((await askForLink(ip, `person${n}@ip-limit.test`)).status).toBe(202);
    expectTooMany(await askForLink(ip, 'person4@ip-limit.test'), '/auth/magic-link');
    expect((await askForLink('203.0.113.11', 'person4@ip-limit.test')).status).toBe(202);
  });

  it('magic-link:email — an attacker on one address cannot stop the owner elsewhere, until the ceiling', async () => {
    const email = 'owner@email-limit.test';
    const attacker = '198.51.100.66';
    expect((await askForLink(attacker, email)).status).toBe(202);
    expect((await askForLink(attacker, email)).status).toBe(202);
    expectTooMany(await askForLink(attacker, email), '/auth/magic-link');
    // The owner, on their own network, still gets links (same address, other case).
    expect((await askForLink('192.0.2.50', 'Owner@Email-Limit.test')).status).toBe(202);
    expect((await askForLink('192.0.2.51', email)).status).toBe(202);
    // Four links to the address within the window: the ceiling now refuses every address, for a while only.
    expectTooMany(await askForLink('192.0.2.52', email), '/auth/magic-link');
    // Other addresses are not affected.
    expect((await askForLink('192.0.2.52', 'someone-else@email-limit.test')).status).toBe(202);
  });

  it('sign-in:ip — redeeming links is limited per address', async () => {
    const ip = '203.0.113.20';
    const verify = () => post('/auth/magic-link/verify', ip, { token: 'x'.repeat(43) });
    expect((await verify()).status).toBe(401);
    expect((await verify()).status).toBe(401);
    expectTooMany(await verify(), '/auth/magic-link/verify');
    expect((await post('/auth/magic-link/verify', '203.0.113.21', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  it('refresh:ip — refreshing is limited per address', async () => {
    const ip = '203.0.113.30';
    const refresh = () => post('/auth/refresh', ip, { refreshToken: 'y'.repeat(43) });
    expect((await refresh()).status).toBe(401);
    expect((await refresh()).status).toBe(401);
    expectTooMany(await refresh(), '/auth/refresh');
  });
});
