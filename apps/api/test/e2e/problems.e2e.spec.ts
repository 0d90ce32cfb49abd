import type { Problem } from '@ontrack/schemas/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

describe('errors are RFC 9457 problems', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('404 for an unknown route, with the request id in body and header', async () => {
    const response = await fetch(`${api.baseUrl}/api/v1/no-such-thing?x=1`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Problem;
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      instance: '/api/v1/no-such-thing',
    });
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('keeps a well-formed incoming X-Request-ID and replaces a malicious one', async () => {
    const kept = await fetch(`${api.baseUrl}/api/healthz`, { headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-1234abcd');
    const replaced = await fetch(`${api.baseUrl}/api/healthz`, { headers: { 'x-request-id': 'spaces and <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('400 for a malformed JSON body, before any route runs', async () => {
    const response = await fetch(`${api.baseUrl}/api/healthz`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 400, title: 'Bad Request', instance: '/api/healthz' });
  });

  it('413 for a body over the limit', async () => {
    const response = await fetch(`${api.baseUrl}/api/healthz`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });
});
