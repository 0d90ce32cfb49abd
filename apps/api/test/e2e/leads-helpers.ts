import type { DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { LeadView } from '@ontrack/schemas/leads';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import type { RunningApi } from './start-api.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T & {
    detail?: string;
    errors?: { in: string; field: string; pointer: string; detail: string; code: string }[];
  };
}

/** One call to /api/v1 as `user` in `tenant`, with any extra headers (If-Match, Idempotency-Key). */
export async function send<T = Record<string, unknown>>(
  api: RunningApi,
  method: string,
  path: string,
  {
    user,
    tenant,
    body,
    headers = {},
  }: { user?: string; tenant?: string; body?: unknown; headers?: Record<string, string> },
): Promise<Reply<T>> {
  const all: Record<string, string> = { ...headers };
  if (user) all.authorization = `Bearer ${await api.app.get(AccessTokens).sign({ sub: user })}`;
  if (tenant) all['x-tenant-id'] = tenant;
  if (body !== undefined) all['content-type'] = 'application/json';
  const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** `as(user, tenant).get(path)` … bound to one caller. */
export function caller(api: RunningApi, user: string, tenant: string) {
  const call =
    (method: string) =>
    <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
      send<T>(api, method, path, { user, tenant, body, headers });
  return { get: call('GET'), post: call('POST'), patch: call('PATCH'), delete: call('DELETE') };
}

/**
 * POST /leads as `as()`, with a phone lead for `contactId()` unless the body says otherwise; `createdLead`
 * also expects the 201. The contact is read when called (the suite's beforeAll creates it).
 */
export function leadFactory(as: () => ReturnType<typeof caller>, contactId: () => string) {
  const createLead = (body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    as().post<LeadView>(
      '/leads',
      { source: 'phone', requestedService: 'Weekly mowing', contactId: contactId(), ...body },
      headers,
    );
  const createdLead = async (body: Record<string, unknown> = {}): Promise<LeadView> => {
    const reply = await createLead(body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  return { createLead, createdLead };
}

/** The fields a 422 names (`field` of each error). */
export const fieldsOf = (reply: Reply) => (reply.body.errors ?? []).map((error) => error.field);

/** A contact written as the owner (the contacts API is another module's; these tests need only rows). */
export async function insertContact(
  owner: DatabaseHandle,
  tenantId: string,
  fields: { displayName: string; email?: string; phone?: string },
): Promise<string> {
  const id = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    await tx.execute(sql`
      insert into contacts (tenant_id, id, display_name, email, phone)
      values (${tenantId}, ${id}, ${fields.displayName}, ${fields.email ?? null}, ${fields.phone ?? null})`);
  });
  return id;
}

export async function insertProperty(
  owner: DatabaseHandle,
  tenantId: string,
  contactId: string,
  addressLine1: string,
  managerUserId?: string,
): Promise<string> {
  const id = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    await tx.execute(sql`
      insert into properties (tenant_id, id, contact_id, address_line1, city, region, postal_code)
      values (${tenantId}, ${id}, ${contactId}, ${addressLine1}, 'Austin', 'TX', '78704')`);
    if (managerUserId) {
      await tx.execute(sql`
        insert into property_managers (tenant_id, property_id, user_id) values (${tenantId}, ${id}, ${managerUserId})`);
    }
  });
  return id;
}

/**
 * Rows read as the database owner, for checks the API does not expose. The test owner is a superuser, whom
 * row-level security does not confine: every query must name its tenant itself.
 */
export async function ownerRows<T extends Record<string, unknown>>(
  owner: DatabaseHandle,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  return [...(await owner.db.execute(query))] as T[];
}
