import type { Meta, StoryObj } from '@storybook/react-vite';
import { FormField } from '../src/form-field';
import { Textarea } from '../src/textarea';

const meta = {
  title: 'Forms/Textarea',
  component: Textarea,
  render: (args) => (
    <FormField label="Job notes" hint="Visible to the crew on site.">
      <Textarea {...args} />
    </FormField>
  ),
} satisfies Meta<typeof Textarea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Disabled: Story = { args: { disabled: true, defaultValue: 'Gate code 4512. Dog in the yard.' } };

export const Invalid: Story = {
  render: (args) => (
    <FormField label="Reason for the change" required error="Say why the estimate changed (at least 10 characters).">
      <Textarea defaultValue="Price" {...args} />
    </FormField>
  ),
};
