import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../src/button';
import { Popover, PopoverContent, PopoverTrigger } from '../src/popover';

const meta = {
  title: 'Overlays/Popover',
  component: Popover,
  render: (args) => (
    <div className="flex min-h-64 items-start justify-center pt-4">
      <Popover {...args}>
        <PopoverTrigger asChild>
          <Button variant="secondary">Crew B</Button>
        </PopoverTrigger>
        <PopoverContent aria-label="Crew B">
          <p className="font-semibold">Crew B</p>
          <p className="text-sm text-muted-foreground">Lead: Marisol Vega · 3 people · Truck 12</p>
        </PopoverContent>
      </Popover>
    </div>
  ),
} satisfies Meta<typeof Popover>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
export const Open: Story = { args: { defaultOpen: true } };
