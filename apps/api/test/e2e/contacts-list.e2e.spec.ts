import type { DatabaseHandle } from '@ontrack/db/client';
import { newId } from '@ontrack/db/ids';
import { DEMO_TENANT_ID, SEED_USER_IDS } from '@ontrack/db/seed-data';
import type { ContactView } from '@ontrack/schemas/contacts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATABASE } from '../../src/platform/db/database.module.js';
import {
  asOwner,
  type Call,
  type ContactsTenant,
  caller,
  createContact,
  createContactsTenant,
  type ProblemBody,
} from './contacts-helpers.js';
import { type RunningApi, startApi } from './start-api.js';

/**
 * GET /contacts: search (fuzzy words, phone digits, service addresses), filters, the three sorts and the
 * trash with keyset pages, and who sees which rows (row-level security under custom Property Manager and
 * Client roles that may read contacts). Fixtures live in a business of this file's own.
 */
const ownerUrl = inject('ownerDatabaseUrl');
let api: RunningApi;
let tenant: ContactsTenant;
let call: Call;
type Fixture = 'smith' | 'garcia' | 'dental' | 'brooks' | 'organic';
const ids = {} as Record<Fixture, string>;
const reader = { pm: newId(), client: newId() };

type Page = { items: ContactView[]; nextCursor: string | null };

const names = (page: Page) => page.items.map((item) => item.displayName);

beforeAll(async () => {
  api = await startApi();
  tenant = await createContactsTenant(ownerUrl);
  call = caller(api, { as: tenant.users.admin, tenant: tenant.id });
  const fixtures: Record<Fixture, Record<string, unknown>> = {
    smith: {
      displayName: 'Jordan Smith',
      email: 'jordan.smith@example.com',
      phone: '+15125550201',
      emails: ['jsmith.work@example.com'],
    },
    garcia: {
      displayName: 'María García',
      companyName: 'García Remodeling',
      email: 'maria@example.com',
      phones: ['+15125550299'],
      tags: ['vip', 'residential'],
    },
    dental: {
      displayName: 'Brightside Dental',
      kind: 'company',
      email: 'office@brightside.example.com',
      phone: '+15125550202',
      tags: ['vip', 'commercial'],
    },
    brooks: { displayName: 'Taylor Brooks', email: 'taylor@example.com', phone: '+15125550203', tags: ['vip'] },
    organic: { displayName: '100% Organic_Lawns', kind: 'company' },
  };
  for (const [key, body] of Object.entries(fixtures) as [Fixture, Record<string, unknown>][]) {
    ids[key] = (await createContact(call, body)).id;
  }

  await asOwner(ownerUrl, tenant.id, async (tx) => {
    const property = { dental: newId(), brooks: newId() };
    await tx`insert into properties (tenant_id, id, contact_id, address_line1, city, region, postal_code) values
      (${tenant.id}, ${property.dental}, ${ids.dental}, '1200 E Palm Valley Blvd', 'Round Rock', 'TX', '78664'),
      (${tenant.id}, ${property.brooks}, ${ids.brooks}, '4702 Avenue H', 'Austin', 'TX', '78751')`;
    // Custom roles that may read contacts, in the narrow scopes: what a business could configure.
    const role = { pm: newId(), client: newId() };
    await tx`insert into roles (tenant_id, id, key, name, scope) values
      (${tenant.id}, ${role.pm}, 'pm_reader', 'PM reader', 'managed_properties'),
      (${tenant.id}, ${role.client}, 'client_reader', 'Client reader', 'own_contact')`;
    await tx`insert into role_permissions (tenant_id, role_id, permission_key) values
      (${tenant.id}, ${role.pm}, 'contacts:read'), (${tenant.id}, ${role.client}, 'contacts:read')`;
    for (const [key, userId] of Object.entries(reader) as ['pm' | 'client', string][]) {
      await tx`insert into users (id, email, name) values (${userId}, ${`${key}-${userId}@contacts.test`}, ${key})`;
      await tx`insert into memberships (tenant_id, user_id, status, activated_at, contact_id)
        values (${tenant.id}, ${userId}, 'active', now(), ${key === 'client' ? ids.garcia : null})`;
      await tx`insert into user_roles (tenant_id, user_id, role_id) values (${tenant.id}, ${userId}, ${role[key]})`;
    }
    await tx`insert into property_managers (tenant_id, property_id, user_id)
      values (${tenant.id}, ${property.dental}, ${reader.pm})`;

    // 23 contacts to page through: repeated names and shared creation times, so ties are broken by id.
    for (let n = 0; n < 23; n += 1) {
      await tx`insert into contacts (tenant_id, id, display_name, tags, created_at)
        values (${tenant.id}, ${newId()}, ${`Pager ${String(n % 8).padStart(2, '0')}`}, '{pager}',
                now() - make_interval(mins => ${Math.floor(n / 3)}))`;
    }
  });
});
afterAll(() => api.close());

