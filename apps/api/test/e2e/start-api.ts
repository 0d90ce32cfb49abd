import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { inject } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import { loadConfig } from '../../src/platform/config/load-config.js';
import { AccessCache } from '../../src/platform/tenancy/access-cache.js';

export interface RunningApi {
  app: NestFastifyApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** The whole API, configured from env-like values, listening on a free port of 127.0.0.1. */
export async function startApi(
  env: Record<string, string> = {},
  beforeListen?: (app: NestFastifyApplication) => void,
  extraModules: Type[] = [],
): Promise<RunningApi> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    APP_DATABASE_URL: inject('appDatabaseUrl'),
    // Many API instances share the test database; the outbox workers are tested on their own.
    RUN_WORKERS: 'false',
    ...env,
  });
  const app = await createApp(config, { extraModules });
  beforeListen?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the API did not bind a TCP port');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/**
 * After a test changed sessions, memberships or roles with SQL of its own: resolves once the API has been told
 * (NOTIFY) and forgot what it kept (platform/tenancy/access-cache.ts). Changes made through the API need no such wait.
 */
export async function accessChanged(api: RunningApi): Promise<void> {
  await api.app.get(AccessCache).settle();
}

export interface ApiCall {
  /** Signs a fresh access token for this user id; none → an anonymous call. */
  user?: string;
  /** X-Tenant-ID: a tenant id or slug. */
  tenant?: string;
  method?: string;
  body?: unknown;
}

export interface ApiReply<T> {
  status: number;
  requestId: string | null;
  headers: Headers;
  body: T;
}

/** One call to /api/v1 of a running API, as a client would make it. */
export async function callApi<T = Record<string, unknown>>(
  api: RunningApi,
  path: string,
  { user, tenant, method = 'GET', body }: ApiCall = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${await api.app.get(AccessTokens).sign({ sub: user })}`;
  if (tenant) headers['x-tenant-id'] = tenant;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as T,
  };
}
