import type { Meta, StoryObj } from '@storybook/react-vite';
import { Avatar } from '../src/avatar';

const meta = {
  title: 'Display/Avatar',
  component: Avatar,
  args: { name: 'Marisol Vega' },
} satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Initials: Story = {};

// A data URL so the story needs no network: a navy square.
const photo =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#0f3659"/></svg>',
  );

export const WithImage: Story = { args: { src: photo } };
export const BrokenImage: Story = { args: { src: 'data:image/png;base64,AAAA' } };

export const Sizes: Story = {
  render: () => (
    <div className="flex items-center gap-3">
      <Avatar name="Ana María López" size="sm" />
      <Avatar name="Ana María López" />
      <Avatar name="Ana María López" size="lg" />
    </div>
  ),
};

export const BesideName: Story = {
  render: () => (
    <div className="flex items-center gap-3">
      <Avatar name="Marisol Vega" decorative />
      <span className="font-semibold">Marisol Vega</span>
    </div>
  ),
};
