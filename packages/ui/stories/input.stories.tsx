import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { Input } from '../src/input';

const meta = {
  title: 'Forms/Input',
  component: Input,
  render: (args) => (
    <FormField label="Customer name" hint="As it should appear on estimates and invoices.">
      <Input {...args} />
    </FormField>
  ),
  args: { placeholder: 'e.g. Rivera Roofing LLC' },
} satisfies Meta<typeof Input>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Filled: Story = { args: { defaultValue: 'Rivera Roofing LLC' } };
export const Disabled: Story = { args: { disabled: true, defaultValue: 'Rivera Roofing LLC' } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Email" required error="Enter an email address like name@example.com.">
      <Input type="email" autoComplete="email" defaultValue="rivera@" {...args} />
    </FormField>
  ),
};
