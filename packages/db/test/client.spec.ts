import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/client.js';

// Medium test: the pool's connection settings, on the run's real PostgreSQL (scripts/test/database.global-setup.ts).
const handles: DatabaseHandle[] = [];
const open = (options: Parameters<typeof createDatabase>[1]) => {
  const handle = createDatabase(inject('appDatabaseUrl'), { max: 1, ...options });
  handles.push(handle);
  return handle;
};

afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.close()));
});

describe('createDatabase', () => {
  it('cancels a statement that outruns statementTimeoutMs (SQLSTATE 57014) and keeps the connection usable', async () => {
    const { sql } = open({ statementTimeoutMs: 200 });
    expect((await sql`show statement_timeout`)[0]).toEqual({ statement_timeout: '200ms' });
    const started = Date.now();
    await expect(sql`select pg_sleep(5)`).rejects.toMatchObject({ code: '57014' });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
  });

  it('sets no timeout unless asked (migrations and seeds may run long)', async () => {
    const { sql } = open({});
    expect((await sql`show statement_timeout`)[0]).toEqual({ statement_timeout: '0' });
  });
});
