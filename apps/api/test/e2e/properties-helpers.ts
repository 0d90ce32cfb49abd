import type { DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { applySessionContext } from '@ontrack/db/session-context';
import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import type { PropertyView } from '@ontrack/schemas/properties';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import type { RunningApi } from './start-api.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T & {
    detail?: string;
    errors?: { in: string; field: string; pointer: string; code: string; detail: string }[];
  };
}

/** One call to /api/v1 as `user` in `tenant`, with any extra headers (If-Match, Idempotency-Key). */
export async function call<T = Record<string, unknown>>(
  api: RunningApi,
  user: string,
  tenant: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const token = await api.app.get(AccessTokens).sign({ sub: user });
  const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'x-tenant-id': tenant,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** A contact written as the owner (the contacts API is another part of the issue). */
export async function insertContact(
  owner: DatabaseHandle,
  tenantId: string,
  displayName: string,
  options: { deleted?: boolean } = {},
): Promise<string> {
  const id = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    await tx.execute(sql`
      insert into contacts (tenant_id, id, display_name, deleted_at)
      values (${tenantId}, ${id}, ${displayName}, ${options.deleted ? sql`now()` : null})`);
  });
  return id;
}

/** A custom role holding exactly `permissions`, given to `userId`. */
export async function grantCustomRole(
  owner: DatabaseHandle,
  tenantId: string,
  userId: string,
  scope: RoleScope,
  permissions: Permission[],
): Promise<void> {
  const roleId = newId();
  await owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    await tx.execute(sql`
      insert into roles (tenant_id, id, key, name, description, scope, is_system)
      values (${tenantId}, ${roleId}, ${`custom_${roleId.slice(-8)}`}, ${`Custom ${roleId.slice(-8)}`}, '', ${scope}, false)`);
    for (const permission of permissions) {
      await tx.execute(sql`
        insert into role_permissions (tenant_id, role_id, permission_key) values (${tenantId}, ${roleId}, ${permission})`);
    }
    await tx.execute(sql`delete from user_roles where tenant_id = ${tenantId} and user_id = ${userId}`);
    await tx.execute(
      sql`insert into user_roles (tenant_id, user_id, role_id) values (${tenantId}, ${userId}, ${roleId})`,
    );
  });
}

/** The activity entries of one entity, oldest first, read as the owner. */
export async function activityOf(
  owner: DatabaseHandle,
  tenantId: string,
  entityId: string,
): Promise<{ action: string; summary: Record<string, unknown> }[]> {
  return owner.db.transaction(async (tx) => {
    await applySessionContext(tx, { tenantId, system: 'test' });
    const rows = await tx.execute<{ action: string; summary: Record<string, unknown> }>(sql`
      select action, summary from activity_log where tenant_id = ${tenantId} and entity_id = ${entityId} order by seq`);
    return [...rows];
  });
}

export const address = (overrides: Record<string, unknown> = {}) => ({
  addressLine1: '12 Oak St',
  city: 'Austin',
  region: 'TX',
  postalCode: '78701',
  ...overrides,
});

/** Creates a property through the API and checks it was created. */
export async function createProperty(
  api: RunningApi,
  user: string,
  tenant: string,
  body: Record<string, unknown>,
): Promise<PropertyView> {
  const reply = await call<PropertyView>(api, user, tenant, 'POST', '/properties', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}
