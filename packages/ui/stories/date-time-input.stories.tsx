import type { Meta, StoryObj } from '@storybook/react-vite';
import { DateInput, TimeInput } from '../src/date-time-input';
import { FormField } from '../src/form-field';

const meta = {
  title: 'Forms/Date and time',
  component: DateInput,
} satisfies Meta<typeof DateInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  render: () => (
    <div className="flex flex-wrap gap-4">
      <FormField label="Visit date">
        <DateInput defaultValue="2026-03-14" min="2026-01-01" />
      </FormField>
      <FormField label="Arrival time" hint="15-minute steps.">
        <TimeInput defaultValue="07:30" />
      </FormField>
    </div>
  ),
};

export const Disabled: Story = {
  render: () => (
    <div className="flex flex-wrap gap-4">
      <FormField label="Visit date">
        <DateInput defaultValue="2026-03-14" disabled />
      </FormField>
      <FormField label="Arrival time">
        <TimeInput defaultValue="07:30" disabled />
      </FormField>
    </div>
  ),
};

export const Invalid: Story = {
  render: () => (
    <FormField label="Visit date" required error="Pick a date on or after today.">
      <DateInput defaultValue="2020-01-01" />
    </FormField>
  ),
};