/** Every page of a list, following nextCursor. */
async function allPages(query: string, limit: number): Promise<ContactView[]> {
  const items: ContactView[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages += 1) {
    const reply: { status: number; body: Page } = await call<Page>(
      'GET',
      `/contacts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('the list never ended');
}

describe('search', () => {
  const search = async (q: string) => names((await call<Page>('GET', `/contacts?q=${encodeURIComponent(q)}`)).body);

  it('finds a name fuzzily ("smyth" → Smith) and ranks it first', async () => {
    expect(await search('smyth')).toEqual(['Jordan Smith']);
    expect((await search('jordn smith'))[0]).toBe('Jordan Smith');
  });

  it('finds by email, company and unaccented name', async () => {
    expect(await search('jsmith.work')).toEqual(['Jordan Smith']);
    expect(await search('garcia remodel')).toEqual(['María García']);
    expect(await search('MARIA GARCIA')).toEqual(['María García']);
  });

  it('finds a phone number by its digits, however it is typed', async () => {
    expect(await search('(512) 555-0202')).toEqual(['Brightside Dental']);
    expect(await search('512.555.0299')).toEqual(['María García']);
    expect(await search('+1 512 555 0203')).toEqual(['Taylor Brooks']);
  });

  it('finds a contact by a service address or postal code', async () => {
    expect(await search('palm valley')).toEqual(['Brightside Dental']);
    expect(await search('78751')).toEqual(['Taylor Brooks']);
  });

  it('treats % and _ as characters, not wildcards', async () => {
    expect(await search('100%')).toEqual(['100% Organic_Lawns']);
    expect(await search('c_l')).toEqual(['100% Organic_Lawns']);
    expect(await search('%')).toEqual(['100% Organic_Lawns']);
  });

  it('finds the seeded demo contact Jordan Smith by "smyth"', async () => {
    const demo = caller(api, { as: SEED_USER_IDS.demoAdmin, tenant: DEMO_TENANT_ID });
    const reply = await demo<Page>('GET', '/contacts?q=smyth');
    expect(names(reply.body)[0]).toBe('Jordan Smith');
  });
});

describe('filters, sorts and pages', () => {
  it('filters by every tag given and by kind', async () => {
    expect(names((await call<Page>('GET', '/contacts?tag=vip&tag=residential')).body)).toEqual(['María García']);
    expect(names((await call<Page>('GET', '/contacts?tag=VIP')).body)).toEqual([
      'Brightside Dental',
      'María García',
      'Taylor Brooks',
    ]);
    expect(names((await call<Page>('GET', '/contacts?kind=company&tag=vip')).body)).toEqual(['Brightside Dental']);
  });

  it('pages by name without repeats or gaps, ties broken by id', async () => {
    const everything = (await call<Page>('GET', '/contacts?tag=pager&limit=100')).body.items;
    expect(everything).toHaveLength(23);
    const paged = await allPages('tag=pager', 4);
    expect(paged.map((item) => item.id)).toEqual(everything.map((item) => item.id));
    const sorted = [...everything].sort((a, b) =>
      a.displayName === b.displayName ? (a.id < b.id ? -1 : 1) : a.displayName < b.displayName ? -1 : 1,
    );
    expect(everything.map((item) => item.id)).toEqual(sorted.map((item) => item.id));
  });

  it('pages by creation, oldest or newest first, without repeats', async () => {
    for (const sort of ['created', '-created']) {
      const paged = await allPages(`tag=pager&sort=${sort}`, 5);
      expect(new Set(paged.map((item) => item.id)).size).toBe(23);
      const times = paged.map((item) => Date.parse(item.createdAt));
      const ordered = [...times].sort((a, b) => (sort === 'created' ? a - b : b - a));
      expect(times).toEqual(ordered);
    }
  });

  it('pages a search by relevance without repeats', async () => {
    const all = (await call<Page>('GET', '/contacts?q=pager&limit=100')).body.items;
    expect(all).toHaveLength(23);
    const paged = await allPages('q=pager', 6);
    expect(paged.map((item) => item.id)).toEqual(all.map((item) => item.id));
  });

  it('refuses a cursor of another order with 422 on the cursor', async () => {
    const first = await call<Page>('GET', '/contacts?tag=pager&limit=2');
    const cursor = first.body.nextCursor;
    expect(cursor).toBeTruthy();
    const reply = await call<ProblemBody>('GET', `/contacts?tag=pager&limit=2&sort=-created&cursor=${cursor}`);
    expect(reply.status).toBe(422);
    expect(reply.body.errors?.[0]).toMatchObject({ in: 'query', field: 'cursor' });
    const unknown = await call<ProblemBody>('GET', '/contacts?colour=red');
    expect(unknown.status).toBe(422);
  });

  it('lists the trash, most recently deleted first', async () => {
    const first = await createContact(call, { displayName: 'Binned First' });
    const second = await createContact(call, { displayName: 'Binned Second' });
    expect((await call('DELETE', `/contacts/${first.id}`)).status).toBe(204);
    expect((await call('DELETE', `/contacts/${second.id}`)).status).toBe(204);
    const trash = await allPages('deleted=only', 1);
    expect(trash.map((item) => item.displayName)).toEqual(['Binned Second', 'Binned First']);
  });

  // The list decodes its rows by hand (ContactsRepository.list); GET by id goes through Drizzle's decoding.
  it('lists every field of a contact exactly as GET /contacts/{id} shows it, in the trash too', async () => {
    const binned = await createContact(call, {
      displayName: 'Binned Full',
      companyName: 'Binned Co',
      email: 'binned@example.com',
      phone: '+15125550288',
      phones: ['+15125550289'],
      tags: ['binned'],
      notes: 'gate code 4411',
      locale: 'es',
    });
    expect((await call('DELETE', `/contacts/${binned.id}`)).status).toBe(204);
    const listed = [
      ...(await call<Page>('GET', '/contacts?limit=100')).body.items,
      ...(await call<Page>('GET', '/contacts?deleted=only&limit=100')).body.items,
    ];
    for (const id of [ids.smith, ids.garcia, ids.dental, ids.organic, binned.id]) {
      const item = listed.find((contact) => contact.id === id);
      expect(item).toEqual((await call<ContactView>('GET', `/contacts/${id}`)).body);
    }
    expect(listed.find((contact) => contact.id === binned.id)?.deletedAt).toEqual(expect.any(String));
  });

  it('reads a page in one statement, whatever its size', async () => {
    const { sql } = api.app.get<DatabaseHandle>(DATABASE);
    const statements: string[] = [];
    sql.options.debug = (_connection: number, query: string) => {
      statements.push(query);
    };
    try {
      for (const limit of [2, 20]) {
        statements.length = 0;
        expect((await call<Page>('GET', `/contacts?q=pager&limit=${limit}`)).body.items).toHaveLength(limit);
        expect(statements.filter((query) => /\bfrom contacts\b/i.test(query))).toHaveLength(1);
      }
    } finally {
      sql.options.debug = false;
    }
  });
});

describe('who sees which contacts', () => {
  it('shows a Property Manager role only the owners of the properties they manage', async () => {
    const asPm = { as: reader.pm };
    expect(names((await call<Page>('GET', '/contacts', asPm)).body)).toEqual(['Brightside Dental']);
    expect((await call('GET', `/contacts/${ids.dental}`, asPm)).status).toBe(200);
    expect((await call('GET', `/contacts/${ids.smith}`, asPm)).status).toBe(404);
    expect(names((await call<Page>('GET', '/contacts?q=smith', asPm)).body)).toEqual([]);
  });

  it('shows a Client role only their own contact', async () => {
    const asClient = { as: reader.client };
    expect(names((await call<Page>('GET', '/contacts', asClient)).body)).toEqual(['María García']);
    expect((await call('GET', `/contacts/${ids.dental}`, asClient)).status).toBe(404);
  });

  it('needs contacts:read', async () => {
    expect((await call('GET', '/contacts', { as: tenant.users.crew })).status).toBe(403);
  });
});
