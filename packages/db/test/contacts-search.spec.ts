import { normalizeEmail, normalizePhone } from '@ontrack/schemas/crm-constants';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../src/ids.js';

/**
 * Search and duplicate lookup as the API will run them (docs/contacts.md), as the app role: trigram search
 * over contacts.search_text plus service addresses on properties.search_text, and the duplicate check on
 * contacts.match_keys.
 */
const app = postgres(inject('appDatabaseUrl'), { max: 1, onnotice: () => {} });
afterAll(() => app.end());

const tenant = newId();
const ids = { smith: newId(), garcia: newId(), dental: newId(), other: newId() };

beforeAll(async () => {
  const owner = postgres(inject('ownerDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    await owner.begin(async (tx) => {
      await tx`select set_config('app.context', 'system:test', true), set_config('app.tenant_id', ${tenant}, true)`;
      await tx`insert into tenants (id, slug, name) values (${tenant}, ${`search-${tenant}`}, 'Search')`;
      await tx`
        insert into contacts (tenant_id, id, kind, display_name, company_name, email, phone, emails, phones) values
          (${tenant}, ${ids.smith}, 'person', 'Jordan Smith', null, 'Jordan.Smith@Example.com', '+15125550201',
           '{jsmith.work@example.com}', '{}'),
          (${tenant}, ${ids.garcia}, 'person', 'María García', 'García Remodeling', 'maria@example.com', null,
           '{}', '{+15125550299}'),
          (${tenant}, ${ids.dental}, 'company', 'Brightside Dental', null, 'office@brightside.example.com',
           '+15125550202', '{}', '{}'),
          (${tenant}, ${ids.other}, 'person', 'Taylor Brooks', null, 'taylor@example.com', '+15125550203', '{}', '{}')`;
      await tx`insert into properties (tenant_id, id, contact_id, address_line1, city, region, postal_code)
        values (${tenant}, ${newId()}, ${ids.dental}, '1200 E Palm Valley Blvd', 'Round Rock', 'TX', '78664')`;
    });
  } finally {
    await owner.end();
  }
});

type Tx = postgres.TransactionSql;

function inTenant<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return app.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenant}, true), set_config('app.scopes', 'tenant', true),
      set_config('app.context', 'request', true), set_config('pg_trgm.word_similarity_threshold', '0.3', true)`;
    return work(tx);
  }) as Promise<T>;
}

/**
 * The API's search. Words: fuzzy (trigram word similarity) or a substring of the contact, or a substring of
 * one of its addresses. A phone-like query (digits and punctuation only): its digits as a substring, since
 * every phone number shares most of its trigrams with every other.
 */
async function search(text: string): Promise<string[]> {
  const q = text.trim().toLowerCase();
  const digits = /^[\d\s().+-]+$/.test(q) ? q.replace(/\D/g, '') : undefined;
  const rows = await inTenant((tx) =>
    digits
      ? tx<{ id: string }[]>`
          select c.id from contacts c
          where c.deleted_at is null and c.search_text like '%' || ${digits} || '%'
          order by c.display_name, c.id`
      : tx<{ id: string }[]>`
          select c.id from contacts c
          where c.deleted_at is null and (
            unaccent(${q}) <% c.search_text
            or c.search_text like '%' || unaccent(${q}) || '%'
            or c.id in (select p.contact_id from properties p
                        where p.deleted_at is null and p.search_text like '%' || ${q} || '%'))
          order by word_similarity(unaccent(${q}), c.search_text) desc, c.display_name, c.id`,
  );
  return rows.map((row) => row.id);
}

async function duplicatesOf(email: string | null, phone: string | null): Promise<string[]> {
  const keys = [email && normalizeEmail(email), phone && normalizePhone(phone)].filter(Boolean) as string[];
  const rows = await inTenant(
    (tx) => tx<{ id: string }[]>`
      select id from contacts where match_keys && ${keys}::text[] and deleted_at is null order by id`,
  );
  return rows.map((row) => row.id);
}

describe('contact search', () => {
  it('finds Smith when someone types "smyth" (trigram word similarity), and not the others', async () => {
    expect(await search('smyth')).toEqual([ids.smith]);
  });

  it('finds by part of an email, a phone, a company, without accents, and by service address', async () => {
    expect(await search('jsmith.work')).toEqual([ids.smith]);
    expect(await search('5125550299')).toEqual([ids.garcia]);
    expect(await search('garcia remodel')).toEqual([ids.garcia]);
    expect(await search('palm valley')).toEqual([ids.dental]);
  });
});

describe('duplicate lookup', () => {
  it('matches an email whatever its case, primary or additional', async () => {
    expect(await duplicatesOf('JORDAN.smith@example.COM', null)).toEqual([ids.smith]);
    expect(await duplicatesOf(' jsmith.work@example.com', null)).toEqual([ids.smith]);
  });

  it('matches a phone typed in any common US form, primary or additional', async () => {
    expect(await duplicatesOf(null, '(512) 555-0202')).toEqual([ids.dental]);
    expect(await duplicatesOf(null, '512.555.0299')).toEqual([ids.garcia]);
    expect(await duplicatesOf('nobody@example.com', '+1 512 555 0100')).toEqual([]);
  });

  it('refuses additional emails that are not lower-cased and phones that are not E.164', async () => {
    await expect(
      inTenant((tx) => tx`update contacts set emails = '{Upper@Example.com}' where id = ${ids.other}`),
    ).rejects.toThrow(/contacts_emails_lower_case/);
    await expect(
      inTenant((tx) => tx`update contacts set phones = '{512-555-0100}' where id = ${ids.other}`),
    ).rejects.toThrow(/contacts_phones_e164/);
  });
});
