import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * A list's filters live in the address bar (shareable, kept on reload). Returns `updateFilters(update)`, which
 * writes the next filters there through the History API: Next.js syncs `useSearchParams` without a server
 * round trip. Replace, not push: each keystroke or pick is not a page to go back to. Two changes in quick
 * succession (two dates typed one after the other) must not lose the first, so each builds on the last
 * filters asked for, not on those of the last render.
 */
export function useUrlFilters<Filters>(
  filters: Filters,
  toSearch: (filters: Filters) => string,
): (update: (current: Filters) => Filters) => void {
  const pathname = usePathname();
  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);

  return (update) => {
    const next = update(latest.current);
    latest.current = next;
    const search = toSearch(next);
    window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
  };
}
