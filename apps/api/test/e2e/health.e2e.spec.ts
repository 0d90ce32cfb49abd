import type { Readiness } from '@ontrack/schemas/health';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

describe('health endpoints over HTTP', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('GET /api/healthz says the process is alive', async () => {
    const response = await fetch(`${api.baseUrl}/api/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/readyz is 200 when the database answers and Redis is not configured', async () => {
    const response = await fetch(`${api.baseUrl}/api/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'up' }, redis: { status: 'not_configured' } },
    });
  });
});

describe('readiness with dependencies', () => {
  const started: RunningApi[] = [];
  afterAll(() => Promise.all(started.map((api) => api.close())));
  const readyz = async (env: Record<string, string>) => {
    const api = await startApi(env);
    started.push(api);
    const response = await fetch(`${api.baseUrl}/api/readyz`);
    return { status: response.status, body: (await response.json()) as Readiness };
  };

  it('checks Redis when REDIS_URL is set', async () => {
    const { status, body } = await readyz({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
    expect(body.checks.redis.status).toBe('up');
    expect(status).toBe(200);
  });

  it('answers 503 when Redis does not answer', async () => {
    const { status, body } = await readyz({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'not_ready',
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });
  });

  it('answers 503 when the database does not answer, without leaking the connection string', async () => {
    const { status, body } = await readyz({ APP_DATABASE_URL: 'postgres://ontrack_app:hunter2@127.0.0.1:1/none' });
    expect(status).toBe(503);
    expect(body.checks.database.status).toBe('down');
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
