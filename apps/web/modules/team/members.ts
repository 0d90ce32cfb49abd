import type { MemberView } from '@ontrack/schemas/rbac';
import { type SortDirection, type SortValue, sortRows } from '@ontrack/ui/table-sort';

export type MemberSortKey = 'name' | 'email' | 'roles' | 'status';
export const MEMBER_SORT_KEYS: readonly MemberSortKey[] = ['name', 'email', 'roles', 'status'];

/** Lower case without accents, so "jose" finds "José" and "ÁLVAREZ" finds "Álvarez". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The members whose name, email or one of whose role names contains every word of `query` (any order,
 * case and accents ignored). An empty query keeps everyone.
 */
export function filterMembers<M extends Pick<MemberView, 'name' | 'email' | 'roles'>>(
  members: readonly M[],
  query: string,
): M[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...members];
  return members.filter((member) => {
    const haystack = foldForSearch([member.name, member.email, ...member.roles.map((role) => role.name)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

// Active people first when sorting by status: they are who an admin looks for most of the time.
const STATUS_ORDER: Record<MemberView['status'], number> = { active: 0, invited: 1, suspended: 2 };

function sortValue(member: Pick<MemberView, 'name' | 'email' | 'roles' | 'status'>, key: MemberSortKey): SortValue {
  switch (key) {
    case 'name':
      return member.name || member.email;
    case 'email':
      return member.email;
    case 'roles':
      return member.roles
        .map((role) => role.name)
        .sort((a, b) => a.localeCompare(b))
        .join(', ');
    case 'status':
      return STATUS_ORDER[member.status];
  }
}

/** A sorted copy; ties keep the order they came in (the API lists people by name). */
export function sortMembers<M extends Pick<MemberView, 'name' | 'email' | 'roles' | 'status'>>(
  members: readonly M[],
  key: MemberSortKey,
  direction: SortDirection,
  locale?: string,
): M[] {
  return sortRows(members, (member) => sortValue(member, key), direction, locale);
}

/** Role ids with `id` added or taken away, in the order of `all` (the business's role list). */
export function toggleRole(selected: readonly string[], id: string, on: boolean, all: readonly string[]): string[] {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return all.filter((roleId) => next.has(roleId));
}

/** Whether two lists hold the same ids, whatever their order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
