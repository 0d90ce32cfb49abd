import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../src/button';
import { EmptyState } from '../src/empty-state';

const meta = {
  title: 'Feedback/Empty state',
  component: EmptyState,
  args: {
    title: 'No jobs scheduled today',
    description: 'Jobs assigned to your crew show up here with their address and start time.',
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithAction: Story = {
  args: {
    title: 'No leads yet',
    description: 'Add your first lead, or share your booking link so customers can request work.',
    action: <Button>Add a lead</Button>,
  },
};
