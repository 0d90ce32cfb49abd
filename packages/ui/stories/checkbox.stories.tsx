import type { Meta, StoryObj } from '@storybook/react-vite';
import { Checkbox } from '../src/checkbox';
import { FormField } from '../src/form-field';

const meta = {
  title: 'Forms/Checkbox',
  component: Checkbox,
  render: (args) => (
    <FormField label="Send the invoice by email" layout="inline">
      <Checkbox {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Checkbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unchecked: Story = {};
export const Checked: Story = { args: { defaultChecked: true } };
export const Indeterminate: Story = { args: { checked: 'indeterminate' } };
export const Disabled: Story = { args: { disabled: true, defaultChecked: true } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="I accept the estimate terms" layout="inline" required error="Accept the terms to continue.">
      <Checkbox {...args} />
    </FormField>
  ),
};
