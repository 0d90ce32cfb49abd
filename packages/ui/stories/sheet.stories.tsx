import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../src/button';
import { DialogDescription, DialogTitle } from '../src/dialog';
import { Sheet, SheetContent, SheetTrigger } from '../src/sheet';

const meta = {
  title: 'Overlays/Sheet',
  component: Sheet,
  render: (args) => (
    <Sheet {...args}>
      <SheetTrigger asChild>
        <Button variant="secondary">Job details</Button>
      </SheetTrigger>
      <SheetContent>
        <DialogTitle className="pe-10 text-lg font-semibold">Roof replacement — 14 Elm St</DialogTitle>
        <DialogDescription className="text-sm text-muted-foreground">Scheduled Monday 7:30, crew B.</DialogDescription>
        <p>Tear-off and re-deck, 28 squares. Gate code 4512.</p>
      </SheetContent>
    </Sheet>
  ),
} satisfies Meta<typeof Sheet>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
export const Open: Story = { args: { defaultOpen: true } };

export const Navigation: Story = {
  render: (args) => (
    <Sheet {...args}>
      <SheetTrigger asChild>
        <Button variant="secondary">Menu</Button>
      </SheetTrigger>
      <SheetContent side="start" closeLabel="Close menu" aria-describedby={undefined}>
        <DialogTitle className="text-lg font-semibold">Menu</DialogTitle>
        <nav aria-label="Main">
          <ul className="grid gap-1">
            {['Dashboard', 'Jobs', 'Schedule', 'Invoices'].map((item) => (
              <li key={item}>
                <a className="flex min-h-11 items-center rounded-md px-3 hover:bg-surface-muted" href={`#${item}`}>
                  {item}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </SheetContent>
    </Sheet>
  ),
  args: { defaultOpen: true },
};

export const Bottom: Story = {
  render: (args) => (
    <Sheet {...args}>
      <SheetTrigger asChild>
        <Button variant="secondary">Update status</Button>
      </SheetTrigger>
      <SheetContent side="bottom" aria-describedby={undefined}>
        <DialogTitle className="text-lg font-semibold">Update job status</DialogTitle>
        <div className="grid gap-2">
          <Button>On the way</Button>
          <Button variant="secondary">Arrived</Button>
        </div>
      </SheetContent>
    </Sheet>
  ),
  args: { defaultOpen: true },
};
