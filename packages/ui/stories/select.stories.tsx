import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../src/select';

const meta = {
  title: 'Forms/Select',
  component: Select,
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

const trades = (
  <SelectContent>
    <SelectItem value="roofing">Roofing</SelectItem>
    <SelectItem value="plumbing">Plumbing</SelectItem>
    <SelectItem value="electrical">Electrical</SelectItem>
    <SelectItem value="hvac" disabled>
      HVAC (not offered)
    </SelectItem>
  </SelectContent>
);

export const Default: Story = {
  render: (args) => (
    <FormField label="Trade">
      {(control) => (
        <Select {...args}>
          <SelectTrigger className="w-64" {...control}>
            <SelectValue placeholder="Choose a trade" />
          </SelectTrigger>
          {trades}
        </Select>
      )}
    </FormField>
  ),
};

export const Open: Story = {
  ...Default,
  args: { defaultOpen: true, defaultValue: 'plumbing' },
  parameters: {
    // The listbox is portalled over the page; give it room so it is not clipped in the canvas.
    layout: 'fullscreen',
  },
};

export const Disabled: Story = { ...Default, args: { disabled: true, defaultValue: 'roofing' } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Trade" required error="Choose the trade for this job.">
      {(control) => (
        <Select {...args}>
          <SelectTrigger className="w-64" {...control}>
            <SelectValue placeholder="Choose a trade" />
          </SelectTrigger>
          {trades}
        </Select>
      )}
    </FormField>
  ),
};
