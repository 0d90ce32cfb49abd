import type { ContactView } from '@ontrack/schemas/contacts';
import postgres from 'postgres';
import { AccessTokens } from '../../src/platform/auth/access-token.js';
import { createTestTenant, type TestTenant } from './rbac-helpers.js';
import type { RunningApi } from './start-api.js';

// Shared by the contacts e2e specs: HTTP calls with the headers these routes read (If-Match,
// Idempotency-Key), a business of the tests' own, and its activity log read as the owner.

export interface ContactsReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface ProblemBody {
  status: number;
  detail?: string;
  errors?: { in: string; pointer: string; field: string; detail: string }[];
}

export type Call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  options?: { as?: string; body?: unknown; headers?: Record<string, string>; tenant?: string },
) => Promise<ContactsReply<T>>;

/** `call(method, path, { as, body, headers, tenant })` against /api/v1, as `defaults.as` in `defaults.tenant`. */
export function caller(api: RunningApi, defaults: { as: string; tenant: string }): Call {
  const tokens = api.app.get(AccessTokens);
  return async (method, path, options = {}) => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await tokens.sign({ sub: options.as ?? defaults.as })}`,
      'x-tenant-id': options.tenant ?? defaults.tenant,
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : {};
    return { status: response.status, headers: response.headers, body: json, text };
  };
}

export type ContactsTenant = TestTenant<'admin' | 'office' | 'crew' | 'pm' | 'client'>;

/** A business with one member per default role (the client linked to no contact yet). */
export function createContactsTenant(ownerUrl: string): Promise<ContactsTenant> {
  return createTestTenant(ownerUrl, {
    admin: { roles: ['admin'] },
    office: { roles: ['office_staff'] },
    crew: { roles: ['crew'] },
    pm: { roles: ['property_manager'] },
    client: { roles: ['client'] },
  });
}

/** Runs `work` as the database owner inside `tenantId`'s context (a named system context, as the seed does). */
export async function asOwner<T>(
  ownerUrl: string,
  tenantId: string,
  work: (tx: postgres.TransactionSql) => Promise<T>,
) {
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    return (await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${tenantId}, true)`;
      return work(tx);
    })) as T;
  } finally {
    await owner.end();
  }
}

export interface ActivityRow {
  entityId: string | null;
  action: string;
  summary: Record<string, unknown>;
  sensitiveRead: boolean;
}

/** The tenant's contact activity, oldest first. */
export function contactActivity(ownerUrl: string, tenantId: string): Promise<ActivityRow[]> {
  return asOwner(
    ownerUrl,
    tenantId,
    (tx) => tx<ActivityRow[]>`
      select entity_id as "entityId", action, summary, sensitive_read as "sensitiveRead"
      from activity_log where tenant_id = ${tenantId} and entity_type = 'contact' order by seq`,
  );
}

/** Creates a contact through the API and returns it (asserting the 201). */
export async function createContact(call: Call, body: Record<string, unknown>): Promise<ContactView> {
  const reply = await call<{ contact: ContactView }>('POST', '/contacts', { body });
  if (reply.status !== 201) throw new Error(`creating a contact answered ${reply.status}: ${reply.text}`);
  return reply.body.contact;
}
