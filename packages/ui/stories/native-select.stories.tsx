import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { NativeSelect } from '../src/native-select';

const meta = {
  title: 'Forms/Native select',
  component: NativeSelect,
  render: (args) => (
    <FormField label="Time zone" hint="Dates and schedules are shown on this clock.">
      <NativeSelect {...args}>
        <optgroup label="America">
          <option value="America/Chicago">Chicago</option>
          <option value="America/Denver">Denver</option>
          <option value="America/New_York">New York</option>
        </optgroup>
        <optgroup label="Europe">
          <option value="Europe/Madrid">Madrid</option>
        </optgroup>
      </NativeSelect>
    </FormField>
  ),
} satisfies Meta<typeof NativeSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { defaultValue: 'America/Chicago' } };
export const Disabled: Story = { args: { defaultValue: 'America/Chicago', disabled: true } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Currency" required error="Choose the currency your invoices are in.">
      <NativeSelect {...args}>
        <option value="">Choose…</option>
        <option value="USD">USD · US Dollar</option>
        <option value="MXN">MXN · Mexican Peso</option>
      </NativeSelect>
    </FormField>
  ),
};
