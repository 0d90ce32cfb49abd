import { Injectable } from '@nestjs/common';
import { newId } from '@ontrack/db/ids';
import { type Contact, contacts } from '@ontrack/db/schema/contacts';
import { currentTenantId } from '@ontrack/db/schema/rls';
import type { CreateContact, UpdateContact } from '@ontrack/schemas/contacts';
import { and, arrayOverlaps, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import { currentDb, currentRows } from '../../platform/db/current-transaction.js';
import type { ContactOrder, ContactSearch, ListPosition } from './contact-list.js';

/** A contact as the API reads it (without the columns only the database uses: tenant, search text, match keys). */
export type ContactRow = Omit<Contact, 'tenantId' | 'searchText' | 'matchKeys'>;
/** A row of a list page: the contact and its value in the list's order (for the next page's cursor). */
export type ContactListRow = ContactRow & { sortKey: string };

export interface ContactFilter {
  search?: ContactSearch;
  /** Contacts with every one of these tags. */
  tags?: readonly string[];
  kind?: Contact['kind'];
  deleted: 'exclude' | 'only';
}

export interface DuplicateCandidate {
  id: string;
  displayName: string;
  matchKeys: string[];
}

/** What a new contact is made of (normalised by the zod schemas: emails lower-cased, phones E.164, tags). */
export type ContactFields = CreateContact;

const {
  tenantId: _tenantId,
  searchText: _searchText,
  matchKeys: _matchKeys,
  ...contactColumns
} = getTableColumns(contacts);
/** The request's tenant, stated in a query (see the class comment for why RLS alone is not enough). */
const inTenant = eq(contacts.tenantId, currentTenantId);

/**
 * The columns of a list row (but its cursor text), read from the page subquery aliased `c` and named as
 * ContactListRow names them. The rows skip Drizzle's decoding (see decodeListRow), so this list and that type
 * must agree: the e2e list tests compare every field of a listed contact with the same contact read by id
 * (through Drizzle).
 */
const LIST_COLUMNS = sql.raw(
  `c.id, c.kind, c.display_name as "displayName", c.company_name as "companyName", c.email, c.phone, c.emails,
   c.phones, c.preferred_channel as "preferredChannel", c.locale, c.tags, c.notes, c.version,
   c.created_at as "createdAt", c.updated_at as "updatedAt", c.deleted_at as "deletedAt"`,
);

/** A list row as postgres.js returns it: everything decoded but the timestamps (text, or Date; see rows()). */
type RawListRow = Omit<ContactListRow, 'createdAt' | 'updatedAt' | 'deletedAt'> & {
  createdAt: string | Date;
  updatedAt: string | Date;
  deletedAt: string | Date | null;
};

/**
 * Decodes a list row as Drizzle would (the columns' own mapFromDriverValue), without Drizzle's generic
 * per-field mapping: for a page of 21 rows × 17 fields that mapping was ~13 % of the API's CPU on the
 * contacts list (bench/README.md § crm-load).
 */
function decodeListRow(row: RawListRow): ContactListRow {
  return {
    ...row,
    createdAt: timestamp(row.createdAt),
    updatedAt: timestamp(row.updatedAt),
    deletedAt: row.deletedAt === null ? null : timestamp(row.deletedAt),
  };
}

/** A `timestamptz` as Drizzle's column decodes it: PostgreSQL's text (with its offset) read by `Date`. */
const timestamp = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

/** Trigram word similarity that counts as a fuzzy match: "smyth" finds Smith (0.33); PostgreSQL's default 0.6 would not. */
const WORD_SIMILARITY_THRESHOLD = '0.3';
const similarity = sql`word_similarity(search.term, c.search_text)`;

/**
 * Each order: the value it sorts by (the page's `sort_value`; its ORDER BY names the same expression, so
 * PostgreSQL computes it once per row, which matters for a search's word similarity), the ORDER BY, that value
 * as the cursor's text (read from the page), and "after this position" for the next page.
 */
const ORDERS: Record<
  ContactOrder,
  { value: SQL; orderBy: SQL; cursorText: SQL; after: (position: ListPosition) => SQL }
> = {
  name: {
    value: sql`c.display_name`,
    orderBy: sql`c.display_name, c.id`,
    cursorText: sql`c.sort_value`,
    after: ({ sortKey, id }) => sql`(c.display_name, c.id) > (${sortKey}, ${id}::uuid)`,
  },
  created: {
    value: sql`c.created_at`,
    orderBy: sql`c.created_at, c.id`,
    cursorText: sql`to_json(c.sort_value) #>> '{}'`,
    after: ({ sortKey, id }) => sql`(c.created_at, c.id) > (${sortKey}::timestamptz, ${id}::uuid)`,
  },
  '-created': {
    value: sql`c.created_at`,
    orderBy: sql`c.created_at desc, c.id desc`,
    cursorText: sql`to_json(c.sort_value) #>> '{}'`,
    after: ({ sortKey, id }) => sql`(c.created_at, c.id) < (${sortKey}::timestamptz, ${id}::uuid)`,
  },
  deleted: {
    value: sql`c.deleted_at`,
    orderBy: sql`c.deleted_at desc, c.id desc`,
    cursorText: sql`to_json(c.sort_value) #>> '{}'`,
    after: ({ sortKey, id }) => sql`(c.deleted_at, c.id) < (${sortKey}::timestamptz, ${id}::uuid)`,
  },
  // float4 prints the shortest text that reads back as the same value, so the cursor compares exactly.
  relevance: {
    value: similarity,
    orderBy: sql`${similarity} desc, c.id`,
    cursorText: sql`c.sort_value::text`,
    after: ({ sortKey, id }) =>
      sql`(${similarity} < ${sortKey}::real or (${similarity} = ${sortKey}::real and c.id > ${id}::uuid))`,
  },
};

/**
 * Contacts of the request's tenant. Row-level security decides which rows exist here (a Client sees their
 * own contact, a Property Manager the owners of the properties they manage, another tenant's id nothing),
 * so every method reads and writes "the visible rows" and the service turns "none" into 404.
 *
 * Every statement ALSO names the tenant itself (`tenant_id = current tenant`). The policies cannot reach an
 * index on their own: contacts_system_select is ORed with the tenant policy, so `tenant_id = …` is not a
 * top-level condition of the policy, and the planner scans every tenant's rows. The repeated condition is
 * leakproof (uuid equality), so it leads each index scan; RLS still decides what is visible.
 */
@Injectable()
export class ContactsRepository {
  async findById(id: string): Promise<ContactRow | undefined> {
    const [row] = await currentDb()
      .select(contactColumns)
      .from(contacts)
      .where(and(inTenant, eq(contacts.id, id)));
    return row;
  }

  /**
   * One page of a list (or, without `limit`, every match: the export) in ONE statement, whatever the page
   * size. A word search needs a lower trigram threshold than PostgreSQL's default; the setting is made in the
   * same statement: the `search` row (set_config, then the normalised term, computed once) is the outer side
   * of a lateral join, so it is evaluated before the page's scan starts, and every `<%` in it (a GIN index
   * scan too, where one can be used: see searchCondition) reads the new threshold.
   */
  async list(
    filter: ContactFilter,
    order: ContactOrder,
    after?: ListPosition,
    limit?: number,
  ): Promise<ContactListRow[]> {
    const { value, orderBy, cursorText, after: afterPosition } = ORDERS[order];
    const conditions: SQL[] = [
      sql`c.tenant_id = ${currentTenantId}`,
      filter.deleted === 'only' ? sql`c.deleted_at is not null` : sql`c.deleted_at is null`,
    ];
    if (filter.kind) conditions.push(sql`c.kind = ${filter.kind}`);
    if (filter.tags?.length) conditions.push(sql`c.tags @> ${sql.param([...filter.tags])}::text[]`);
    if (filter.search) conditions.push(searchCondition(filter.search));
    if (after) conditions.push(afterPosition(after));

    const page = sql`(select c.*, ${value} as sort_value from contacts c
      where ${sql.join(conditions, sql` and `)}
      order by ${orderBy}${limit === undefined ? sql`` : sql` limit ${limit}`}) c`;
    const search = filter.search;
    const source = search
      ? sql`(select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY_THRESHOLD}, true) as threshold,
            lower(unaccent(${search.text})) as term,
            '%' || lower(unaccent(${search.pattern})) || '%' as pattern,
            '%' || ${search.pattern} || '%' as address_pattern,
            '%' || ${search.kind === 'digits' ? search.digits : ''} || '%' as digits_pattern) search
          cross join lateral ${page}`
      : page;
    const rows = await currentRows<RawListRow>(sql`select ${LIST_COLUMNS}, ${cursorText} as "sortKey" from ${source}`);
    return rows.map(decodeListRow);
  }

  /** Live contacts that have one of these emails (lower-cased) or E.164 phones (contacts_match_keys_idx). */
  async findByMatchKeys(keys: readonly string[]): Promise<DuplicateCandidate[]> {
    if (keys.length === 0) return [];
    return currentDb()
      .select({ id: contacts.id, displayName: contacts.displayName, matchKeys: contacts.matchKeys })
      .from(contacts)
      .where(and(inTenant, arrayOverlaps(contacts.matchKeys, [...keys]), isNull(contacts.deletedAt)))
      .orderBy(contacts.displayName, contacts.id);
  }

  async insert(tenantId: string, fields: ContactFields): Promise<ContactRow> {
    const [row] = await currentDb()
      .insert(contacts)
      .values({ tenantId, id: newId(), ...fields })
      .returning(contactColumns);
    if (!row) throw new Error('the insert returned no row');
    return row;
  }

  /** Many contacts at once (an import), in statements of a few hundred rows (PostgreSQL takes 65,535 parameters). */
  async insertMany(tenantId: string, rows: readonly ContactFields[]): Promise<number> {
    const CHUNK = 500;
    for (let start = 0; start < rows.length; start += CHUNK) {
      await currentDb()
        .insert(contacts)
        .values(rows.slice(start, start + CHUNK).map((fields) => ({ tenantId, id: newId(), ...fields })));
    }
    return rows.length;
  }

  /** Changes a live contact at `version`; undefined when it is not visible, not live, or at another version. */
  async update(id: string, version: number, patch: UpdateContact): Promise<ContactRow | undefined> {
    const [row] = await currentDb()
      .update(contacts)
      .set({ ...patch, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
      .where(and(inTenant, eq(contacts.id, id), eq(contacts.version, version), isNull(contacts.deletedAt)))
      .returning(contactColumns);
    return row;
  }

  /** Moves a live contact to the trash (at `version`, when given). */
  async softDelete(id: string, version?: number): Promise<ContactRow | undefined> {
    return this.setDeleted(id, true, version);
  }

  /** Takes a contact out of the trash (at `version`, when given). */
  async restore(id: string, version?: number): Promise<ContactRow | undefined> {
    return this.setDeleted(id, false, version);
  }

  private async setDeleted(id: string, deleted: boolean, version?: number): Promise<ContactRow | undefined> {
    const [row] = await currentDb()
      .update(contacts)
      .set({
        deletedAt: deleted ? sql`now()` : null,
        version: sql`${contacts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          inTenant,
          eq(contacts.id, id),
          deleted ? isNull(contacts.deletedAt) : sql`${contacts.deletedAt} is not null`,
          version === undefined ? undefined : eq(contacts.version, version),
        ),
      )
      .returning(contactColumns);
    return row;
  }
}

/**
 * docs/contacts.md § Search. Words: fuzzy (`<%`) or a substring of the contact's text, or a substring of one
 * of its service addresses. Digits: a substring of one of its phone numbers, or of an address.
 *
 * The arms are a union of ids, not an OR, so each can be its own GIN index scan (contacts_search_idx,
 * properties_search_idx) instead of one filter over every contact. Note that PostgreSQL uses an index for a
 * condition under row-level security only when its operator is LEAKPROOF, and pg_trgm's `<%` and LIKE are
 * not by default: migration 0014 declares them so when it runs as a superuser; otherwise these arms
 * filter the tenant's rows (found through tenant_id) rather than search an index.
 */
function searchCondition(search: ContactSearch): SQL {
  const addresses = sql`select p.contact_id from properties p
    where p.tenant_id = ${currentTenantId} and p.deleted_at is null and p.search_text like search.address_pattern`;
  if (search.kind === 'digits') {
    return sql`c.id in (
      select d.id from contacts d
      where d.tenant_id = ${currentTenantId} and d.search_text like search.digits_pattern
        and array_to_string(array_remove(array[d.phone], null) || d.phones, ' ') like search.digits_pattern
      union ${addresses})`;
  }
  return sql`(c.id in (
    select d.id from contacts d
    where d.tenant_id = ${currentTenantId} and (search.term <% d.search_text or d.search_text like search.pattern)
    union ${addresses}) and search.threshold is not null)`;
}
