import { CONTACT_KINDS, type ContactKind, normalizeTag } from '@ontrack/schemas/crm-constants';

// The contact list's search, filters and sort as they live in the address bar (?q=&tag=&kind=&sort=&trash=1),
// so a filtered list can be shared, reloaded and gone back to. Zod-free: this runs in the browser.

/** GET /contacts `sort` (CONTACT_SORTS in @ontrack/schemas/contacts, which bundles zod). */
export const CONTACT_SORT_OPTIONS = ['name', '-created', 'created'] as const;
export type ContactSort = (typeof CONTACT_SORT_OPTIONS)[number];
const DEFAULT_SORT: ContactSort = 'name';

export interface ContactFilters {
  /** The search words, as typed (the API trims them). */
  q?: string;
  /** Contacts carrying every one of these tags (normalised: lower-case-hyphenated). */
  tags: string[];
  kind?: ContactKind;
  sort: ContactSort;
  /** The trash instead of the live contacts. */
  trash: boolean;
}

/** The query of GET /api/v1/contacts the filters ask for (cursor and limit aside). */
export interface ContactListQuery {
  q?: string;
  tag?: string[];
  kind?: ContactKind;
  sort?: ContactSort;
  deleted?: 'only';
}

/** What the API accepts as a search: 1-100 characters after trimming. */
export const SEARCH_MAX = 100;

const isKind = (value: string): value is ContactKind => (CONTACT_KINDS as readonly string[]).includes(value);
const isSort = (value: string): value is ContactSort => (CONTACT_SORT_OPTIONS as readonly string[]).includes(value);

/** Tags typed in one field ("Net 30, vip; weekly mowing") as the API stores them, without repeats. */
export function parseTagInput(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map(normalizeTag)
        .filter((tag) => tag.length > 0),
    ),
  ];
}

/**
 * Filters from the address bar. An unknown kind or sort (a link edited by hand) falls back to "any" and A-Z
 * rather than being sent: those are choices of a select, which could not show anything else.
 */
export function parseFilters(params: Pick<URLSearchParams, 'get' | 'getAll'>): ContactFilters {
  const q = params.get('q')?.trim().slice(0, SEARCH_MAX);
  const kind = params.get('kind') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    ...(q ? { q } : {}),
    tags: [...new Set(params.getAll('tag').flatMap(parseTagInput))],
    ...(isKind(kind) ? { kind } : {}),
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    trash: params.get('trash') === '1',
  };
}

/** The address bar's query for the filters, keys in a stable order (empty for the plain list). */
export function filtersToSearch(filters: ContactFilters): string {
  const params = new URLSearchParams();
  const q = filters.q?.trim();
  if (q) params.set('q', q);
  for (const tag of filters.tags) params.append('tag', tag);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  if (filters.trash) params.set('trash', '1');
  return params.toString();
}

/** Whether anything narrows the list (the sort and the trash do not: they show all of it differently). */
export function hasFilters(filters: ContactFilters): boolean {
  return Boolean(filters.q?.trim()) || filters.tags.length > 0 || filters.kind !== undefined;
}

/** A word search ranks by relevance and the trash by deletion: the sort applies to neither. */
export function sortApplies(filters: ContactFilters): boolean {
  return !filters.trash && !filters.q?.trim();
}

export function toListQuery(filters: ContactFilters): ContactListQuery {
  const q = filters.q?.trim();
  return {
    ...(q ? { q } : {}),
    ...(filters.tags.length ? { tag: filters.tags } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(sortApplies(filters) && filters.sort !== DEFAULT_SORT ? { sort: filters.sort } : {}),
    ...(filters.trash ? { deleted: 'only' as const } : {}),
  };
}

/** The same filters with the search, tags and kind cleared (the trash and the sort stay). */
export function clearedFilters(filters: ContactFilters): ContactFilters {
  return { tags: [], sort: filters.sort, trash: filters.trash };
}
