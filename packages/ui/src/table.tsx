import { type ComponentProps, type ReactNode, useState } from 'react';
import { cn, focusRing } from './class-names';
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from './icons';
import { nextSort, type SortState } from './table-sort';

// A plain <table> (not divs with roles) so screen readers announce headers with every cell. Give it a
// TableCaption — it names the table — and use scope-bearing TableHead cells.

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn('w-full caption-bottom border-collapse text-base', className)} {...props} />
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<'caption'>) {
  return <caption className={cn('mt-3 text-start text-sm text-muted-foreground', className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('border-b-2 border-border-strong', className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('[&_tr:last-child]:border-0', className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('border-b border-border hover:bg-surface', className)} {...props} />;
}

export function TableHead({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn('h-11 px-3 text-start align-middle text-sm font-semibold text-foreground', className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-3 py-2.5 align-middle text-foreground', className)} {...props} />;
}

export interface SortableTableHeadProps<Key extends string> extends Omit<ComponentProps<'th'>, 'children'> {
  sortKey: Key;
  sort: SortState<Key> | null;
  onSortChange: (sort: SortState<Key>) => void;
  children: ReactNode;
}

/**
 * A column header that sorts. The header carries aria-sort only while it is the sorted column (as the ARIA
 * practices advise), and the control inside is a real button so it is reachable and operable by keyboard.
 */
export function SortableTableHead<Key extends string>({
  sortKey,
  sort,
  onSortChange,
  children,
  className,
  ...props
}: SortableTableHeadProps<Key>) {
  const direction = sort?.key === sortKey ? sort.direction : undefined;
  const Icon =
    direction === 'ascending' ? ArrowUpIcon : direction === 'descending' ? ArrowDownIcon : ChevronsUpDownIcon;
  return (
    <TableHead aria-sort={direction} className={cn('px-1', className)} {...props}>
      <button
        type="button"
        onClick={() => onSortChange(nextSort(sort, sortKey))}
        className={cn(
          'inline-flex min-h-11 items-center gap-1.5 rounded-md px-2 font-semibold hover:bg-surface-muted',
          focusRing,
        )}
      >
        {children}
        <Icon className={cn('size-4', direction ? 'text-foreground' : 'text-muted-foreground')} />
      </button>
    </TableHead>
  );
}

/** Sort state for a table, starting unsorted or at `initial`. */
export function useTableSort<Key extends string>(initial: SortState<Key> | null = null) {
  return useState<SortState<Key> | null>(initial);
}
