import type { DatabaseHandle } from '@ontrack/db/client';
import { PROBLEM_CONTENT_TYPE } from '@ontrack/schemas/problem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATABASE } from '../../src/platform/db/database.module.js';
import { asOwner, type Call, caller, createContact, createContactsTenant } from './contacts-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * DATABASE_STATEMENT_TIMEOUT_MS: a statement that outruns it is cancelled by PostgreSQL, the request answers 503
 * problem+json and nothing it did is kept. A row lock held by another connection makes the PATCH's UPDATE wait,
 * deterministically, past a short timeout.
 */
const ownerUrl = inject('ownerDatabaseUrl');
let api: RunningApi;
let call: Call;
let tenantId: string;

beforeAll(async () => {
  api = await startApi({ DATABASE_STATEMENT_TIMEOUT_MS: '300' });
  const tenant = await createContactsTenant(ownerUrl);
  tenantId = tenant.id;
  call = caller(api, { as: tenant.users.admin, tenant: tenant.id });
});
afterAll(() => api.close());

describe('the statement timeout', () => {
  it('is set on every connection of the API’s pool (default 15 s; here as configured)', async () => {
    const { sql } = api.app.get<DatabaseHandle>(DATABASE);
    expect((await sql`show statement_timeout`)[0]).toEqual({ statement_timeout: '300ms' });
    const defaults = await startApi();
    try {
      const pool = defaults.app.get<DatabaseHandle>(DATABASE).sql;
      expect((await pool`show statement_timeout`)[0]).toEqual({ statement_timeout: '15s' });
    } finally {
      await defaults.close();
    }
  });

  it('stops a request whose statement waits too long with a 503 problem, and keeps nothing of it', async () => {
    const contact = await createContact(call, { displayName: 'Locked Larry' });
    const reply = await asOwner(ownerUrl, tenantId, async (tx) => {
      await tx`select id from contacts where tenant_id = ${tenantId} and id = ${contact.id} for update`;
      return call<{ status: number; detail: string; requestId: string }>('PATCH', `/contacts/${contact.id}`, {
        body: { displayName: 'Changed Larry' },
        headers: { 'if-match': `"${contact.version}"` },
      });
    });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')?.startsWith(PROBLEM_CONTENT_TYPE)).toBe(true);
    expect(reply.body).toMatchObject({ status: 503, instance: `/api/v1/contacts/${contact.id}` });
    expect(reply.body.detail).toMatch(/took too long.*nothing was changed/);

    const after = await call<{ displayName: string; version: number }>('GET', `/contacts/${contact.id}`);
    expect(after.body).toMatchObject({ displayName: 'Locked Larry', version: contact.version });
  });
});
