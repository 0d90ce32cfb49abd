import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '../src/badge';
import {
  SortableTableHead,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  useTableSort,
} from '../src/table';
import { sortRows } from '../src/table-sort';

interface Invoice {
  number: string;
  customer: string;
  totalCents: number;
  status: 'Paid' | 'Overdue' | 'Draft';
}

const invoices: Invoice[] = [
  { number: 'INV-1042', customer: 'Rivera Roofing', totalCents: 482_500, status: 'Overdue' },
  { number: 'INV-1040', customer: 'Ashford Property Mgmt', totalCents: 129_900, status: 'Paid' },
  { number: 'INV-1043', customer: 'Baker & Sons', totalCents: 76_000, status: 'Draft' },
  { number: 'INV-1041', customer: 'Chen Residence', totalCents: 1_250_000, status: 'Paid' },
];

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const statusVariant = { Paid: 'success', Overdue: 'danger', Draft: 'neutral' } as const;
type Column = 'number' | 'customer' | 'totalCents';

function InvoiceTable({ initial }: { initial: { key: Column; direction: 'ascending' | 'descending' } | null }) {
  const [sort, setSort] = useTableSort<Column>(initial);
  const rows = sort ? sortRows(invoices, (invoice) => invoice[sort.key], sort.direction, 'en') : invoices;
  return (
    <Table>
      <TableCaption>Invoices this month. Select a column header to sort.</TableCaption>
      <TableHeader>
        <TableRow>
          <SortableTableHead sortKey="number" sort={sort} onSortChange={setSort}>
            Invoice
          </SortableTableHead>
          <SortableTableHead sortKey="customer" sort={sort} onSortChange={setSort}>
            Customer
          </SortableTableHead>
          <SortableTableHead sortKey="totalCents" sort={sort} onSortChange={setSort} className="text-end">
            Total
          </SortableTableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((invoice) => (
          <TableRow key={invoice.number}>
            <TableCell className="font-medium">{invoice.number}</TableCell>
            <TableCell>{invoice.customer}</TableCell>
            <TableCell className="text-end tabular-nums">{money.format(invoice.totalCents / 100)}</TableCell>
            <TableCell>
              <Badge variant={statusVariant[invoice.status]}>{invoice.status}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const meta = {
  title: 'Display/Table',
  component: InvoiceTable,
  args: { initial: null },
} satisfies Meta<typeof InvoiceTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unsorted: Story = {};
export const SortedByTotalDescending: Story = { args: { initial: { key: 'totalCents', direction: 'descending' } } };
