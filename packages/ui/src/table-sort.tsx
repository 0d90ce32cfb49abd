// Sorting state and the comparison behind the sortable table (`@ontrack/ui/table-sort`), free of React so it
// is tested directly and usable on the server. A .tsx file only because every public module of this package is
// one (the package exports and the app's bundler alias both map `@ontrack/ui/<name>` to src/<name>.tsx).

export type SortDirection = 'ascending' | 'descending';

export interface SortState<Key extends string = string> {
  key: Key;
  direction: SortDirection;
}

/** Clicking a column sorts by it ascending; clicking the sorted column again flips the direction. */
export function nextSort<Key extends string>(current: SortState<Key> | null, key: Key): SortState<Key> {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: 'ascending' };
}

export type SortValue = string | number | bigint | Date | null | undefined;

/**
 * A copy of `rows` ordered by `value(row)`. Text compares with the locale's collation and numeric runs
 * ("Job 9" before "Job 10"); empty values go last in both directions, so blanks never crowd the top.
 * The sort is stable: equal rows keep their order.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  value: (row: Row) => SortValue,
  direction: SortDirection,
  locale?: string,
): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: SortValue, b: SortValue): number => {
    if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
    const left = a instanceof Date ? a.getTime() : a;
    const right = b instanceof Date ? b.getTime() : b;
    if (typeof left === 'string' || typeof right === 'string') return collator.compare(String(left), String(right));
    return left === right ? 0 : (left as number | bigint) < (right as number | bigint) ? -1 : 1;
  };
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const aEmpty = a.key === null || a.key === undefined || a.key === '';
      const bEmpty = b.key === null || b.key === undefined || b.key === '';
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      return sign * compare(a.key, b.key) || a.index - b.index;
    })
    .map((entry) => entry.row);
}
