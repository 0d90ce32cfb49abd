import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultLeadStageId } from '../src/default-lead-stages.js';
import { defaultRoleId } from '../src/default-roles.js';
import { newId } from '../src/ids.js';

/**
 * For EVERY tenant table (found in the catalog, so a new table cannot be forgotten): a second tenant reads
 * none of the first tenant's rows, its UPDATE and DELETE touch none, it cannot INSERT a row carrying the
 * first tenant's id, no tenant context means no rows, and a pooled connection leaks nothing between
 * tenants. Two fresh tenants are built here (as the owner) with at least one row in every tenant table.
 */
const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
// One connection: every transaction below reuses it, which is what the leak test needs.
const app = postgres(inject('appDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => Promise.all([owner.end(), app.end()]));

const A = newId();
const B = newId();
const userA = newId();
const userB = newId();

type Tx = postgres.TransactionSql;

/** One row for tenant `t` (and its user `u`) in each tenant table. A table missing here fails the test. */
const FIXTURES: Record<string, (tx: Tx, t: string, u: string) => Promise<unknown>> = {
  roles: async () => undefined, // provisioned with the tenant (provisionDefaultRoles)
  role_permissions: async () => undefined, // idem
  memberships: (tx, t, u) => tx`insert into memberships (tenant_id, user_id, status) values (${t}, ${u}, 'active')`,
  user_roles: (tx, t, u) =>
    tx`insert into user_roles (tenant_id, user_id, role_id) values (${t}, ${u}, ${defaultRoleId(t, 'admin')})`,
  activity_log: (tx, t) => tx`
    insert into activity_log (tenant_id, seq, id, occurred_at, actor_type, actor_label, entity_type, action, prev_hash, hash)
    values (${t}, 1, ${newId()}, now(), 'system', 'test', 'tenant', 'create', ${'0'.repeat(64)}, ${'f'.repeat(64)})`,
  activity_checkpoints: (tx, t) => tx`
    insert into activity_checkpoints (tenant_id, period, seq, hash, key_id, signature, signed_at)
    values (${t}, '2026-01-01T00', 1, ${'f'.repeat(64)}, 'test', 'test', now())`,
  outbox: (tx, t) => tx`
    insert into outbox (tenant_id, id, job, payload) values (${t}, ${newId()}, 'test.noop', '{}'::jsonb)`,
  contacts: (tx, t) => tx`
    insert into contacts (tenant_id, id, display_name, email, phone)
    values (${t}, ${contactOf(t)}, 'Isolation contact', ${`${t}@iso.test`}, '+15550000000')`,
  sms_consents: (tx, t) => tx`
    insert into sms_consents (tenant_id, id, contact_id, phone, status, method, text_shown)
    values (${t}, ${newId()}, ${contactOf(t)}, '+15550000000', 'opted_in', 'verbal', 'Reply STOP to opt out')`,
  messages: (tx, t) => insertMessage(tx, t),
  invitations: (tx, t, u) => tx`
    insert into invitations (tenant_id, id, email, role_id, invited_by_user_id, token_hash, expires_at)
    values (${t}, ${newId()}, ${`invitee-${t}@iso.test`}, ${defaultRoleId(t, 'crew')}, ${u}, ${`hash-${t}`}, now() + interval '1 day')`,
  message_events: async (tx, t) => {
    const messageId = await insertMessage(tx, t);
    await tx`insert into message_events (tenant_id, id, message_id, status) values (${t}, ${newId()}, ${messageId}, 'queued')`;
  },
  support_access_grants: (tx, t, u) => tx`
    insert into support_access_grants (tenant_id, id, operator_user_id, reason, requested_minutes)
    values (${t}, ${newId()}, ${u}, 'isolation test', 30)`,
  lead_stages: async () => undefined, // provisioned with the tenant (provisionDefaultLeadStages)
  // Tables are filled in name order, so rows that others point at are made on first use.
  properties: (tx, t) => ensureProperty(tx, t),
  property_access: async (tx, t) => {
    await ensureProperty(tx, t);
    await tx`insert into property_access (tenant_id, property_id, gate_code) values (${t}, ${propertyOf(t)}, '1234#')`;
  },
  property_managers: async (tx, t, u) => {
    await ensureProperty(tx, t);
    await tx`insert into property_managers (tenant_id, property_id, user_id) values (${t}, ${propertyOf(t)}, ${u})`;
  },
  leads: (tx, t) => ensureLead(tx, t),
  lead_stage_changes: async (tx, t) => {
    await ensureLead(tx, t);
    await tx`
      insert into lead_stage_changes (tenant_id, id, lead_id, from_stage_id, to_stage_id)
      values (${t}, ${newId()}, ${leadOf(t)}, null, ${defaultLeadStageId(t, 'new')})`;
  },
  idempotency_keys: (tx, t, u) => tx`
    insert into idempotency_keys (tenant_id, key, user_id, method, path, request_hash, response_status, response_body, expires_at)
    values (${t}, ${`key-${t}`}, ${u}, 'POST', '/api/v1/contacts', ${'a'.repeat(64)}, 201, '{}'::jsonb, now() + interval '1 day')`,
};

let tables: string[] = [];

const contactIds = new Map<string, string>();
function contactOf(tenantId: string): string {
  if (!contactIds.has(tenantId)) contactIds.set(tenantId, newId());
  return contactIds.get(tenantId) as string;
}

const propertyIds = new Map<string, string>();
function propertyOf(tenantId: string): string {
  if (!propertyIds.has(tenantId)) propertyIds.set(tenantId, newId());
  return propertyIds.get(tenantId) as string;
}
const leadIds = new Map<string, string>();
function leadOf(tenantId: string): string {
  if (!leadIds.has(tenantId)) leadIds.set(tenantId, newId());
  return leadIds.get(tenantId) as string;
}

async function ensureProperty(tx: Tx, tenantId: string): Promise<void> {
  await tx`
    insert into properties (tenant_id, id, contact_id, address_line1, city, region, postal_code)
    values (${tenantId}, ${propertyOf(tenantId)}, ${contactOf(tenantId)}, '1 Isolation Way', 'Austin', 'TX', '78701')
    on conflict do nothing`;
}

async function ensureLead(tx: Tx, tenantId: string): Promise<void> {
  await ensureProperty(tx, tenantId);
  await tx`
    insert into leads (tenant_id, id, source, requested_service, contact_id, property_id, stage_id, estimated_value_minor, currency)
    values (${tenantId}, ${leadOf(tenantId)}, 'phone', 'Isolation', ${contactOf(tenantId)}, ${propertyOf(tenantId)},
            ${defaultLeadStageId(tenantId, 'new')}, 10000, 'USD')
    on conflict do nothing`;
}

async function insertMessage(tx: Tx, tenantId: string): Promise<string> {
  const id = newId();
  await tx`
    insert into messages (tenant_id, id, contact_id, channel, template, recipient, payload, summary, dedupe_key)
    values (${tenantId}, ${id}, ${contactOf(tenantId)}, 'email', 'reminder', 'iso@iso.test', '{}'::jsonb, 'Isolation', ${id})`;
  return id;
}

async function asTenant<T>(tenantId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
  const userId = tenantId === A ? userA : tenantId === B ? userB : '';
  return app.begin(async (tx) => {
    // The tenant's Admin (scope `tenant`, every permission): object-level narrowing is tested in
    // object-scopes.spec.ts and contacts-visibility.spec.ts.
    await tx`select set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('app.context', 'request', true),
      set_config('app.scopes', 'tenant', true), set_config('app.user_id', ${userId}, true)`;
    return work(tx);
  }) as Promise<T>;
}

beforeAll(async () => {
  const { provisionDefaultRoles } = await import('../src/default-roles.js');
  const { provisionDefaultLeadStages } = await import('../src/default-lead-stages.js');
  const { createDatabase } = await import('../src/client.js');
  const { applySessionContext } = await import('../src/session-context.js');
  const handle = createDatabase(inject('ownerDatabaseUrl'), { max: 1 });
  try {
    for (const [tenantId, userId] of [
      [A, userA],
      [B, userB],
    ] as const) {
      await handle.db.transaction(async (tx) => {
        await applySessionContext(tx, { tenantId, system: 'test' });
        await tx.execute(
          `insert into tenants (id, slug, name) values ('${tenantId}', 'iso-${tenantId}', 'Isolation ${tenantId}')`,
        );
        await tx.execute(`insert into users (id, email, name) values ('${userId}', '${userId}@iso.test', 'Iso')`);
        await provisionDefaultRoles(tx, tenantId);
        await provisionDefaultLeadStages(tx, tenantId);
      });
    }
  } finally {
    await handle.close();
  }
  tables = (
    await owner<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`
  ).map((row) => row.name);
  for (const [tenantId, userId] of [
    [A, userA],
    [B, userB],
  ] as const) {
    await owner.begin(async (tx) => {
      for (const table of tables) await FIXTURES[table]?.(tx, tenantId, userId);
    });
  }
});

describe('tenant isolation of every tenant table', () => {
  it('has a fixture for every tenant table (add one when you add a table)', () => {
    expect(tables.filter((table) => !(table in FIXTURES))).toEqual([]);
  });

  it('each table holds rows of both tenants (else the checks below prove nothing)', async () => {
    for (const table of tables) {
      const [counts] = await owner.unsafe(
        `select count(*) filter (where tenant_id = $1)::int as a, count(*) filter (where tenant_id = $2)::int as b from "${table}"`,
        [A, B],
      );
      expect({ table, a: counts?.a > 0, b: counts?.b > 0 }).toEqual({ table, a: true, b: true });
    }
  });

  it("another tenant reads none of A's rows, and A reads its own", async () => {
    for (const table of tables) {
      const seenByB = await asTenant(B, (tx) =>
        tx.unsafe(`select count(*)::int as n from "${table}" where tenant_id = $1`, [A]),
      );
      const seenByA = await asTenant(A, (tx) =>
        tx.unsafe(`select count(*)::int as n from "${table}" where tenant_id = $1`, [A]),
      );
      expect({ table, byB: seenByB[0]?.n, byAPositive: (seenByA[0]?.n ?? 0) > 0 }).toEqual({
        table,
        byB: 0,
        byAPositive: true,
      });
    }
  });

  it("another tenant's UPDATE and DELETE touch none of A's rows", async () => {
    for (const table of tables) {
      const touched = await asTenant(B, async (tx) => {
        const privileges = await tx`
          select has_table_privilege(${`public.${table}`}, 'UPDATE') as u, has_table_privilege(${`public.${table}`}, 'DELETE') as d`;
        let count = 0;
        if (privileges[0]?.u)
          count += (await tx.unsafe(`update "${table}" set tenant_id = tenant_id where tenant_id = $1`, [A])).count;
        if (privileges[0]?.d) count += (await tx.unsafe(`delete from "${table}" where tenant_id = $1`, [A])).count;
        return count;
      });
      expect({ table, touched }).toEqual({ table, touched: 0 });
    }
    const [still] = await owner`select count(*)::int as n from memberships where tenant_id = ${A}`;
    expect(still?.n).toBe(1);
  });

  it("another tenant cannot insert a row that carries A's tenant_id", async () => {
    for (const table of tables) {
      const [row] = await owner.unsafe(`select * from "${table}" where tenant_id = $1 limit 1`, [A]);
      // Generated columns (search text, match keys) cannot be given a value: copy the others.
      const columns = (
        await owner<{ name: string }[]>`
          select attname as name from pg_attribute
          where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
          order by attnum`
      ).map((column) => `"${column.name}"`);
      const attempt = asTenant(B, (tx) =>
        tx.unsafe(
          `insert into "${table}" (${columns.join(', ')}) select ${columns.join(', ')} from json_populate_record(null::"${table}", $1::json)`,
          [row as never],
        ),
      );
      await expect(attempt, table).rejects.toThrow(/row-level security/);
    }
  });

  it('cannot point a row at another tenant’s row through a foreign key', async () => {
    // B's membership of userB given A's admin role: (B, A-role) does not exist in roles.
    await expect(
      asTenant(
        B,
        (tx) =>
          tx`insert into user_roles (tenant_id, user_id, role_id) values (${B}, ${userB}, ${defaultRoleId(A, 'admin')})`,
      ),
    ).rejects.toThrow(/foreign key/);
    // B's consent record and message naming A's contact: (B, A-contact) does not exist in contacts.
    await expect(
      asTenant(
        B,
        (tx) => tx`
          insert into sms_consents (tenant_id, id, contact_id, phone, status, method, text_shown)
          values (${B}, ${newId()}, ${contactOf(A)}, '+15550000000', 'opted_in', 'verbal', 'x')`,
      ),
    ).rejects.toThrow(/foreign key/);
    await expect(
      asTenant(
        B,
        (tx) => tx`
          insert into messages (tenant_id, id, contact_id, channel, template, recipient, payload, summary, dedupe_key)
          values (${B}, ${newId()}, ${contactOf(A)}, 'sms', 'reminder', '+15550000000', '{}'::jsonb, 'x', ${newId()})`,
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('cannot point a property, a lead or their links at another tenant’s contact, property, stage or lead', async () => {
    const attempts: [string, (tx: Tx) => Promise<unknown>][] = [
      [
        'property → A contact',
        (tx) => tx`
          insert into properties (tenant_id, id, contact_id, address_line1, city)
          values (${B}, ${newId()}, ${contactOf(A)}, '1 Foreign St', 'Austin')`,
      ],
      [
        'lead → A contact',
        (tx) => tx`
          insert into leads (tenant_id, id, source, requested_service, contact_id, stage_id)
          values (${B}, ${newId()}, 'phone', 'x', ${contactOf(A)}, ${defaultLeadStageId(B, 'new')})`,
      ],
      [
        'lead → A property',
        (tx) => tx`
          insert into leads (tenant_id, id, source, requested_service, contact_id, property_id, stage_id)
          values (${B}, ${newId()}, 'phone', 'x', ${contactOf(B)}, ${propertyOf(A)}, ${defaultLeadStageId(B, 'new')})`,
      ],
      [
        'lead → A stage',
        (tx) => tx`
          insert into leads (tenant_id, id, source, requested_service, contact_id, stage_id)
          values (${B}, ${newId()}, 'phone', 'x', ${contactOf(B)}, ${defaultLeadStageId(A, 'new')})`,
      ],
      [
        'lead moved to an A stage',
        (tx) => tx`update leads set stage_id = ${defaultLeadStageId(A, 'won')} where id = ${leadOf(B)}`,
      ],
      [
        'stage change → A lead',
        (tx) => tx`
          insert into lead_stage_changes (tenant_id, id, lead_id, to_stage_id)
          values (${B}, ${newId()}, ${leadOf(A)}, ${defaultLeadStageId(B, 'new')})`,
      ],
      [
        'manager link → A property',
        (tx) =>
          tx`insert into property_managers (tenant_id, property_id, user_id) values (${B}, ${propertyOf(A)}, ${userB})`,
      ],
      [
        'access details → A property',
        (tx) =>
          tx`insert into property_access (tenant_id, property_id, gate_code) values (${B}, ${propertyOf(A)}, '0000')`,
      ],
    ];
    for (const [name, attempt] of attempts) {
      await expect(asTenant(B, attempt), name).rejects.toThrow(/foreign key/);
    }
  });

  it('shows no rows at all without a tenant context', async () => {
    for (const table of tables) {
      const rows = await asTenant(null, (tx) => tx.unsafe(`select count(*)::int as n from "${table}"`));
      expect({ table, n: rows[0]?.n }).toEqual({ table, n: 0 });
    }
  });

  it('leaks nothing from tenant A to tenant B on the same pooled connection', async () => {
    const [pidA] = await asTenant(A, (tx) => tx`select pg_backend_pid() as pid, count(*)::int as n from roles`);
    const [pidB] = await asTenant(
      B,
      (tx) => tx`select pg_backend_pid() as pid, count(*)::int as n from roles where tenant_id = ${A}`,
    );
    expect(pidB?.pid).toBe(pidA?.pid); // really the same connection
    expect(pidA?.n).toBeGreaterThan(0);
    expect(pidB?.n).toBe(0);
    const [after] = await app`select coalesce(current_setting('app.tenant_id', true), '') as tenant`;
    expect(after?.tenant).toBe('');
  });
});
