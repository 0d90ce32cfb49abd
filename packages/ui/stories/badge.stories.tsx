import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '../src/badge';

const meta = {
  title: 'Display/Badge',
  component: Badge,
  args: { children: 'Scheduled' },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Neutral: Story = {};

export const AllVariants: Story = {
  render: () => (
    <div className="flex flex-wrap gap-2">
      <Badge>Draft</Badge>
      <Badge variant="primary">Scheduled</Badge>
      <Badge variant="accent">New lead</Badge>
      <Badge variant="success">Paid</Badge>
      <Badge variant="warning">Due soon</Badge>
      <Badge variant="danger">Overdue</Badge>
      <Badge variant="outline">Archived</Badge>
    </div>
  ),
};
