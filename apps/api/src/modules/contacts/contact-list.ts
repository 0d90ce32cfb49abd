import { decodeKeysetCursor, encodeKeysetCursor } from '@ontrack/schemas/contacts';

// How a contact list is searched and ordered, and what its keyset cursors hold: pure rules, shared by the
// list and the export, tested beside this file. The SQL that applies them is in contacts.repository.ts.

/**
 * The orders of a list. `name`, `created` and `-created` are the `sort` parameter; a word search ranks by
 * `relevance` (trigram word similarity, best first) and the trash lists the most recently `deleted` first,
 * each over its own index (docs/contacts.md § Lists and pagination).
 */
export type ContactOrder = 'name' | 'created' | '-created' | 'deleted' | 'relevance';

/**
 * A search: `words` are matched fuzzily (name, company, emails) and as a substring of a service address;
 * a phone-like query (digits with spaces, + ( ) - .) as a substring of the contact's phone numbers (and of
 * an address: a house number or postal code), because every phone number shares most trigrams with every other.
 */
export type ContactSearch =
  | { kind: 'words'; text: string; pattern: string }
  | { kind: 'digits'; text: string; digits: string; pattern: string };

/** `%` and `_` typed by a person are characters, not LIKE wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function searchOf(q: string | undefined): ContactSearch | undefined {
  if (q === undefined) return undefined;
  const text = q.trim().toLowerCase();
  if (text === '') return undefined;
  const digits = text.replace(/\D/g, '');
  if (/^[\d\s()+.-]+$/.test(text) && digits.length > 0) {
    return { kind: 'digits', text, digits, pattern: escapeLike(text) };
  }
  return { kind: 'words', text, pattern: escapeLike(text) };
}

export function orderOf(
  query: { sort: 'name' | 'created' | '-created'; deleted: 'exclude' | 'only' },
  search: ContactSearch | undefined,
): ContactOrder {
  if (query.deleted === 'only') return 'deleted';
  if (search?.kind === 'words') return 'relevance';
  return query.sort;
}

/** Where the next page starts: after this sort value and id, in this order. */
export interface ListPosition {
  sortKey: string;
  id: string;
}

// The order travels inside the cursor, so a cursor of one order is never read as a position of another
// (a name compared with a timestamp would be a 500, or a silently wrong page).
export function cursorOf(order: ContactOrder, position: ListPosition): string {
  return encodeKeysetCursor(`${order}:${position.sortKey}`, position.id);
}

/** The position in a cursor of this order; undefined when the cursor was made for another order. */
export function positionIn(order: ContactOrder, cursor: string): ListPosition | undefined {
  const decoded = decodeKeysetCursor(cursor);
  if (!decoded?.sortValue.startsWith(`${order}:`)) return undefined;
  const sortKey = decoded.sortValue.slice(order.length + 1);
  // Cursors are opaque but not signed: a hand-made one must not reach the database as a bad cast.
  const wellFormed =
    order === 'name' ||
    (order === 'relevance' ? /^(0|1|0?\.\d+|\d(\.\d+)?e-\d+)$/.test(sortKey) : !Number.isNaN(Date.parse(sortKey)));
  return wellFormed ? { sortKey, id: decoded.id } : undefined;
}
