import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseHandle } from '@ontrack/db/client';
import { describe, expect, it } from 'vitest';
import { DATABASE } from '../../src/platform/db/database.module.js';
import { startApi } from './start-api.js';

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new ones, then closes the database pool', async () => {
    // A route that is still working when the shutdown begins.
    const api = await startApi({}, (app) => {
      const database = app.get<DatabaseHandle>(DATABASE);
      app
        .getHttpAdapter()
        .getInstance()
        .get('/api/test-slow', async () => {
          await sleep(400);
          const [row] = await database.sql`select 1 as one`;
          return { one: row?.one };
        });
    });
    const database = api.app.get<DatabaseHandle>(DATABASE);
    const inFlight = fetch(`${api.baseUrl}/api/test-slow`);
    await sleep(100);

    const closing = api.close();
    await sleep(50);
    await expect(fetch(`${api.baseUrl}/api/healthz`)).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ one: 1 });
    await closing;
    await expect(database.sql`select 1`).rejects.toThrow();
  });
});
